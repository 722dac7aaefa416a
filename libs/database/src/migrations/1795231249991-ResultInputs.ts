import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResultInputs1795231249991 implements MigrationInterface {
  name = 'ResultInputs1795231249991';

  // Results keep each entry's scheme input and the tally's scheme; the breakdown is computed from
  // them on read. Rows written before keep their stored breakdown (input NULL), which is read as
  // before, until the item's next tally rewrites them. MODIFY, not drop and add: those survive.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD \`input\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`item_results\` MODIFY \`breakdown\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`item_tallies\` ADD \`scheme\` json NULL`);
  }

  // The old code needs a breakdown in every row and cannot compute one from an input: such rows
  // show none (JSON null) until the item is tallied again.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`item_tallies\` DROP COLUMN \`scheme\``);
    await queryRunner.query(`UPDATE \`item_results\` SET \`breakdown\` = 'null' WHERE \`breakdown\` IS NULL`);
    await queryRunner.query(`ALTER TABLE \`item_results\` MODIFY \`breakdown\` json NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP COLUMN \`input\``);
  }
}
