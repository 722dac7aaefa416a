import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many walkers have a counted scan at a checkpoint, kept by the scan batches that add them so the
 * safety board reads one row per checkpoint and shard instead of counting scans. Each batch adds to
 * the shard of its database connection: fifteen devices uploading at once add to fifteen rows and
 * never wait for each other's counter; the board sums the shards.
 */
/** Connections map onto this many counter rows per checkpoint. */
export const ARRIVAL_SHARDS = 64;

@Entity('hiking_arrival_counts')
export class HikingArrivalCount {
  /** hiking_checkpoints.id; no foreign key, so adding to a counter never locks the checkpoint row. */
  @PrimaryColumn({ name: 'checkpoint_id', type: 'int', unsigned: true })
  checkpointId: number;

  @PrimaryColumn({ type: 'smallint', unsigned: true })
  shard: number;

  @Column({ type: 'int', default: 0 })
  arrived: number;
}
