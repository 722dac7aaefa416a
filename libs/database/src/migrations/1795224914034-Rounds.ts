import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Rounds1795224914034 implements MigrationInterface {
  name = 'Rounds1795224914034';

  // A unique key a foreign key relies on is swapped in one ALTER: dropped alone, MariaDB refuses.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`item_rounds\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`seq\` tinyint UNSIGNED NOT NULL, \`name\` varchar(100) NOT NULL, \`heats\` smallint UNSIGNED NOT NULL DEFAULT '1', \`qualification\` json NULL, \`status\` enum ('open', 'closed') NOT NULL DEFAULT 'open', \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_item_rounds\` (\`item_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`round_entries\` (\`round_id\` int UNSIGNED NOT NULL, \`entry_id\` int UNSIGNED NOT NULL, \`heat\` smallint UNSIGNED NOT NULL, \`lane\` smallint UNSIGNED NOT NULL, \`qualified\` varchar(1) NULL, PRIMARY KEY (\`round_id\`, \`entry_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` ADD \`round_ids\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`marks\` ADD \`round_id\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`mark_changes\` ADD \`round_id\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` ADD \`round_id\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD \`round_id\` int UNSIGNED NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`marks\` DROP INDEX \`uq_marks\`, ADD UNIQUE INDEX \`uq_marks\` (\`entry_id\`, \`round_id\`, \`judge_id\`, \`criterion\`)`);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP INDEX \`uq_score_sheets\`, ADD UNIQUE INDEX \`uq_score_sheets\` (\`item_id\`, \`round_id\`, \`judge_id\`)`);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP INDEX \`uq_item_results\`, ADD UNIQUE INDEX \`uq_item_results\` (\`item_id\`, \`round_id\`, \`entry_id\`)`);
    await queryRunner.query(`ALTER TABLE \`item_rounds\` ADD CONSTRAINT \`FK_1ed6380cb520715326df68c5930\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`round_entries\` ADD CONSTRAINT \`FK_36089562ba3649ba354c0900ce1\` FOREIGN KEY (\`round_id\`) REFERENCES \`item_rounds\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`round_entries\` ADD CONSTRAINT \`FK_31196819401b2872f9cf00768d6\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`round_entries\` DROP FOREIGN KEY \`FK_31196819401b2872f9cf00768d6\``);
    await queryRunner.query(`ALTER TABLE \`round_entries\` DROP FOREIGN KEY \`FK_36089562ba3649ba354c0900ce1\``);
    await queryRunner.query(`ALTER TABLE \`item_rounds\` DROP FOREIGN KEY \`FK_1ed6380cb520715326df68c5930\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP INDEX \`uq_item_results\`, ADD UNIQUE INDEX \`uq_item_results\` (\`item_id\`, \`entry_id\`)`);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP INDEX \`uq_score_sheets\`, ADD UNIQUE INDEX \`uq_score_sheets\` (\`item_id\`, \`judge_id\`)`);
    await queryRunner.query(`ALTER TABLE \`marks\` DROP INDEX \`uq_marks\`, ADD UNIQUE INDEX \`uq_marks\` (\`entry_id\`, \`judge_id\`, \`criterion\`)`);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP COLUMN \`round_id\``);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP COLUMN \`round_id\``);
    await queryRunner.query(`ALTER TABLE \`mark_changes\` DROP COLUMN \`round_id\``);
    await queryRunner.query(`ALTER TABLE \`marks\` DROP COLUMN \`round_id\``);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` DROP COLUMN \`round_ids\``);
    await queryRunner.query(`DROP TABLE \`round_entries\``);
    await queryRunner.query(`DROP INDEX \`uq_item_rounds\` ON \`item_rounds\``);
    await queryRunner.query(`DROP TABLE \`item_rounds\``);
  }
}
