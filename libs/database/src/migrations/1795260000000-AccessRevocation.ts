import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A token version and a disabled mark per user, and the audit of every change of access. */
export class AccessRevocation1795260000000 implements MigrationInterface {
  name = 'AccessRevocation1795260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`users\` ADD \`token_version\` int UNSIGNED NOT NULL DEFAULT 0, ADD \`disabled_at\` datetime(3) NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE \`identity_audit\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`actor_id\` int UNSIGNED NULL, \`action\` enum ('role_granted', 'role_removed', 'user_disabled', 'user_enabled') NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`organisation_id\` int UNSIGNED NULL, \`role\` enum ('admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer') NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_identity_audit_user\` (\`user_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`identity_audit\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`disabled_at\`, DROP COLUMN \`token_version\``);
  }
}
