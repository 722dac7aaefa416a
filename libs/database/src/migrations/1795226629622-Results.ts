import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Results1795226629622 implements MigrationInterface {
  name = 'Results1795226629622';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`event_results_settings\` (\`event_id\` int UNSIGNED NOT NULL, \`points_individual\` json NOT NULL, \`points_relay\` json NOT NULL, \`medal_order\` varchar(12) NOT NULL DEFAULT 'gold-first', \`medal_weights\` json NULL, \`notice_days\` smallint UNSIGNED NOT NULL DEFAULT '5', \`frozen_at\` datetime(3) NULL, \`frozen_by\` int UNSIGNED NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`event_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`item_records\` (\`item_id\` int UNSIGNED NOT NULL, \`meet_record\` varchar(32) NULL, \`meet_holder\` varchar(100) NULL, \`all_time_record\` varchar(32) NULL, \`all_time_holder\` varchar(100) NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`item_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`result_publications\` (\`item_id\` int UNSIGNED NOT NULL, \`status\` varchar(12) NOT NULL DEFAULT 'PROVISIONAL', \`notice_started_at\` datetime(3) NULL, \`notice_ends_at\` datetime(3) NULL, \`finalized_at\` datetime(3) NULL, \`reopen_count\` smallint UNSIGNED NOT NULL DEFAULT '0', PRIMARY KEY (\`item_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`result_appeals\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`entry_id\` int UNSIGNED NOT NULL, \`filed_by\` int UNSIGNED NOT NULL, \`filed_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`reason\` varchar(2000) NOT NULL, \`status\` varchar(10) NOT NULL DEFAULT 'open', \`resolved_by\` int UNSIGNED NULL, \`resolved_at\` datetime(3) NULL, \`resolution_reason\` varchar(2000) NULL, INDEX \`idx_result_appeals_item\` (\`item_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`appeal_attachments\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`appeal_id\` int UNSIGNED NOT NULL, \`file_name\` varchar(200) NOT NULL, \`content_type\` varchar(100) NOT NULL, \`size\` int UNSIGNED NOT NULL, \`content\` mediumblob NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`result_audit\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`action\` varchar(20) NOT NULL, \`appeal_id\` int UNSIGNED NULL, \`by\` int UNSIGNED NOT NULL, \`at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`reason\` varchar(2000) NULL, \`detail\` json NULL, INDEX \`idx_result_audit_item\` (\`item_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`board_snapshots\` (\`event_id\` int UNSIGNED NOT NULL, \`item_id\` int UNSIGNED NOT NULL, \`round_id\` int UNSIGNED NOT NULL, \`body\` json NOT NULL, PRIMARY KEY (\`event_id\`, \`item_id\`, \`round_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`guest\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`item_scoring\` ADD \`results_final\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD \`scoring_place\` int UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD \`meet_record\` varchar(10) NULL`);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD \`all_time_record\` varchar(10) NULL`);
    await queryRunner.query(`CREATE INDEX \`idx_item_results_scoring\` ON \`item_results\` (\`item_id\`, \`scoring_place\`)`);
    await queryRunner.query(`ALTER TABLE \`event_results_settings\` ADD CONSTRAINT \`FK_5752b7ac6fe4db7f4ae366043f1\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`item_records\` ADD CONSTRAINT \`FK_cff4e76e0e1bb5d110a6c8244bc\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_publications\` ADD CONSTRAINT \`FK_1ed8ad42588f2484879c59d29ed\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_appeals\` ADD CONSTRAINT \`FK_701bf4ef2304d4a82571bbc0d6b\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_appeals\` ADD CONSTRAINT \`FK_4312df275834d0295627d8b4f4c\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_appeals\` ADD CONSTRAINT \`FK_d3904ccf91d206ca4dd2ba4ce23\` FOREIGN KEY (\`filed_by\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`appeal_attachments\` ADD CONSTRAINT \`FK_c7a63808ebe65dea943a4e4f4dc\` FOREIGN KEY (\`appeal_id\`) REFERENCES \`result_appeals\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_audit\` ADD CONSTRAINT \`FK_a57c14d01a542ef744c2eb63dec\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`result_audit\` ADD CONSTRAINT \`FK_cd4306a62b5881c4c14454b5a7a\` FOREIGN KEY (\`by\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`board_snapshots\` ADD CONSTRAINT \`FK_86b1327819639f40f52d7b0b744\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`board_snapshots\` DROP FOREIGN KEY \`FK_86b1327819639f40f52d7b0b744\``);
    await queryRunner.query(`ALTER TABLE \`result_audit\` DROP FOREIGN KEY \`FK_cd4306a62b5881c4c14454b5a7a\``);
    await queryRunner.query(`ALTER TABLE \`result_audit\` DROP FOREIGN KEY \`FK_a57c14d01a542ef744c2eb63dec\``);
    await queryRunner.query(`ALTER TABLE \`appeal_attachments\` DROP FOREIGN KEY \`FK_c7a63808ebe65dea943a4e4f4dc\``);
    await queryRunner.query(`ALTER TABLE \`result_appeals\` DROP FOREIGN KEY \`FK_d3904ccf91d206ca4dd2ba4ce23\``);
    await queryRunner.query(`ALTER TABLE \`result_appeals\` DROP FOREIGN KEY \`FK_4312df275834d0295627d8b4f4c\``);
    await queryRunner.query(`ALTER TABLE \`result_appeals\` DROP FOREIGN KEY \`FK_701bf4ef2304d4a82571bbc0d6b\``);
    await queryRunner.query(`ALTER TABLE \`result_publications\` DROP FOREIGN KEY \`FK_1ed8ad42588f2484879c59d29ed\``);
    await queryRunner.query(`ALTER TABLE \`item_records\` DROP FOREIGN KEY \`FK_cff4e76e0e1bb5d110a6c8244bc\``);
    await queryRunner.query(`ALTER TABLE \`event_results_settings\` DROP FOREIGN KEY \`FK_5752b7ac6fe4db7f4ae366043f1\``);
    await queryRunner.query(`DROP INDEX \`idx_item_results_scoring\` ON \`item_results\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP COLUMN \`all_time_record\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP COLUMN \`meet_record\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP COLUMN \`scoring_place\``);
    await queryRunner.query(`ALTER TABLE \`item_scoring\` DROP COLUMN \`results_final\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`guest\``);
    await queryRunner.query(`DROP TABLE \`board_snapshots\``);
    await queryRunner.query(`DROP INDEX \`idx_result_audit_item\` ON \`result_audit\``);
    await queryRunner.query(`DROP TABLE \`result_audit\``);
    await queryRunner.query(`DROP TABLE \`appeal_attachments\``);
    await queryRunner.query(`DROP INDEX \`idx_result_appeals_item\` ON \`result_appeals\``);
    await queryRunner.query(`DROP TABLE \`result_appeals\``);
    await queryRunner.query(`DROP TABLE \`result_publications\``);
    await queryRunner.query(`DROP TABLE \`item_records\``);
    await queryRunner.query(`DROP TABLE \`event_results_settings\``);
  }
}
