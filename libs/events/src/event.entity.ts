import { Organisation } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const EVENT_KINDS = ['skill_competition', 'sports_meet', 'hiking', 'job_fair'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'registration_open', 'registration_closed', 'in_progress', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export interface PersonLimitsConfig {
  maxIndividualEntries?: number | null;
  maxRelayEntries?: number | null;
  maxTeamEntries?: number | null;
  relayCountsTowardIndividual?: boolean;
}

export interface DelegationLimitsConfig {
  maxAthletes?: number | null;
  maxEntriesPerItem?: number | null;
  maxTeamsPerItem?: number | null;
}

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

  /** Registration is accepted while the status is registration_open and now is inside this window (either end may be open). */
  @Column({ name: 'registration_opens_at', type: 'datetime', precision: 3, nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'datetime', precision: 3, nullable: true })
  registrationClosesAt: Date | null;

  /** Ages are counted on this date (e.g. the first day of the meet); default: startsOn, else the registration day. */
  @Column({ name: 'age_reference_date', type: 'date', nullable: true })
  ageReferenceDate: string | null;

  /** Entries that get a place are approved at once (mass hikes) instead of waiting for an organizer. */
  @Column({ name: 'auto_approve', type: 'boolean', default: false })
  autoApprove: boolean;

  /** Contestants may register themselves; otherwise only through their delegation leader. */
  @Column({ name: 'self_registration', type: 'boolean', default: true })
  selfRegistration: boolean;

  /** Places for the whole event; null is unlimited. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  capacity: number | null;

  @Column({ name: 'bib_prefix', type: 'varchar', length: 3, default: '' })
  bibPrefix: string;

  /** Per-person limits, e.g. {"maxIndividualEntries":2,"relayCountsTowardIndividual":false}. */
  @Column({ name: 'person_limits', type: 'json', nullable: true })
  personLimits: PersonLimitsConfig | null;

  /** Per-delegation limits, e.g. {"maxAthletes":30,"maxEntriesPerItem":2,"maxTeamsPerItem":1}. */
  @Column({ name: 'delegation_limits', type: 'json', nullable: true })
  delegationLimits: DelegationLimitsConfig | null;

  /** A judge scoring a contestant of their own organisation: warned, or blocked. */
  @Column({ name: 'conflict_of_interest', type: 'enum', enum: ['warn', 'block'], default: 'warn' })
  conflictOfInterest: 'warn' | 'block';

  @Column({ name: 'created_by', type: 'int', unsigned: true })
  createdBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
