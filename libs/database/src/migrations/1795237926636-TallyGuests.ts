import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TallyGuests1795237926636 implements MigrationInterface {
  name = 'TallyGuests1795237926636';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_entries_item_guest\` ON \`entries\` (\`item_id\`, \`guest\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_entries_item_guest\` ON \`entries\``);
  }
}
