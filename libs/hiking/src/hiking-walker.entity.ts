import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { WalkerStatus } from './domain';
import { HikingRoute } from './hiking-route.entity';
import { HikingWave } from './hiking-wave.entity';

// A record rather than a list, so a status added to the domain does not compile until it is here.
const STATUSES: Record<WalkerStatus, true> = {
  registered: true,
  started: true,
  on_course: true,
  finished: true,
  withdrawn: true,
  timed_out: true,
  disqualified: true,
};
export const WALKER_STATUSES = Object.keys(STATUSES) as WalkerStatus[];

/** A registration entry's walker on the course: where they are and how they stand. */
@Entity('hiking_walkers')
// A team entry has one walker per member; an individual entry one.
@Index('uq_hiking_walkers_entry', ['entryId', 'userId'], { unique: true })
// Scanners read the registration QR, which carries the entry's bib.
@Index('idx_hiking_walkers_bib', ['routeId', 'bib'])
// The board counts a route's walkers by status and last checkpoint.
@Index('idx_hiking_walkers_board', ['routeId', 'status', 'lastCheckpointSeq'])
// A cut-off job reads the walkers of one wave on one route still walking (not the last checkpoint,
// which every counted scan changes).
@Index('idx_hiking_walkers_cutoff', ['waveId', 'routeId', 'status'])
@Index('idx_hiking_walkers_team', ['teamEntryId'])
@Index('idx_hiking_walkers_user', ['userId'])
// A family follows a walker through the link the walker sent, never by bib alone.
@Index('uq_hiking_walkers_share', ['shareToken'], { unique: true })
export class HikingWalker {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  // Ids only for registration's entries and identity's users: those contexts own the tables.
  @Column({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @Column({ name: 'route_id', type: 'int', unsigned: true })
  routeId: number;

  /** The entry's bib, copied at enrolment: a team's members share their team's. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  bib: string | null;

  /** The team's captain (registration lists the captain first). */
  @Column({ type: 'boolean', default: false })
  captain: boolean;

  /** Staff could not find the walker; any later scan clears it. */
  @Column({ type: 'boolean', default: false })
  lost: boolean;

  @ManyToOne(() => HikingRoute, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'route_id' })
  route?: HikingRoute;

  @Column({ name: 'wave_id', type: 'int', unsigned: true })
  waveId: number;

  @ManyToOne(() => HikingWave, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wave_id' })
  wave?: HikingWave;

  /** The team's entry in registration; null for a walker entered alone. Kept when the walker regroups. */
  @Column({ name: 'team_entry_id', type: 'int', unsigned: true, nullable: true })
  teamEntryId: number | null;

  /** The team formed on the course the walker now walks with (hiking_regroups); null: their entry's team. */
  @Column({ name: 'regroup_id', type: 'int', unsigned: true, nullable: true })
  regroupId: number | null;

  @Column({ type: 'enum', enum: WALKER_STATUSES, default: 'registered' })
  status: WalkerStatus;

  /** Set for withdrawn, timed out and disqualified walkers. */
  @Column({ name: 'drop_reason', type: 'varchar', length: 500, nullable: true })
  dropReason: string | null;

  // No foreign key: a drop records where it happened, and the scans' writes should not check it again.
  @Column({ name: 'drop_checkpoint_id', type: 'int', unsigned: true, nullable: true })
  dropCheckpointId: number | null;

  @Column({ name: 'dropped_at', type: 'datetime', precision: 3, nullable: true })
  droppedAt: Date | null;

  /** Seq of the furthest checkpoint with a counted scan; null before any. */
  @Column({ name: 'last_checkpoint_seq', type: 'smallint', unsigned: true, nullable: true })
  lastCheckpointSeq: number | null;

  @Column({ name: 'last_scan_at', type: 'datetime', precision: 3, nullable: true })
  lastScanAt: Date | null;

  /** The counted start scan's corrected time; null without one (net time unknown, gun time from the wave). */
  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true })
  startedAt: Date | null;

  /** The counted passages, checkpoint and direction → corrected time (domain/passages.ts); null before the first. */
  @Column({ type: 'text', nullable: true })
  passages: string | null;

  /** The secret of the walker's follow link; null until they share one, a new one replaces it. */
  @Column({ name: 'share_token', type: 'varchar', length: 64, nullable: true })
  shareToken: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
