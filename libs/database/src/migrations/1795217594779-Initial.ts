import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795217594779 implements MigrationInterface {
  name = 'Initial1795217594779';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`organisations\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`kind\` enum ('city', 'district', 'enterprise') NOT NULL, \`parent_id\` int UNSIGNED NULL, \`path\` varchar(255) NOT NULL DEFAULT '', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_organisations_path\` (\`path\`), UNIQUE INDEX \`uq_organisations_parent_name\` (\`parent_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`outbox\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`job_name\` varchar(64) NOT NULL, \`job_id\` varchar(191) NOT NULL, \`payload\` json NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`dispatched_at\` datetime(3) NULL, INDEX \`idx_outbox_pending\` (\`dispatched_at\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`users\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`username\` varchar(64) NOT NULL, \`password_hash\` varchar(255) NOT NULL, \`real_name\` varchar(50) NOT NULL, \`language\` varchar(10) NOT NULL DEFAULT 'zh-CN', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`IDX_fe0bb3f6520ee0469504521e71\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`role_assignments\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`user_id\` int UNSIGNED NOT NULL, \`organisation_id\` int UNSIGNED NOT NULL, \`role\` enum ('admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer') NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_role_assignments_org\` (\`organisation_id\`), UNIQUE INDEX \`uq_role_assignments\` (\`user_id\`, \`organisation_id\`, \`role\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`events\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`organisation_id\` int UNSIGNED NOT NULL, \`kind\` enum ('skill_competition', 'sports_meet', 'hiking', 'job_fair') NOT NULL, \`name\` varchar(200) NOT NULL, \`status\` enum ('draft', 'registration_open', 'registration_closed', 'in_progress', 'finished') NOT NULL DEFAULT 'draft', \`starts_on\` date NULL, \`ends_on\` date NULL, \`created_by\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_events_org\` (\`organisation_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`event_items\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`name\` varchar(200) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_event_items_name\` (\`event_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`entries\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`item_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`organisation_id\` int UNSIGNED NOT NULL, \`status\` enum ('pending', 'approved', 'rejected', 'waitlisted', 'withdrawn') NOT NULL DEFAULT 'pending', \`registered_by\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_entries_event\` (\`event_id\`), INDEX \`idx_entries_user\` (\`user_id\`), UNIQUE INDEX \`uq_entries_item_user\` (\`item_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`item_scoring\` (\`item_id\` int UNSIGNED NOT NULL, \`scheme\` json NOT NULL, \`score_version\` int UNSIGNED NOT NULL DEFAULT '0', \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`item_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`judge_assignments\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`assigned_by\` int UNSIGNED NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_judge_assignments\` (\`item_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`marks\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`entry_id\` int UNSIGNED NOT NULL, \`judge_id\` int UNSIGNED NOT NULL, \`criterion\` varchar(50) NOT NULL, \`value\` varchar(20) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_marks_item\` (\`item_id\`), UNIQUE INDEX \`uq_marks\` (\`entry_id\`, \`judge_id\`, \`criterion\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`item_results\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`entry_id\` int UNSIGNED NOT NULL, \`place\` int UNSIGNED NULL, \`total\` varchar(32) NULL, \`status\` varchar(16) NOT NULL, \`breakdown\` json NOT NULL, \`score_version\` int UNSIGNED NOT NULL, UNIQUE INDEX \`uq_item_results\` (\`item_id\`, \`entry_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`item_tallies\` (\`item_id\` int UNSIGNED NOT NULL, \`tallied_version\` int UNSIGNED NOT NULL DEFAULT '0', \`runs\` int UNSIGNED NOT NULL DEFAULT '0', \`tallied_at\` datetime(3) NULL, PRIMARY KEY (\`item_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`organisations\` ADD CONSTRAINT \`FK_41f1cc89689b55aede50d36d0ce\` FOREIGN KEY (\`parent_id\`) REFERENCES \`organisations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`role_assignments\` ADD CONSTRAINT \`FK_d91c8ac0c10fd8c6acdcc5ee946\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`role_assignments\` ADD CONSTRAINT \`FK_f8d9c269fa82483a46caad4bfb3\` FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD CONSTRAINT \`FK_6834b49cf67e4331b0a17212daf\` FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`event_items\` ADD CONSTRAINT \`FK_8fb5072491a2b52b6bfc6385e45\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD CONSTRAINT \`FK_7cf330f1086ada990020a565037\` FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD CONSTRAINT \`FK_558ba2ffe413f71fdc06425bef9\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD CONSTRAINT \`FK_73b250bca5e5a24e1343da56168\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`entries\` ADD CONSTRAINT \`FK_d08af24b5696cfd0eb763172021\` FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`item_scoring\` ADD CONSTRAINT \`FK_c31a842d5ab5b31e534399bc4da\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` ADD CONSTRAINT \`FK_a2f99e8a40c988591403ac82d51\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` ADD CONSTRAINT \`FK_d52d8fc1206cd8a36440ae51c0f\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`marks\` ADD CONSTRAINT \`FK_ac701ec0f88e4699905bfffd189\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`marks\` ADD CONSTRAINT \`FK_3aab3b3350e09c21320802a7ea1\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`marks\` ADD CONSTRAINT \`FK_873d7cb6b8fa32b08171ad2a702\` FOREIGN KEY (\`judge_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD CONSTRAINT \`FK_ed42137fd2ce7074a32807cfdc5\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD CONSTRAINT \`FK_46ab7ca01c759ff125170ed1eda\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`item_tallies\` ADD CONSTRAINT \`FK_47b4088406e44d4b00e223e9baa\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`item_tallies\` DROP FOREIGN KEY \`FK_47b4088406e44d4b00e223e9baa\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP FOREIGN KEY \`FK_46ab7ca01c759ff125170ed1eda\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP FOREIGN KEY \`FK_ed42137fd2ce7074a32807cfdc5\``);
    await queryRunner.query(`ALTER TABLE \`marks\` DROP FOREIGN KEY \`FK_873d7cb6b8fa32b08171ad2a702\``);
    await queryRunner.query(`ALTER TABLE \`marks\` DROP FOREIGN KEY \`FK_3aab3b3350e09c21320802a7ea1\``);
    await queryRunner.query(`ALTER TABLE \`marks\` DROP FOREIGN KEY \`FK_ac701ec0f88e4699905bfffd189\``);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` DROP FOREIGN KEY \`FK_d52d8fc1206cd8a36440ae51c0f\``);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` DROP FOREIGN KEY \`FK_a2f99e8a40c988591403ac82d51\``);
    await queryRunner.query(`ALTER TABLE \`item_scoring\` DROP FOREIGN KEY \`FK_c31a842d5ab5b31e534399bc4da\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP FOREIGN KEY \`FK_d08af24b5696cfd0eb763172021\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP FOREIGN KEY \`FK_73b250bca5e5a24e1343da56168\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP FOREIGN KEY \`FK_558ba2ffe413f71fdc06425bef9\``);
    await queryRunner.query(`ALTER TABLE \`entries\` DROP FOREIGN KEY \`FK_7cf330f1086ada990020a565037\``);
    await queryRunner.query(`ALTER TABLE \`event_items\` DROP FOREIGN KEY \`FK_8fb5072491a2b52b6bfc6385e45\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP FOREIGN KEY \`FK_6834b49cf67e4331b0a17212daf\``);
    await queryRunner.query(`ALTER TABLE \`role_assignments\` DROP FOREIGN KEY \`FK_f8d9c269fa82483a46caad4bfb3\``);
    await queryRunner.query(`ALTER TABLE \`role_assignments\` DROP FOREIGN KEY \`FK_d91c8ac0c10fd8c6acdcc5ee946\``);
    await queryRunner.query(`ALTER TABLE \`organisations\` DROP FOREIGN KEY \`FK_41f1cc89689b55aede50d36d0ce\``);
    await queryRunner.query(`DROP TABLE \`item_tallies\``);
    await queryRunner.query(`DROP INDEX \`uq_item_results\` ON \`item_results\``);
    await queryRunner.query(`DROP TABLE \`item_results\``);
    await queryRunner.query(`DROP INDEX \`uq_marks\` ON \`marks\``);
    await queryRunner.query(`DROP INDEX \`idx_marks_item\` ON \`marks\``);
    await queryRunner.query(`DROP TABLE \`marks\``);
    await queryRunner.query(`DROP INDEX \`uq_judge_assignments\` ON \`judge_assignments\``);
    await queryRunner.query(`DROP TABLE \`judge_assignments\``);
    await queryRunner.query(`DROP TABLE \`item_scoring\``);
    await queryRunner.query(`DROP INDEX \`uq_entries_item_user\` ON \`entries\``);
    await queryRunner.query(`DROP INDEX \`idx_entries_user\` ON \`entries\``);
    await queryRunner.query(`DROP INDEX \`idx_entries_event\` ON \`entries\``);
    await queryRunner.query(`DROP TABLE \`entries\``);
    await queryRunner.query(`DROP INDEX \`uq_event_items_name\` ON \`event_items\``);
    await queryRunner.query(`DROP TABLE \`event_items\``);
    await queryRunner.query(`DROP INDEX \`idx_events_org\` ON \`events\``);
    await queryRunner.query(`DROP TABLE \`events\``);
    await queryRunner.query(`DROP INDEX \`uq_role_assignments\` ON \`role_assignments\``);
    await queryRunner.query(`DROP INDEX \`idx_role_assignments_org\` ON \`role_assignments\``);
    await queryRunner.query(`DROP TABLE \`role_assignments\``);
    await queryRunner.query(`DROP INDEX \`IDX_fe0bb3f6520ee0469504521e71\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP INDEX \`idx_outbox_pending\` ON \`outbox\``);
    await queryRunner.query(`DROP TABLE \`outbox\``);
    await queryRunner.query(`DROP INDEX \`uq_organisations_parent_name\` ON \`organisations\``);
    await queryRunner.query(`DROP INDEX \`idx_organisations_path\` ON \`organisations\``);
    await queryRunner.query(`DROP TABLE \`organisations\``);
  }
}
