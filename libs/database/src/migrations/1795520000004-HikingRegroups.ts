import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingRegroups1795520000004 implements MigrationInterface {
  name = 'HikingRegroups1795520000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`hiking_regroups\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`route_id\` int UNSIGNED NOT NULL, \`name\` varchar(100) NOT NULL, \`approved_by\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_hiking_regroups_route\` (\`route_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD \`regroup_id\` int UNSIGNED NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP COLUMN \`regroup_id\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_regroups_route\` ON \`hiking_regroups\``);
    await queryRunner.query(`DROP TABLE \`hiking_regroups\``);
  }
}
