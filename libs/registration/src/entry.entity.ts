import { EventItem, Event } from '@app/events';
import { Organisation, User } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { EntryStatus } from './domain';

// Order matters: it is the order of the column's ENUM in the migrations.
export const ENTRY_STATUSES: readonly EntryStatus[] = ['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'];

/** One person entered in one item, for the organisation (delegation) they compete for. */
@Entity('entries')
@Index('uq_entries_item_user', ['itemId', 'userId'], { unique: true })
export class Entry {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Index('idx_entries_event')
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

  @Column({ name: 'organisation_id', type: 'int', unsigned: true })
  organisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'enum', enum: ENTRY_STATUSES, default: 'pending' })
  status: EntryStatus;

  @Column({ name: 'registered_by', type: 'int', unsigned: true })
  registeredBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
