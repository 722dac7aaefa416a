import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobFairInterviewSlots1795530000001 implements MigrationInterface {
  name = 'JobFairInterviewSlots1795530000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`fair_interview_slots\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`employer_id\` int UNSIGNED NOT NULL, \`starts_at\` datetime(3) NOT NULL, \`ends_at\` datetime(3) NOT NULL, \`booked_by\` int UNSIGNED NULL, \`booked_at\` datetime(3) NULL, INDEX \`idx_fair_interview_slots_booker\` (\`event_id\`, \`booked_by\`), UNIQUE INDEX \`uq_fair_interview_slots_employer_start\` (\`event_id\`, \`employer_id\`, \`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`fair_interview_slots\` ADD CONSTRAINT \`FK_e5f93285761774eaf666aa00dce\` FOREIGN KEY (\`employer_id\`) REFERENCES \`fair_employers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`fair_interview_slots\` DROP FOREIGN KEY \`FK_e5f93285761774eaf666aa00dce\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_interview_slots_employer_start\` ON \`fair_interview_slots\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_interview_slots_booker\` ON \`fair_interview_slots\``);
    await queryRunner.query(`DROP TABLE \`fair_interview_slots\``);
  }
}
