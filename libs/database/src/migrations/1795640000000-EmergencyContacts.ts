import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's optional emergency contact (the mobile encrypted like their own), and a route's choice
 * to text it when its walker is timed out or withdraws.
 */
export class EmergencyContacts1795640000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`person_profiles\` ADD \`emergency_contact_name\` varchar(100) NULL, ADD \`emergency_contact_mobile_enc\` varbinary(128) NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` ADD \`notify_contacts\` tinyint(1) NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_routes\` DROP COLUMN \`notify_contacts\``);
    await queryRunner.query(`ALTER TABLE \`person_profiles\` DROP COLUMN \`emergency_contact_mobile_enc\`, DROP COLUMN \`emergency_contact_name\``);
  }
}
