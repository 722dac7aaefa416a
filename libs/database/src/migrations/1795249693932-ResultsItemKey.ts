import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResultsItemKey1795249693932 implements MigrationInterface {
  name = 'ResultsItemKey1795249693932';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`item_results\` DROP FOREIGN KEY \`FK_ed42137fd2ce7074a32807cfdc5\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`item_results\` ADD CONSTRAINT \`FK_ed42137fd2ce7074a32807cfdc5\` FOREIGN KEY (\`item_id\`) REFERENCES \`event_items\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
