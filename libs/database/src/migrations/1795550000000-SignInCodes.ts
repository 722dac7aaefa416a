import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInCodes1795550000000 implements MigrationInterface {
  name = 'SignInCodes1795550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`sign_in_codes\` (\`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT, \`purpose\` varchar(16) NOT NULL, \`mobile_hash\` char(64) NOT NULL, \`code_hash\` char(64) NOT NULL, \`attempts\` tinyint UNSIGNED NOT NULL DEFAULT '0', \`expires_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_sign_in_codes_mobile\` (\`mobile_hash\`, \`purpose\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`mobile_hash\` char(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD UNIQUE INDEX \`IDX_c3e8e6e46896d6cd7d7c907c92\` (\`mobile_hash\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` DROP INDEX \`IDX_c3e8e6e46896d6cd7d7c907c92\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`mobile_hash\``);
    await queryRunner.query(`DROP INDEX \`idx_sign_in_codes_mobile\` ON \`sign_in_codes\``);
    await queryRunner.query(`DROP TABLE \`sign_in_codes\``);
  }
}
