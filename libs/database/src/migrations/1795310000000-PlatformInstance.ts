import type { MigrationInterface, QueryRunner } from 'typeorm';
import { newInstanceId } from '../platform-instance';

/** The row naming this database's incarnation (its random id goes into every job id) and the PII key's fingerprint. */
export class PlatformInstance1795310000000 implements MigrationInterface {
  name = 'PlatformInstance1795310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`platform_instance\` (\`id\` char(16) NOT NULL, \`pii_key_fingerprint\` char(64) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query('INSERT INTO `platform_instance` (`id`) VALUES (?)', [newInstanceId()]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`platform_instance\``);
  }
}
