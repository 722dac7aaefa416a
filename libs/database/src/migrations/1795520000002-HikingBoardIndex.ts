import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingBoardIndex1795520000002 implements MigrationInterface {
  name = 'HikingBoardIndex1795520000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_hiking_scans_board\` ON \`hiking_scans\` (\`checkpoint_id\`, \`counted\`, \`walker_id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_hiking_scans_board\` ON \`hiking_scans\``);
  }
}
