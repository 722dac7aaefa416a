import { EventItem, Event } from '@app/events';
import { Organisation, User } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { EntryStatus } from './domain';

// Order matters: it is the order of the column's ENUM in the migrations.
export const ENTRY_STATUSES: readonly EntryStatus[] = ['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'];

/**
 * One entrant in one item, for the organisation (delegation) they compete for:
 * a person, or for relay and team items a team whose captain is `userId` and
 * whose members are in team_members. `active_user_id` equals `user_id` while
 * the entry is pending, approved or waitlisted and is NULL once it is
 * withdrawn or rejected, so a person has at most one live entry per item yet
 * may enter again after withdrawing.
 */
@Entity('entries')
@Index('uq_entries_item_active_user', ['itemId', 'activeUserId'], { unique: true })
// Bibs are unique by construction: each shard of the event's quota advances its own sequence of
// numbers (its residue class) under its lock and never reuses one. A unique index here would make the bib write wait on other registrations'
// uncommitted rows while that hot lock is held, which deadlocks under a rush.
@Index('idx_entries_event_bib', ['eventId', 'bib'])
@Index('idx_entries_item_status', ['itemId', 'status', 'id'])
@Index('idx_entries_event_status', ['eventId', 'status', 'id'])
// A tally looks up an item's guests (who score nothing) on every run; most items have none.
@Index('idx_entries_item_guest', ['itemId', 'guest'])
export class Entry {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => EventItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  @Index('idx_entries_user')
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'active_user_id', type: 'int', unsigned: true, nullable: true })
  activeUserId: number | null;

  @Index('idx_entries_org')
  @Column({ name: 'organisation_id', type: 'int', unsigned: true })
  organisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'enum', enum: ENTRY_STATUSES, default: 'pending' })
  status: EntryStatus;

  @Column({ name: 'registered_by', type: 'int', unsigned: true })
  registeredBy: number;

  /** Assigned on approval, unique per event. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  bib: string | null;

  @Column({ name: 'team_name', type: 'varchar', length: 60, nullable: true })
  teamName: string | null;

  /** 特邀/表演: competes and is ranked, but scores no points, wins no medal and sets no record. Set by an organizer. */
  @Column({ type: 'boolean', default: false })
  guest: boolean;

  /** Age group code; computed at registration, or set by an organizer (ageGroupOverride). */
  @Column({ name: 'age_group', type: 'varchar', length: 20, nullable: true })
  ageGroup: string | null;

  @Column({ name: 'age_group_override', type: 'boolean', default: false })
  ageGroupOverride: boolean;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 200, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'decided_by', type: 'int', unsigned: true, nullable: true })
  decidedBy: number | null;

  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'int', unsigned: true, nullable: true })
  checkedInBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
