import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobFairTables1795510000000 implements MigrationInterface {
  name = 'JobFairTables1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`fair_employers\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`name\` varchar(200) NOT NULL, \`credit_code\` char(18) NOT NULL, \`district\` varchar(100) NULL, \`industry\` varchar(100) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_fair_employers_credit_code\` (\`credit_code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_participations\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`employer_id\` int UNSIGNED NOT NULL, \`status\` enum ('pending', 'approved', 'refused') NOT NULL DEFAULT 'pending', \`refusal_reason\` varchar(500) NULL, \`booth_hall\` varchar(50) NULL, \`booth_number\` varchar(20) NULL, \`decided_by\` int UNSIGNED NULL, \`decided_at\` datetime(3) NULL, INDEX \`idx_fair_participations_employer\` (\`employer_id\`), INDEX \`idx_fair_participations_event_status\` (\`event_id\`, \`status\`), UNIQUE INDEX \`uq_fair_participations_event_employer\` (\`event_id\`, \`employer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_employer_staff\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`employer_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, INDEX \`idx_fair_employer_staff_user\` (\`user_id\`), UNIQUE INDEX \`uq_fair_employer_staff_pair\` (\`employer_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_positions\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`employer_id\` int UNSIGNED NOT NULL, \`title\` varchar(200) NOT NULL, \`headcount\` int UNSIGNED NULL, \`salary_min\` int UNSIGNED NULL, \`salary_max\` int UNSIGNED NULL, \`salary_period\` enum ('month', 'year') NULL, \`salary_monthly_min\` int UNSIGNED NULL, \`salary_monthly_max\` int UNSIGNED NULL, \`district\` varchar(100) NULL, \`industry\` varchar(100) NULL, \`education\` varchar(50) NULL, \`experience\` varchar(50) NULL, \`description\` text NOT NULL, \`tags\` json NOT NULL, \`status\` enum ('pending', 'approved', 'refused') NOT NULL DEFAULT 'pending', \`screening\` json NOT NULL, \`hired\` int UNSIGNED NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_fair_positions_employer\` (\`employer_id\`, \`event_id\`), INDEX \`idx_fair_positions_salary\` (\`event_id\`, \`salary_monthly_min\`, \`salary_monthly_max\`), INDEX \`idx_fair_positions_search\` (\`event_id\`, \`status\`, \`industry\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_seekers\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`event_id\` int UNSIGNED NOT NULL, \`user_id\` int UNSIGNED NOT NULL, \`organisation_id\` int UNSIGNED NULL, \`registered_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_fair_seekers_organisation\` (\`organisation_id\`), INDEX \`idx_fair_seekers_user\` (\`user_id\`), UNIQUE INDEX \`uq_fair_seekers_event_user\` (\`event_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_cvs\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`user_id\` int UNSIGNED NOT NULL, \`file_name\` varchar(255) NOT NULL, \`content_type\` varchar(100) NOT NULL, \`size\` int UNSIGNED NOT NULL, \`content\` mediumblob NOT NULL, \`withdrawn_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_fair_cvs_user\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_applications\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`position_id\` int UNSIGNED NOT NULL, \`seeker_user_id\` int UNSIGNED NOT NULL, \`cv_id\` int UNSIGNED NULL, \`stage\` enum ('applied', 'screened', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn') NOT NULL DEFAULT 'applied', \`intention_reached\` tinyint NOT NULL DEFAULT 0, \`rating\` tinyint UNSIGNED NULL, \`notes\` text NULL, \`source\` enum ('applied', 'booth_scan') NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), INDEX \`idx_fair_applications_seeker\` (\`seeker_user_id\`), INDEX \`idx_fair_applications_position_stage\` (\`position_id\`, \`stage\`), UNIQUE INDEX \`uq_fair_applications_position_seeker\` (\`position_id\`, \`seeker_user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_application_history\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`application_id\` int UNSIGNED NOT NULL, \`from_stage\` enum ('applied', 'screened', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn') NULL, \`to_stage\` enum ('applied', 'screened', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn') NOT NULL, \`by\` int UNSIGNED NOT NULL, \`at\` datetime(3) NOT NULL, \`note\` varchar(500) NULL, INDEX \`idx_fair_application_history_application\` (\`application_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`fair_cv_consents\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`user_id\` int UNSIGNED NOT NULL, \`employer_id\` int UNSIGNED NOT NULL, \`cv_id\` int UNSIGNED NOT NULL, \`granted_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, INDEX \`idx_fair_cv_consents_employer_cv\` (\`employer_id\`, \`cv_id\`), UNIQUE INDEX \`uq_fair_cv_consents_triple\` (\`user_id\`, \`employer_id\`, \`cv_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`fair_participations\` ADD CONSTRAINT \`FK_3833e360d5778eba9c3b1524b78\` FOREIGN KEY (\`employer_id\`) REFERENCES \`fair_employers\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_employer_staff\` ADD CONSTRAINT \`FK_aa3f194f36d7fc54c567b58db1d\` FOREIGN KEY (\`employer_id\`) REFERENCES \`fair_employers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` ADD CONSTRAINT \`FK_26b859b07893cdfca65e24651d1\` FOREIGN KEY (\`employer_id\`) REFERENCES \`fair_employers\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_applications\` ADD CONSTRAINT \`FK_0a32e2eefecae0ca8be74a84da0\` FOREIGN KEY (\`position_id\`) REFERENCES \`fair_positions\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_applications\` ADD CONSTRAINT \`FK_969544f3a7a046adee80160899d\` FOREIGN KEY (\`cv_id\`) REFERENCES \`fair_cvs\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_application_history\` ADD CONSTRAINT \`FK_d4ec6d3d6acb9c6f8c4f1193c56\` FOREIGN KEY (\`application_id\`) REFERENCES \`fair_applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_cv_consents\` ADD CONSTRAINT \`FK_ac6c0c4f1d071f9d157677b4c2d\` FOREIGN KEY (\`employer_id\`) REFERENCES \`fair_employers\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`fair_cv_consents\` ADD CONSTRAINT \`FK_dfc797a1f03d881a98ff44e2481\` FOREIGN KEY (\`cv_id\`) REFERENCES \`fair_cvs\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`fair_cv_consents\` DROP FOREIGN KEY \`FK_dfc797a1f03d881a98ff44e2481\``);
    await queryRunner.query(`ALTER TABLE \`fair_cv_consents\` DROP FOREIGN KEY \`FK_ac6c0c4f1d071f9d157677b4c2d\``);
    await queryRunner.query(`ALTER TABLE \`fair_application_history\` DROP FOREIGN KEY \`FK_d4ec6d3d6acb9c6f8c4f1193c56\``);
    await queryRunner.query(`ALTER TABLE \`fair_applications\` DROP FOREIGN KEY \`FK_969544f3a7a046adee80160899d\``);
    await queryRunner.query(`ALTER TABLE \`fair_applications\` DROP FOREIGN KEY \`FK_0a32e2eefecae0ca8be74a84da0\``);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` DROP FOREIGN KEY \`FK_26b859b07893cdfca65e24651d1\``);
    await queryRunner.query(`ALTER TABLE \`fair_employer_staff\` DROP FOREIGN KEY \`FK_aa3f194f36d7fc54c567b58db1d\``);
    await queryRunner.query(`ALTER TABLE \`fair_participations\` DROP FOREIGN KEY \`FK_3833e360d5778eba9c3b1524b78\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_cv_consents_triple\` ON \`fair_cv_consents\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_cv_consents_employer_cv\` ON \`fair_cv_consents\``);
    await queryRunner.query(`DROP TABLE \`fair_cv_consents\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_application_history_application\` ON \`fair_application_history\``);
    await queryRunner.query(`DROP TABLE \`fair_application_history\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_applications_position_seeker\` ON \`fair_applications\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_applications_position_stage\` ON \`fair_applications\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_applications_seeker\` ON \`fair_applications\``);
    await queryRunner.query(`DROP TABLE \`fair_applications\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_cvs_user\` ON \`fair_cvs\``);
    await queryRunner.query(`DROP TABLE \`fair_cvs\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_seekers_event_user\` ON \`fair_seekers\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_seekers_user\` ON \`fair_seekers\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_seekers_organisation\` ON \`fair_seekers\``);
    await queryRunner.query(`DROP TABLE \`fair_seekers\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_positions_search\` ON \`fair_positions\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_positions_salary\` ON \`fair_positions\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_positions_employer\` ON \`fair_positions\``);
    await queryRunner.query(`DROP TABLE \`fair_positions\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_employer_staff_pair\` ON \`fair_employer_staff\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_employer_staff_user\` ON \`fair_employer_staff\``);
    await queryRunner.query(`DROP TABLE \`fair_employer_staff\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_participations_event_employer\` ON \`fair_participations\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_participations_event_status\` ON \`fair_participations\``);
    await queryRunner.query(`DROP INDEX \`idx_fair_participations_employer\` ON \`fair_participations\``);
    await queryRunner.query(`DROP TABLE \`fair_participations\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_employers_credit_code\` ON \`fair_employers\``);
    await queryRunner.query(`DROP TABLE \`fair_employers\``);
  }
}
