import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A walker's counted passages kept on the walker (checkpoint and direction → the counted scan's
 * corrected time, epoch ms), so a scan batch judges its scans from the walkers it locks instead of
 * reading their stored scans; filled from the scans already counted. The scans' board index goes:
 * the board counts arrivals from hiking_arrival_counts, and every insert paid for it. The cut-off
 * index no longer holds the last checkpoint, which every counted scan changes, and the cut-off does
 * not filter on.
 */
export class HikingPassages1795650000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` ADD \`passages\` text NULL`);
    await queryRunner.query(
      `UPDATE hiking_walkers w JOIN (
         SELECT walker_id, JSON_OBJECTAGG(k, t) AS passages FROM (
           SELECT walker_id, CONCAT(checkpoint_id, LEFT(direction, 1)) AS k, TIMESTAMPDIFF(MICROSECOND, '1970-01-01', MIN(corrected_at)) DIV 1000 AS t
             FROM hiking_scans WHERE counted = 1 GROUP BY walker_id, checkpoint_id, direction
         ) p GROUP BY walker_id
       ) s ON s.walker_id = w.id
       SET w.passages = s.passages`,
    );
    await queryRunner.query(`DROP INDEX \`idx_hiking_scans_board\` ON \`hiking_scans\``);
    // In one statement: the index also serves the foreign key on wave_id.
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP INDEX \`idx_hiking_walkers_cutoff\`, ADD INDEX \`idx_hiking_walkers_cutoff\` (\`wave_id\`, \`route_id\`, \`status\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`hiking_walkers\` DROP INDEX \`idx_hiking_walkers_cutoff\`, ADD INDEX \`idx_hiking_walkers_cutoff\` (\`wave_id\`, \`route_id\`, \`status\`, \`last_checkpoint_seq\`)`,
    );
    await queryRunner.query(`CREATE INDEX \`idx_hiking_scans_board\` ON \`hiking_scans\` (\`checkpoint_id\`, \`counted\`, \`walker_id\`)`);
    await queryRunner.query(`ALTER TABLE \`hiking_walkers\` DROP COLUMN \`passages\``);
  }
}
