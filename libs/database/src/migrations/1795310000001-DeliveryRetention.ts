import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An index for the retention of delivery records: the ones sent before a day, found without reading the newer ones. */
export class DeliveryRetention1795310000001 implements MigrationInterface {
  name = 'DeliveryRetention1795310000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_deliveries_sent\` ON \`notification_deliveries\` (\`status\`, \`sent_at\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_deliveries_sent\` ON \`notification_deliveries\``);
  }
}
