import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Quota rows split into shards, so that several API processes take places at once. */
export class QuotaShards1795620000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`quotas\` ADD \`shard\` tinyint UNSIGNED NOT NULL DEFAULT 0, ADD \`shards\` tinyint UNSIGNED NOT NULL DEFAULT 1`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_quotas_shard\` ON \`quotas\` (\`event_id\`, \`scope\`, \`shard\`)`);
    await queryRunner.query(`DROP INDEX \`uq_quotas_scope\` ON \`quotas\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one row per quota: the shards' counts and caps summed into shard 0.
    await queryRunner.query(
      `UPDATE \`quotas\` q JOIN (SELECT event_id, scope, SUM(taken) AS taken, SUM(cap) AS cap, MAX(bib_seq * shards + shard) AS bib FROM \`quotas\` GROUP BY event_id, scope) t
          ON t.event_id = q.event_id AND t.scope = q.scope
         SET q.taken = t.taken, q.cap = t.cap, q.bib_seq = t.bib WHERE q.shard = 0`,
    );
    await queryRunner.query(`DELETE FROM \`quotas\` WHERE \`shard\` > 0`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_quotas_scope\` ON \`quotas\` (\`event_id\`, \`scope\`)`);
    await queryRunner.query(`DROP INDEX \`uq_quotas_shard\` ON \`quotas\``);
    await queryRunner.query(`ALTER TABLE \`quotas\` DROP COLUMN \`shards\`, DROP COLUMN \`shard\``);
  }
}
