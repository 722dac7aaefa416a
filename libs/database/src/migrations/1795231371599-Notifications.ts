import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795231371599 implements MigrationInterface {
  name = 'Notifications1795231371599';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`notifications\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`user_id\` int UNSIGNED NOT NULL, \`ref\` varchar(100) NOT NULL, \`trigger\` varchar(40) NOT NULL, \`locale\` varchar(10) NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`mandatory\` tinyint NOT NULL DEFAULT 0, \`vars\` json NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`read_at\` datetime(3) NULL, INDEX \`idx_notifications_inbox\` (\`user_id\`, \`read_at\`, \`id\`), UNIQUE INDEX \`uq_notifications_ref\` (\`user_id\`, \`ref\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`notification_deliveries\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`notification_id\` bigint UNSIGNED NOT NULL, \`channel\` enum ('email', 'sms', 'webhook') NOT NULL, \`status\` enum ('pending', 'sent', 'failed') NOT NULL DEFAULT 'pending', \`attempts\` int UNSIGNED NOT NULL DEFAULT '0', \`last_error\` varchar(500) NULL, \`sent_at\` datetime(3) NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_deliveries_status\` (\`status\`, \`channel\`, \`id\`), UNIQUE INDEX \`uq_deliveries_channel\` (\`notification_id\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`notification_templates\` (\`trigger\` varchar(40) NOT NULL, \`locale\` varchar(10) NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`updated_by\` int UNSIGNED NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`trigger\`, \`locale\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`notification_settings\` (\`user_id\` int UNSIGNED NOT NULL, \`email\` varchar(254) NULL, \`webhook_url\` varchar(500) NULL, \`webhook_secret_enc\` varbinary(256) NULL, \`opted_out\` json NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`user_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`notifications\` ADD CONSTRAINT \`FK_9a8a82462cab47c73d25f49261f\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`notification_deliveries\` ADD CONSTRAINT \`FK_435486b970fffc3e33a7450ee97\` FOREIGN KEY (\`notification_id\`) REFERENCES \`notifications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`notification_settings\` ADD CONSTRAINT \`FK_91a7ffebe8b406c4470845d4781\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification_settings\` DROP FOREIGN KEY \`FK_91a7ffebe8b406c4470845d4781\``);
    await queryRunner.query(`ALTER TABLE \`notification_deliveries\` DROP FOREIGN KEY \`FK_435486b970fffc3e33a7450ee97\``);
    await queryRunner.query(`ALTER TABLE \`notifications\` DROP FOREIGN KEY \`FK_9a8a82462cab47c73d25f49261f\``);
    await queryRunner.query(`DROP TABLE \`notification_settings\``);
    await queryRunner.query(`DROP TABLE \`notification_templates\``);
    await queryRunner.query(`DROP INDEX \`uq_deliveries_channel\` ON \`notification_deliveries\``);
    await queryRunner.query(`DROP INDEX \`idx_deliveries_status\` ON \`notification_deliveries\``);
    await queryRunner.query(`DROP TABLE \`notification_deliveries\``);
    await queryRunner.query(`DROP INDEX \`uq_notifications_ref\` ON \`notifications\``);
    await queryRunner.query(`DROP INDEX \`idx_notifications_inbox\` ON \`notifications\``);
    await queryRunner.query(`DROP TABLE \`notifications\``);
  }
}
