import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobFairEligibility1795530000002 implements MigrationInterface {
  name = 'JobFairEligibility1795530000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`fair_settings\` (\`event_id\` int UNSIGNED NOT NULL, \`seeker_eligibility\` varchar(16) NOT NULL DEFAULT 'members', \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`event_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`fair_seekers\` ADD \`retraining_certificate\` varchar(32) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`fair_seekers\` DROP COLUMN \`retraining_certificate\``);
    await queryRunner.query(`DROP TABLE \`fair_settings\``);
  }
}
