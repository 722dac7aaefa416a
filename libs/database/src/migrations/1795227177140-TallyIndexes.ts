import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TallyIndexes1795227177140 implements MigrationInterface {
  name = 'TallyIndexes1795227177140';

  // The item foreign key needs an index on item_id at every moment: the new one (which starts
  // with item_id) is created before the old one is dropped, and the other way round in down().
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_marks_sheet\` ON \`marks\` (\`item_id\`, \`round_id\`, \`judge_id\`, \`entry_id\`, \`criterion\`, \`value\`)`);
    await queryRunner.query(`DROP INDEX \`idx_marks_item\` ON \`marks\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_marks_item\` ON \`marks\` (\`item_id\`)`);
    await queryRunner.query(`DROP INDEX \`idx_marks_sheet\` ON \`marks\``);
  }
}
