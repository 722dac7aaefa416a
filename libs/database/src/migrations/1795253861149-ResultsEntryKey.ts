import type { MigrationInterface, QueryRunner } from 'typeorm';

/** item_results without a foreign key on the entry; the index the key used stays, under a name of its own. */
export class ResultsEntryKey1795253861149 implements MigrationInterface {
  name = 'ResultsEntryKey1795253861149';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`item_results\` DROP FOREIGN KEY \`FK_46ab7ca01c759ff125170ed1eda\`, RENAME INDEX \`FK_46ab7ca01c759ff125170ed1eda\` TO \`idx_item_results_entry\``,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`item_results\` RENAME INDEX \`idx_item_results_entry\` TO \`FK_46ab7ca01c759ff125170ed1eda\``);
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD CONSTRAINT \`FK_46ab7ca01c759ff125170ed1eda\` FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
