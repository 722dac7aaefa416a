import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScoreSheets1795223910355 implements MigrationInterface {
  name = 'ScoreSheets1795223910355';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`mark_changes\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`entry_id\` int UNSIGNED NOT NULL, \`judge_id\` int UNSIGNED NOT NULL, \`criterion\` varchar(50) NOT NULL, \`before_value\` varchar(100) NULL, \`after_value\` varchar(100) NULL, \`reason\` varchar(200) NOT NULL, \`changed_by\` int UNSIGNED NOT NULL, \`changed_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX \`idx_mark_changes_item\` (\`item_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`score_sheets\` (\`id\` int UNSIGNED NOT NULL AUTO_INCREMENT, \`item_id\` int UNSIGNED NOT NULL, \`judge_id\` int UNSIGNED NOT NULL, \`status\` enum ('draft', 'submitted', 'locked') NOT NULL DEFAULT 'draft', \`version\` int UNSIGNED NOT NULL DEFAULT '0', \`submitted_at\` datetime(3) NULL, \`locked_at\` datetime(3) NULL, \`locked_by\` int UNSIGNED NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), UNIQUE INDEX \`uq_score_sheets\` (\`item_id\`, \`judge_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`events\` ADD \`conflict_of_interest\` enum ('warn', 'block') NOT NULL DEFAULT 'warn'`);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` ADD \`chief\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` ADD \`entry_ids\` json NULL`);
    // Widened in place (the generated drop and re-add would lose every mark): rows of attempts need the room.
    await queryRunner.query(`ALTER TABLE \`marks\` MODIFY \`value\` varchar(100) NOT NULL`);
    // Marks entered before sheets existed counted at once: they stay counted, as submitted sheets.
    await queryRunner.query(
      `INSERT INTO \`score_sheets\` (\`item_id\`, \`judge_id\`, \`status\`, \`version\`, \`submitted_at\`) SELECT DISTINCT \`item_id\`, \`judge_id\`, 'submitted', 1, NOW(3) FROM \`marks\``,
    );
    await queryRunner.query(`ALTER TABLE \`mark_changes\` ADD CONSTRAINT \`FK_7173d4234646acb64a139d5378a\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` ADD CONSTRAINT \`FK_5e03fc54000c27ade3048e5ba12\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` ADD CONSTRAINT \`FK_82733659ae72dd1bf09c707282e\` FOREIGN KEY (\`judge_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP FOREIGN KEY \`FK_82733659ae72dd1bf09c707282e\``);
    await queryRunner.query(`ALTER TABLE \`score_sheets\` DROP FOREIGN KEY \`FK_5e03fc54000c27ade3048e5ba12\``);
    await queryRunner.query(`ALTER TABLE \`mark_changes\` DROP FOREIGN KEY \`FK_7173d4234646acb64a139d5378a\``);
    await queryRunner.query(`ALTER TABLE \`marks\` MODIFY \`value\` varchar(20) NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` DROP COLUMN \`entry_ids\``);
    await queryRunner.query(`ALTER TABLE \`judge_assignments\` DROP COLUMN \`chief\``);
    await queryRunner.query(`ALTER TABLE \`events\` DROP COLUMN \`conflict_of_interest\``);
    await queryRunner.query(`DROP INDEX \`uq_score_sheets\` ON \`score_sheets\``);
    await queryRunner.query(`DROP TABLE \`score_sheets\``);
    await queryRunner.query(`DROP INDEX \`idx_mark_changes_item\` ON \`mark_changes\``);
    await queryRunner.query(`DROP TABLE \`mark_changes\``);
  }
}
