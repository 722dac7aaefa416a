import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipConfirmation1795550000001 implements MigrationInterface {
  name = 'MembershipConfirmation1795550000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`membership_pending_since\` datetime(3) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`identity_audit\` MODIFY \`action\` enum ('role_granted', 'role_removed', 'user_disabled', 'user_enabled', 'membership_confirmed') NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM \`identity_audit\` WHERE \`action\` = 'membership_confirmed'`);
    await queryRunner.query(`ALTER TABLE \`identity_audit\` MODIFY \`action\` enum ('role_granted', 'role_removed', 'user_disabled', 'user_enabled') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`membership_pending_since\``);
  }
}
