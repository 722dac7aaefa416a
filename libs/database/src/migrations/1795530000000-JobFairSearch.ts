import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobFairSearch1795530000000 implements MigrationInterface {
  name = 'JobFairSearch1795530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`fair_positions\` ADD \`refusal_reason\` varchar(500) NULL`);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` ADD \`search_title\` text NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` ADD \`search_body\` mediumtext NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_fair_participations_booth\` ON \`fair_participations\` (\`event_id\`, \`booth_hall\`, \`booth_number\`)`);
    await queryRunner.query(`CREATE FULLTEXT INDEX \`ft_fair_positions_body\` ON \`fair_positions\` (\`search_body\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ft_fair_positions_body\` ON \`fair_positions\``);
    await queryRunner.query(`DROP INDEX \`uq_fair_participations_booth\` ON \`fair_participations\``);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` DROP COLUMN \`search_body\``);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` DROP COLUMN \`search_title\``);
    await queryRunner.query(`ALTER TABLE \`fair_positions\` DROP COLUMN \`refusal_reason\``);
  }
}
