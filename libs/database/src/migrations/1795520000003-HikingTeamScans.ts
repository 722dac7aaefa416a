import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingTeamScans1795520000003 implements MigrationInterface {
  name = 'HikingTeamScans1795520000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`incomplete_team_scan\` enum ('flag', 'refuse') NOT NULL DEFAULT 'flag'`);
    await queryRunner.query(`ALTER TABLE \`hiking_scans\` CHANGE \`flags\` \`flags\` set ('duplicate', 'off_route', 'out_of_order', 'no_start_scan', 'clock_skew', 'questionable', 'team_incomplete') NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_scans\` CHANGE \`flags\` \`flags\` set ('duplicate', 'off_route', 'out_of_order', 'no_start_scan', 'clock_skew', 'questionable') NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`incomplete_team_scan\``);
  }
}
