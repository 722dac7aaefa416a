import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Registration1795219759697 implements MigrationInterface {
  name = 'Registration1795219759697';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`person_profiles\` (\`user_id\` int UNSIGNED NOT NULL, \`gender\` enum ('male', 'female') NOT NULL, \`birth_date\` date NOT NULL, \`resident_id_hmac\` binary(32) NOT NULL, \`resident_id_enc\` varbinary(128) NOT NULL, \`mobile_enc\` varbinary(128) NOT NULL, \`union_member_no\` varchar(32) NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_82d13cc2aea8387f364cbbd4b3\` (\`resident_id_hmac\`), PRIMARY KEY (\`user_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`quotas\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`scope\` varchar(40) NOT NULL, \`cap\` int UNSIGNED NULL, \`taken\` int UNSIGNED NOT NULL DEFAULT '0', \`bib_seq\` int UNSIGNED NOT NULL DEFAULT '0', UNIQUE INDEX \`uq_quotas_scope\` (\`event_id\`, \`scope\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`team_members\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`entry_id\` int UNSIGNED NOT NULL, \`active_item_id\` int UNSIGNED NULL, \`user_id\` int UNSIGNED NOT NULL, \`captain\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_team_members_entry\` (\`entry_id\`), INDEX \`idx_team_members_user\` (\`user_id\`), UNIQUE INDEX \`uq_team_members_active\` (\`active_item_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`idempotency_records\` (\`user_id\` int UNSIGNED NOT NULL, \`idem_key\` varchar(100) NOT NULL, \`fingerprint\` char(64) NOT NULL, \`status_code\` smallint UNSIGNED NOT NULL, \`response\` json NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`user_id\`, \`idem_key\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`registration_opens_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`registration_closes_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`age_reference_date\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`auto_approve\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`self_registration\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`capacity\` int UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`bib_prefix\` varchar(3) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`person_limits\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`delegation_limits\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`entry_type\` enum ('individual', 'relay', 'team') NOT NULL DEFAULT 'individual'`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`team_min\` smallint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`team_max\` smallint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`gender\` enum ('male', 'female') NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`min_age\` tinyint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`max_age\` tinyint UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`union_member_required\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`org_subtree_id\` int UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`capacity\` int UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`age_groups\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`venue\` varchar(200) NULL`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD \`starts_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`active_user_id\` int UNSIGNED NULL`);
    // Existing live entries keep blocking a second entry of the same person in the item.
    await queryRunner.query(`UPDATE \`entries\` SET \`active_user_id\` = \`user_id\` WHERE \`status\` IN ('pending', 'approved', 'waitlisted')`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`bib\` varchar(12) NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`team_name\` varchar(60) NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`age_group\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`age_group_override\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`rejection_reason\` varchar(200) NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`decided_by\` int UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`checked_in_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`checked_in_by\` int UNSIGNED NULL`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`);
    await queryRunner.query(`CREATE INDEX \`idx_entries_org\` ON \`entries\` (\`organisation_id\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_entries_event_status\` ON \`entries\` (\`event_id\`, \`status\`, \`id\`)`);
    // The FK on event_id keeps needing an index: drop the old one only once the composite exists.
    await queryRunner.query(`DROP INDEX \`idx_entries_event\` ON \`entries\``);
    await queryRunner.query(`CREATE INDEX \`idx_entries_item_status\` ON \`entries\` (\`item_id\`, \`status\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_entries_event_bib\` ON \`entries\` (\`event_id\`, \`bib\`)`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_entries_item_active_user\` ON \`entries\` (\`item_id\`, \`active_user_id\`)`);
    await queryRunner.query(`DROP INDEX \`uq_entries_item_user\` ON \`entries\``);
    await queryRunner.query(`ALTER TABLE \`person_profiles\` ADD CONSTRAINT \`FK_ce6cec72ef2cef98de1a7076781\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`quotas\` ADD CONSTRAINT \`FK_cb1ed782661dede78501e93d3d1\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`team_members\` ADD CONSTRAINT \`FK_2f6203fcde5a704d2cc3068b759\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`team_members\` ADD CONSTRAINT \`FK_c2bf4967c8c2a6b845dadfbf3d4\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`team_members\` DROP FOREIGN KEY \`FK_c2bf4967c8c2a6b845dadfbf3d4\``);
    await queryRunner.query(`ALTER TABLE \`team_members\` DROP FOREIGN KEY \`FK_2f6203fcde5a704d2cc3068b759\``);
    await queryRunner.query(`ALTER TABLE \`quotas\` DROP FOREIGN KEY \`FK_cb1ed782661dede78501e93d3d1\``);
    await queryRunner.query(`ALTER TABLE \`person_profiles\` DROP FOREIGN KEY \`FK_ce6cec72ef2cef98de1a7076781\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_entries_item_user\` ON \`entries\` (\`item_id\`, \`user_id\`)`);
    await queryRunner.query(`DROP INDEX \`uq_entries_item_active_user\` ON \`entries\``);
    await queryRunner.query(`DROP INDEX \`idx_entries_event_bib\` ON \`entries\``);
    await queryRunner.query(`DROP INDEX \`idx_entries_item_status\` ON \`entries\``);
    await queryRunner.query(`CREATE INDEX \`idx_entries_event\` ON \`entries\` (\`event_id\`)`);
    await queryRunner.query(`DROP INDEX \`idx_entries_event_status\` ON \`entries\``);
    await queryRunner.query(`DROP INDEX \`idx_entries_org\` ON \`entries\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`updated_at\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`checked_in_by\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`checked_in_at\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`decided_by\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`rejection_reason\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`age_group_override\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`age_group\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`team_name\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`bib\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP COLUMN \`active_user_id\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`starts_at\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`venue\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`age_groups\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`capacity\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`org_subtree_id\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`union_member_required\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`max_age\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`min_age\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`gender\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`team_max\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`team_min\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP COLUMN \`entry_type\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`delegation_limits\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`person_limits\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`bib_prefix\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`capacity\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`self_registration\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`auto_approve\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`age_reference_date\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`registration_closes_at\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`registration_opens_at\``);
    await queryRunner.query(`DROP TABLE \`idempotency_records\``);
    await queryRunner.query(`DROP INDEX \`uq_team_members_active\` ON \`team_members\``);
    await queryRunner.query(`DROP INDEX \`idx_team_members_user\` ON \`team_members\``);
    await queryRunner.query(`DROP INDEX \`idx_team_members_entry\` ON \`team_members\``);
    await queryRunner.query(`DROP TABLE \`team_members\``);
    await queryRunner.query(`DROP INDEX \`uq_quotas_scope\` ON \`quotas\``);
    await queryRunner.query(`DROP TABLE \`quotas\``);
    await queryRunner.query(`DROP INDEX \`IDX_82d13cc2aea8387f364cbbd4b3\` ON \`person_profiles\``);
    await queryRunner.query(`DROP TABLE \`person_profiles\``);
  }
}
