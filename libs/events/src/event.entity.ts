import { Organisation } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const EVENT_KINDS = ['skill_competition', 'sports_meet', 'hiking', 'job_fair'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'registration_open', 'registration_closed', 'in_progress', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An event run by one organisation; its organizers are those whose role covers that organisation. */
@Entity('events')
export class Event {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Index('idx_events_org')
  @Column({ name: 'organisation_id', type: 'int', unsigned: true })
  organisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'enum', enum: EVENT_KINDS })
  kind: EventKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: EVENT_STATUSES, default: 'draft' })
  status: EventStatus;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'created_by', type: 'int', unsigned: true })
  createdBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
