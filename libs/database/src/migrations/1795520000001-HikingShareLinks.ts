import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingShareLinks1795520000001 implements MigrationInterface {
  name = 'HikingShareLinks1795520000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD \`share_token\` varchar(64) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_hiking_walkers_share\` ON \`hiking_walkers\` (\`share_token\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_hiking_walkers_share\` ON \`hiking_walkers\``);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP COLUMN \`share_token\``);
  }
}
