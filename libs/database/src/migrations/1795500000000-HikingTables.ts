import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HikingTables1795500000000 implements MigrationInterface {
  name = 'HikingTables1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`hiking_routes\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`name\` varchar(200) NOT NULL, \`distance_m\` int UNSIGNED NOT NULL, \`reference_start_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_hiking_routes_event\` (\`event_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_checkpoints\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`route_id\` int UNSIGNED NOT NULL, \`seq\` smallint UNSIGNED NOT NULL, \`name\` varchar(200) NOT NULL, \`distance_m\` int UNSIGNED NOT NULL, \`location\` text NULL, \`opens_at\` datetime(3) NULL, \`arrival_cutoff_at\` datetime(3) NULL, \`departure_cutoff_at\` datetime(3) NULL, UNIQUE INDEX \`uq_hiking_checkpoints_seq\` (\`route_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_waves\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`name\` varchar(200) NOT NULL, \`starts_at\` datetime(3) NOT NULL, INDEX \`idx_hiking_waves_event\` (\`event_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_walkers\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`entry_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`route_id\` int UNSIGNED NOT NULL, \`wave_id\` int UNSIGNED NOT NULL, \`team_entry_id\` int UNSIGNED NULL, \`status\` enum ('registered', 'started', 'on_course', 'finished', 'withdrawn', 'timed_out', 'disqualified') NOT NULL DEFAULT 'registered', \`drop_reason\` varchar(500) NULL, \`drop_checkpoint_id\` int UNSIGNED NULL, \`dropped_at\` datetime(3) NULL, \`last_checkpoint_seq\` smallint UNSIGNED NULL, \`last_scan_at\` datetime(3) NULL, \`started_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_hiking_walkers_user\` (\`user_id\`), INDEX \`idx_hiking_walkers_team\` (\`team_entry_id\`), INDEX \`idx_hiking_walkers_cutoff\` (\`wave_id\`, \`route_id\`, \`status\`, \`last_checkpoint_seq\`), INDEX \`idx_hiking_walkers_board\` (\`route_id\`, \`status\`, \`last_checkpoint_seq\`), UNIQUE INDEX \`uq_hiking_walkers_entry\` (\`entry_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_scans\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`walker_id\` int UNSIGNED NOT NULL, \`checkpoint_id\` int UNSIGNED NOT NULL, \`direction\` enum ('in', 'out') NOT NULL, \`device_id\` varchar(64) NOT NULL, \`client_scan_id\` varchar(64) NOT NULL, \`raw_at\` datetime(3) NOT NULL, \`corrected_at\` datetime(3) NOT NULL, \`received_at\` datetime(3) NOT NULL, \`counted\` tinyint NOT NULL, \`flags\` set ('duplicate', 'off_route', 'out_of_order', 'no_start_scan', 'clock_skew', 'questionable') NOT NULL DEFAULT '', INDEX \`idx_hiking_scans_checkpoint\` (\`checkpoint_id\`, \`corrected_at\`), INDEX \`idx_hiking_scans_walker\` (\`walker_id\`, \`checkpoint_id\`, \`direction\`), UNIQUE INDEX \`uq_hiking_scans_client\` (\`device_id\`, \`client_scan_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`hiking_devices\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`device_id\` varchar(64) NOT NULL, \`event_id\` int UNSIGNED NOT NULL, \`last_skew_ms\` int NULL, \`last_seen_at\` datetime(3) NULL, UNIQUE INDEX \`uq_hiking_devices_event\` (\`event_id\`, \`device_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`hiking_checkpoints\` ADD CONSTRAINT \`FK_0d20e56a8370a946d61eb1a311d\` FOREIGN KEY (\`route_id\`) REFERENCES \`hiking_routes\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD CONSTRAINT \`FK_0c5bb012e887e49063631c8359b\` FOREIGN KEY (\`route_id\`) REFERENCES \`hiking_routes\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD CONSTRAINT \`FK_1f898ae1d513ddb06c0279b6b02\` FOREIGN KEY (\`wave_id\`) REFERENCES \`hiking_waves\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`hiking_scans\` ADD CONSTRAINT \`FK_55ab0a48a2491cedace4409dd46\` FOREIGN KEY (\`walker_id\`) REFERENCES \`hiking_walkers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`hiking_scans\` ADD CONSTRAINT \`FK_32b6acd4ad96852671f6443a00f\` FOREIGN KEY (\`checkpoint_id\`) REFERENCES \`hiking_checkpoints\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_scans\` DROP FOREIGN KEY \`FK_32b6acd4ad96852671f6443a00f\``);
    await queryRunner.query(`ALTER TABLE \`hiking_scans\` DROP FOREIGN KEY \`FK_55ab0a48a2491cedace4409dd46\``);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP FOREIGN KEY \`FK_1f898ae1d513ddb06c0279b6b02\``);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP FOREIGN KEY \`FK_0c5bb012e887e49063631c8359b\``);
    await queryRunner.query(`ALTER TABLE \`hiking_checkpoints\` DROP FOREIGN KEY \`FK_0d20e56a8370a946d61eb1a311d\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_devices_event\` ON \`hiking_devices\``);
    await queryRunner.query(`DROP TABLE \`hiking_devices\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_scans_client\` ON \`hiking_scans\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_scans_walker\` ON \`hiking_scans\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_scans_checkpoint\` ON \`hiking_scans\``);
    await queryRunner.query(`DROP TABLE \`hiking_scans\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_walkers_entry\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_walkers_board\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_walkers_cutoff\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_walkers_team\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_walkers_user\` ON \`hiking_walkers\``);
    await queryRunner.query(`DROP TABLE \`hiking_walkers\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_waves_event\` ON \`hiking_waves\``);
    await queryRunner.query(`DROP TABLE \`hiking_waves\``);
    await queryRunner.query(`DROP INDEX \`uq_hiking_checkpoints_seq\` ON \`hiking_checkpoints\``);
    await queryRunner.query(`DROP TABLE \`hiking_checkpoints\``);
    await queryRunner.query(`DROP INDEX \`idx_hiking_routes_event\` ON \`hiking_routes\``);
    await queryRunner.query(`DROP TABLE \`hiking_routes\``);
  }
}
