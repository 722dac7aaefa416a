import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Awards1795238541883 implements MigrationInterface {
  name = 'Awards1795238541883';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`award_rule_sets\` (\`event_id\` int UNSIGNED NOT NULL, \`item_id\` int UNSIGNED NOT NULL, \`rules\` json NOT NULL, \`updated_by\` int UNSIGNED NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`event_id\`, \`item_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`award_records\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`serial\` varchar(20) NULL, \`verify_code\` char(22) NOT NULL, \`grant_key\` varchar(160) NOT NULL, \`kind\` enum ('award', 'recognition') NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`organisation_id\` int UNSIGNED NOT NULL, \`issuer_id\` int UNSIGNED NOT NULL, \`event_id\` int UNSIGNED NULL, \`item_id\` int UNSIGNED NULL, \`entry_id\` int UNSIGNED NULL, \`award_code\` varchar(40) NOT NULL, \`award_name\` varchar(100) NOT NULL, \`level\` tinyint UNSIGNED NOT NULL, \`title\` varchar(100) NULL, \`citation\` varchar(500) NULL, \`prize_money\` decimal(12,2) NULL, \`payment_status\` enum ('none', 'pending', 'paid', 'cancelled') NOT NULL DEFAULT 'none', \`paid_on\` date NULL, \`payment_ref\` varchar(100) NULL, \`year\` smallint UNSIGNED NOT NULL, \`granted_on\` date NOT NULL, \`granted_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`granted_by\` int UNSIGNED NULL, \`status\` enum ('active', 'revoked') NOT NULL DEFAULT 'active', \`revision\` smallint UNSIGNED NOT NULL DEFAULT '0', INDEX \`idx_award_records_item\` (\`item_id\`), INDEX \`idx_award_records_org_year\` (\`organisation_id\`, \`year\`), INDEX \`idx_award_records_user\` (\`user_id\`, \`granted_at\`), UNIQUE INDEX \`IDX_640ba3612aa20c5ae1a0c084ff\` (\`serial\`), UNIQUE INDEX \`IDX_d2f8086bc476588a05286292d0\` (\`verify_code\`), UNIQUE INDEX \`IDX_6c99d067c1dadd0185573f0976\` (\`grant_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`award_record_audit\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`record_id\` int UNSIGNED NOT NULL, \`action\` enum ('granted', 'corrected', 'revoked', 'paid', 'cancelled') NOT NULL, \`by\` int UNSIGNED NULL, \`at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`reason\` varchar(500) NULL, \`before\` json NULL, \`after\` json NULL, INDEX \`idx_award_record_audit_record\` (\`record_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`award_certificates\` (\`record_id\` int UNSIGNED NOT NULL, \`revision\` smallint UNSIGNED NOT NULL, \`pdf\` longblob NOT NULL, \`generated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`record_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`award_rule_sets\` ADD CONSTRAINT \`FK_509ae6566e691f65f4de0361e3a\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_records\` ADD CONSTRAINT \`FK_284754f4822f69f42a4eb67b7f2\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_records\` ADD CONSTRAINT \`FK_c85126e446f7126de57093a5ce5\` FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_records\` ADD CONSTRAINT \`FK_3f0afc9ce11ca50f7888f1d5cf5\` FOREIGN KEY (\`issuer_id\`) REFERENCES \`organisations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_records\` ADD CONSTRAINT \`FK_dcc04d7905df4d07b3a99b3b930\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_records\` ADD CONSTRAINT \`FK_e8e124401aa8516e4a7482b6cee\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_records\` ADD CONSTRAINT \`FK_5630720d78a8a62c8477d1573dd\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_record_audit\` ADD CONSTRAINT \`FK_4ab1148b2936db834cffac30ff7\` FOREIGN KEY (\`record_id\`) REFERENCES \`award_records\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`award_certificates\` ADD CONSTRAINT \`FK_3df39a5fae69ce2f3e0ed00b78a\` FOREIGN KEY (\`record_id\`) REFERENCES \`award_records\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`award_certificates\` DROP FOREIGN KEY \`FK_3df39a5fae69ce2f3e0ed00b78a\``);
    await queryRunner.query(`ALTER TABLE \`award_record_audit\` DROP FOREIGN KEY \`FK_4ab1148b2936db834cffac30ff7\``);
    await queryRunner.query(`ALTER TABLE \`award_records\` DROP FOREIGN KEY \`FK_5630720d78a8a62c8477d1573dd\``);
    await queryRunner.query(`ALTER TABLE \`award_records\` DROP FOREIGN KEY \`FK_e8e124401aa8516e4a7482b6cee\``);
    await queryRunner.query(`ALTER TABLE \`award_records\` DROP FOREIGN KEY \`FK_dcc04d7905df4d07b3a99b3b930\``);
    await queryRunner.query(`ALTER TABLE \`award_records\` DROP FOREIGN KEY \`FK_3f0afc9ce11ca50f7888f1d5cf5\``);
    await queryRunner.query(`ALTER TABLE \`award_records\` DROP FOREIGN KEY \`FK_c85126e446f7126de57093a5ce5\``);
    await queryRunner.query(`ALTER TABLE \`award_records\` DROP FOREIGN KEY \`FK_284754f4822f69f42a4eb67b7f2\``);
    await queryRunner.query(`ALTER TABLE \`award_rule_sets\` DROP FOREIGN KEY \`FK_509ae6566e691f65f4de0361e3a\``);
    await queryRunner.query(`DROP TABLE \`award_certificates\``);
    await queryRunner.query(`DROP INDEX \`idx_award_record_audit_record\` ON \`award_record_audit\``);
    await queryRunner.query(`DROP TABLE \`award_record_audit\``);
    await queryRunner.query(`DROP INDEX \`IDX_6c99d067c1dadd0185573f0976\` ON \`award_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_d2f8086bc476588a05286292d0\` ON \`award_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_640ba3612aa20c5ae1a0c084ff\` ON \`award_records\``);
    await queryRunner.query(`DROP INDEX \`idx_award_records_user\` ON \`award_records\``);
    await queryRunner.query(`DROP INDEX \`idx_award_records_org_year\` ON \`award_records\``);
    await queryRunner.query(`DROP INDEX \`idx_award_records_item\` ON \`award_records\``);
    await queryRunner.query(`DROP TABLE \`award_records\``);
    await queryRunner.query(`DROP TABLE \`award_rule_sets\``);
  }
}
