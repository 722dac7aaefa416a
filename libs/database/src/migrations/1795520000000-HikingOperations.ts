import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingOperations1795520000000 implements MigrationInterface {
  name = 'HikingOperations1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_hiking_walkers_entry\` ON \`hiking_walkers\``);
    await queryRunner.query(`CREATE TABLE \`hiking_checkpoint_staff\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`checkpoint_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, INDEX \`idx_hiking_checkpoint_staff_user\` (\`user_id\`), UNIQUE INDEX \`uq_hiking_checkpoint_staff\` (\`checkpoint_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_status_changes\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`walker_id\` int UNSIGNED NOT NULL, \`from_status\` enum ('registered', 'started', 'on_course', 'finished', 'withdrawn', 'timed_out', 'disqualified') NOT NULL, \`to_status\` enum ('registered', 'started', 'on_course', 'finished', 'withdrawn', 'timed_out', 'disqualified') NOT NULL, \`reason\` varchar(500) NOT NULL, \`actor_id\` int UNSIGNED NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_hiking_status_changes_walker\` (\`walker_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`item_id\` int UNSIGNED NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`team_min\` smallint UNSIGNED NOT NULL DEFAULT '4'`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`team_max\` smallint UNSIGNED NOT NULL DEFAULT '6'`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`team_gap_ms\` int UNSIGNED NOT NULL DEFAULT '600000'`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`skew_limit_ms\` int UNSIGNED NOT NULL DEFAULT '120000'`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`overdue_margin_ms\` int UNSIGNED NOT NULL DEFAULT '1800000'`);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`standings_version\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD \`bib\` varchar(32) NULL`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD \`captain\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD \`lost\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`role_assignments\` CHANGE \`role\` \`role\` enum ('admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer', 'checkpoint_staff') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`identity_audit\` CHANGE \`role\` \`role\` enum ('admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer', 'checkpoint_staff') NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_hiking_routes_item\` ON \`hiking_routes\` (\`item_id\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_hiking_walkers_bib\` ON \`hiking_walkers\` (\`route_id\`, \`bib\`)`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_hiking_walkers_entry\` ON \`hiking_walkers\` (\`entry_id\`, \`user_id\`)`);
    await queryRunner.query(`ALTER TABLE \`hiking_checkpoint_staff\` ADD CONSTRAINT \`FK_91a5067d31fe1bd5124f294b4c1\` FOREIGN KEY (\`checkpoint_id\`) REFERENCES \`hiking_checkpoints\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_checkpoint_staff\` DROP FOREIGN KEY \`FK_91a5067d31fe1bd5124f294b4c1\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_walkers_entry\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_walkers_bib\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_routes_item\` ON \`hiking_routes\``);
    await queryRunner.query(`ALTER TABLE \`identity_audit\` CHANGE \`role\` \`role\` enum ('admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer') NULL`);
    await queryRunner.query(`ALTER TABLE \`role_assignments\` CHANGE \`role\` \`role\` enum ('admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP COLUMN \`lost\``);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP COLUMN \`captain\``);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP COLUMN \`bib\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`standings_version\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`overdue_margin_ms\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`skew_limit_ms\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`team_gap_ms\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`team_max\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`team_min\``);
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`item_id\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_status_changes_walker\` ON \`hiking_status_changes\``);
    await queryRunner.query(`DROP TABLE \`hiking_status_changes\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_checkpoint_staff\` ON \`hiking_checkpoint_staff\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_checkpoint_staff_user\` ON \`hiking_checkpoint_staff\``);
    await queryRunner.query(`DROP TABLE \`hiking_checkpoint_staff\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_hiking_walkers_entry\` ON \`hiking_walkers\` (\`entry_id\`)`);
  }
}
