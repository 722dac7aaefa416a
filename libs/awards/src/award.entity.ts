import { EventItem, Event } from '@app/events';
import { Organisation, User } from '@app/identity';
import { Entry } from '@app/registration';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AwardRule } from './domain';

/** The award rules of an item, or of a whole event (item 0), as data: by rank, by bands, by threshold. */
@Entity('award_rule_sets')
export class AwardRuleSet {
  @PrimaryColumn({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  /** 0: every item of the event that has no rules of its own. */
  @PrimaryColumn({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @Column({ type: 'json' })
  rules: AwardRule[];

  @Column({ name: 'updated_by', type: 'int', unsigned: true })
  updatedBy: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}

export type AwardKind = 'award' | 'recognition';
export type AwardStatus = 'active' | 'revoked';
export type PaymentState = 'none' | 'pending' | 'paid' | 'cancelled';

/**
 * One award or title held by one person, kept for good: a team award gives each member a record.
 * `grant_key` makes granting idempotent (an award job run twice finds its keys taken). Changed
 * only by an audited correction or revocation, each of which bumps `revision` and renders the
 * certificate again.
 */
@Entity('award_records')
@Index('idx_award_records_user', ['userId', 'grantedAt'])
@Index('idx_award_records_org_year', ['organisationId', 'year'])
@Index('idx_award_records_item', ['itemId'])
export class AwardRecord {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** Printed on the certificate: ZS<year>-<id, six digits>. */
  @Column({ type: 'varchar', length: 20, nullable: true, unique: true })
  serial: string | null;

  /** What the certificate's QR code carries: unguessable, so names cannot be listed by counting serials. */
  @Column({ name: 'verify_code', type: 'char', length: 22, unique: true })
  verifyCode: string;

  @Column({ name: 'grant_key', type: 'varchar', length: 160, unique: true })
  grantKey: string;

  @Column({ type: 'enum', enum: ['award', 'recognition'] })
  kind: AwardKind;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The person's organisation when granted (their entry's, or named with a recognition): statistics count by its subtree. */
  @Column({ name: 'organisation_id', type: 'int', unsigned: true })
  organisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** Who confers it: the event's organisation, or the recognising one. */
  @Column({ name: 'issuer_id', type: 'int', unsigned: true })
  issuerId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_id' })
  issuer?: Organisation;

  @Column({ name: 'event_id', type: 'int', unsigned: true, nullable: true })
  eventId: number | null;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @Column({ name: 'item_id', type: 'int', unsigned: true, nullable: true })
  itemId: number | null;

  @ManyToOne(() => EventItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  @Column({ name: 'entry_id', type: 'int', unsigned: true, nullable: true })
  entryId: number | null;

  @ManyToOne(() => Entry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Entry;

  @Column({ name: 'award_code', type: 'varchar', length: 40 })
  awardCode: string;

  @Column({ name: 'award_name', type: 'varchar', length: 100 })
  awardName: string;

  /** 1 is the highest (gold, first prize); recognitions are level 1. */
  @Column({ type: 'tinyint', unsigned: true })
  level: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  citation: string | null;

  /** Yuan for this person; NULL when the award carries no money. */
  @Column({ name: 'prize_money', type: 'decimal', precision: 12, scale: 2, nullable: true })
  prizeMoney: string | null;

  @Column({ name: 'payment_status', type: 'enum', enum: ['none', 'pending', 'paid', 'cancelled'], default: 'none' })
  paymentStatus: PaymentState;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'payment_ref', type: 'varchar', length: 100, nullable: true })
  paymentRef: string | null;

  /** The award year (the event's first day, or the recognition's year). */
  @Column({ type: 'smallint', unsigned: true })
  year: number;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn: string;

  @CreateDateColumn({ name: 'granted_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  grantedAt: Date;

  /** NULL: granted by the award job from final results. */
  @Column({ name: 'granted_by', type: 'int', unsigned: true, nullable: true })
  grantedBy: number | null;

  @Column({ type: 'enum', enum: ['active', 'revoked'], default: 'active' })
  status: AwardStatus;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  revision: number;
}

/** Every grant, correction, revocation and payment step of a record: who, when, why, before and after. */
@Entity('award_record_audit')
@Index('idx_award_record_audit_record', ['recordId', 'id'])
export class AwardRecordAudit {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'record_id', type: 'int', unsigned: true })
  recordId: number;

  @ManyToOne(() => AwardRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'record_id' })
  record?: AwardRecord;

  @Column({ type: 'enum', enum: ['granted', 'corrected', 'revoked', 'paid', 'cancelled'] })
  action: 'granted' | 'corrected' | 'revoked' | 'paid' | 'cancelled';

  /** NULL: the award job. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  by: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  at: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'json', nullable: true })
  before: unknown;

  @Column({ type: 'json', nullable: true })
  after: unknown;
}

/** The latest certificate of a record, rendered by the worker at the record's revision. */
@Entity('award_certificates')
export class AwardCertificate {
  @PrimaryColumn({ name: 'record_id', type: 'int', unsigned: true })
  recordId: number;

  @ManyToOne(() => AwardRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id' })
  record?: AwardRecord;

  @Column({ type: 'smallint', unsigned: true })
  revision: number;

  @Column({ type: 'longblob' })
  pdf: Buffer;

  @Column({ name: 'generated_at', type: 'datetime', precision: 3 })
  generatedAt: Date;
}
