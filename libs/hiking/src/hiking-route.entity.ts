import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A route of a hiking event (e.g. 20 km, 50 km); its checkpoints are in hiking_checkpoints. */
@Entity('hiking_routes')
@Index('idx_hiking_routes_event', ['eventId'])
// A route is an item of its event: registration, results and awards work per route through it.
@Index('uq_hiking_routes_item', ['itemId'], { unique: true })
export class HikingRoute {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  /** event_items.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'distance_m', type: 'int', unsigned: true })
  distanceM: number;

  /** The gun the checkpoints' times are set on (the first wave's); a later wave shifts them by its own start. */
  @Column({ name: 'reference_start_at', type: 'datetime', precision: 3 })
  referenceStartAt: Date;

  /** Team size range (Trailwalker-style teams of 4–6 by default). */
  @Column({ name: 'team_min', type: 'smallint', unsigned: true, default: 4 })
  teamMin: number;

  @Column({ name: 'team_max', type: 'smallint', unsigned: true, default: 6 })
  teamMax: number;

  /** A team is complete at a checkpoint when its walking members came in within this gap. */
  @Column({ name: 'team_gap_ms', type: 'int', unsigned: true, default: 600000 })
  teamGapMs: number;

  /**
   * A team's QR scanned with members missing (an incomplete team at a checkpoint): `refuse` the scan,
   * so the team waits for its members, or `flag` it for staff and scan the members present.
   */
  @Column({ name: 'incomplete_team_scan', type: 'enum', enum: ['flag', 'refuse'], default: 'flag' })
  incompleteTeamScan: 'flag' | 'refuse';

  /** A device clock off by more than this is flagged on its scans. */
  @Column({ name: 'skew_limit_ms', type: 'int', unsigned: true, default: 120000 })
  skewLimitMs: number;

  /** The safety board calls a walker overdue this long past their predicted arrival. */
  @Column({ name: 'overdue_margin_ms', type: 'int', unsigned: true, default: 1800000 })
  overdueMarginMs: number;

  /** Text a walker's emergency contact when they are timed out or withdraw (off unless the organizers turn it on). */
  @Column({ name: 'notify_contacts', type: 'boolean', default: false })
  notifyContacts: boolean;

  /** Grows with every change that can move a place; carried by the tally job. */
  @Column({ name: 'standings_version', type: 'int', unsigned: true, default: 0 })
  standingsVersion: number;

  /**
   * Grows with every change to what the scan path keeps in memory (the route's settings, checkpoints,
   * waves and staff): each API process re-reads the event's setup when the sum over its routes moves.
   */
  @Column({ name: 'setup_version', type: 'int', unsigned: true, default: 0 })
  setupVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
