import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckpointCoordinates1795630000000 implements MigrationInterface {
  name = 'CheckpointCoordinates1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_checkpoints\` ADD \`latitude\` decimal(8,6) NULL, ADD \`longitude\` decimal(9,6) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_checkpoints\` DROP COLUMN \`longitude\`, DROP COLUMN \`latitude\``);
  }
}
