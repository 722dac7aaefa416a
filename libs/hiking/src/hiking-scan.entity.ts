import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ScanDirection, ScanFlag } from './domain';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingWalker } from './hiking-walker.entity';

/** The domain's flags plus those the upload sets: a skewed device clock, a scan after a drop, a team scanned with members missing. */
export type StoredScanFlag = ScanFlag | 'clock_skew' | 'questionable' | 'team_incomplete';

// Records rather than lists, so a value added to the domain does not compile until it is here.
const FLAGS: Record<StoredScanFlag, true> = { duplicate: true, off_route: true, out_of_order: true, no_start_scan: true, clock_skew: true, questionable: true, team_incomplete: true };
export const SCAN_FLAGS = Object.keys(FLAGS) as StoredScanFlag[];
const DIRECTIONS: Record<ScanDirection, true> = { in: true, out: true };
export const SCAN_DIRECTIONS = Object.keys(DIRECTIONS) as ScanDirection[];

/** One scan from a staff device, kept whatever its flags: nothing accepted is dropped. */
@Entity('hiking_scans')
// The same upload twice is one scan.
@Index('uq_hiking_scans_client', ['deviceId', 'clientScanId'], { unique: true })
// A walker's track, and the duplicate check (same walker, checkpoint and direction).
@Index('idx_hiking_scans_walker', ['walkerId', 'checkpointId', 'direction'])
// The export reads a checkpoint's scans in time order.
@Index('idx_hiking_scans_checkpoint', ['checkpointId', 'correctedAt'])
export class HikingScan {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'walker_id', type: 'int', unsigned: true })
  walkerId: number;

  @ManyToOne(() => HikingWalker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'walker_id' })
  walker?: HikingWalker;

  @Column({ name: 'checkpoint_id', type: 'int', unsigned: true })
  checkpointId: number;

  @ManyToOne(() => HikingCheckpoint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checkpoint_id' })
  checkpoint?: HikingCheckpoint;

  @Column({ type: 'enum', enum: SCAN_DIRECTIONS })
  direction: ScanDirection;

  /** hiking_devices.device_id */
  @Column({ name: 'device_id', type: 'varchar', length: 64 })
  deviceId: string;

  /** Unique per scan on its device; the same upload twice carries the same ids. */
  @Column({ name: 'client_scan_id', type: 'varchar', length: 64 })
  clientScanId: string;

  /** The device's time, as it came. */
  @Column({ name: 'raw_at', type: 'datetime', precision: 3 })
  rawAt: Date;

  /** The device's time on the server's clock (the upload's skew applied); what the rules use. */
  @Column({ name: 'corrected_at', type: 'datetime', precision: 3 })
  correctedAt: Date;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;

  /** Counts towards passages, splits and cut-offs; duplicates and flagged scans are kept but do not. */
  @Column({ type: 'boolean' })
  counted: boolean;

  @Column({ type: 'set', enum: SCAN_FLAGS, default: [] })
  flags: StoredScanFlag[];
}
