import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingScanPath1795560000000 implements MigrationInterface {
  name = 'HikingScanPath1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`hiking_arrival_counts\` (\`checkpoint_id\` int UNSIGNED NOT NULL, \`shard\` smallint UNSIGNED NOT NULL, \`arrived\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`checkpoint_id\`, \`shard\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_overdue_alerts\` (\`walker_id\` int UNSIGNED NOT NULL, \`checkpoint_id\` int UNSIGNED NOT NULL, \`alerted_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`walker_id\`, \`checkpoint_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`setup_version\` int UNSIGNED NOT NULL DEFAULT '0'`);
    // The counters start from the scans already stored, in shard 0.
    await queryRunner.query(
      `INSERT INTO \`hiking_arrival_counts\` (\`checkpoint_id\`, \`shard\`, \`arrived\`) SELECT \`checkpoint_id\`, 0, COUNT(DISTINCT \`walker_id\`) FROM \`hiking_scans\` WHERE \`counted\` = 1 GROUP BY \`checkpoint_id\``,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`setup_version\``);
    await queryRunner.query(`DROP TABLE \`hiking_overdue_alerts\``);
    await queryRunner.query(`DROP TABLE \`hiking_arrival_counts\``);
  }
}
