import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from './event.entity';

export const ENTRY_TYPES = ['individual', 'relay', 'team'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export interface AgeGroupConfig {
  code: string;
  name: string;
  minAge?: number | null;
  maxAge?: number | null;
}

/** A discipline, route or sign-up of an event. How it is scored belongs to the scoring context. */
@Entity('event_items')
@Index('uq_event_items_name', ['eventId', 'name'], { unique: true })
export class EventItem {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** individual; relay or team entries are a team of teamMin..teamMax members with a captain. */
  @Column({ name: 'entry_type', type: 'enum', enum: ENTRY_TYPES, default: 'individual' })
  entryType: EntryType;

  @Column({ name: 'team_min', type: 'smallint', unsigned: true, nullable: true })
  teamMin: number | null;

  @Column({ name: 'team_max', type: 'smallint', unsigned: true, nullable: true })
  teamMax: number | null;

  @Column({ type: 'enum', enum: ['male', 'female'], nullable: true })
  gender: 'male' | 'female' | null;

  @Column({ name: 'min_age', type: 'tinyint', unsigned: true, nullable: true })
  minAge: number | null;

  @Column({ name: 'max_age', type: 'tinyint', unsigned: true, nullable: true })
  maxAge: number | null;

  @Column({ name: 'union_member_required', type: 'boolean', default: false })
  unionMemberRequired: boolean;

  /** Only people of this organisation's subtree (e.g. workers of one district). */
  @Column({ name: 'org_subtree_id', type: 'int', unsigned: true, nullable: true })
  orgSubtreeId: number | null;

  /** Places in this item; null is unlimited. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  capacity: number | null;

  /** Age groups (categories), e.g. [{"code":"A","name":"青年组","maxAge":35}]; computed at the event's reference date. */
  @Column({ name: 'age_groups', type: 'json', nullable: true })
  ageGroups: AgeGroupConfig[] | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3, nullable: true })
  startsAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
