import { EventItem } from '@app/events';
import { Entry } from '@app/registration';
import { User } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PublicationStatus } from './domain';

/** Where an item's results stand: provisional, on public notice, or final (frozen). No row = provisional. */
@Entity('result_publications')
export class ResultPublication {
  @PrimaryColumn({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @OneToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  @Column({ type: 'varchar', length: 12, default: 'PROVISIONAL' })
  status: PublicationStatus;

  @Column({ name: 'notice_started_at', type: 'datetime', precision: 3, nullable: true })
  noticeStartedAt: Date | null;

  @Column({ name: 'notice_ends_at', type: 'datetime', precision: 3, nullable: true })
  noticeEndsAt: Date | null;

  @Column({ name: 'finalized_at', type: 'datetime', precision: 3, nullable: true })
  finalizedAt: Date | null;

  @Column({ name: 'reopen_count', type: 'smallint', unsigned: true, default: 0 })
  reopenCount: number;
}

/** An appeal against an item's results, filed during the notice by the contestant or their delegation leader. */
@Entity('result_appeals')
@Index('idx_result_appeals_item', ['itemId', 'status'])
export class ResultAppeal {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  /** The result appealed against. */
  @Column({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  @ManyToOne(() => Entry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Entry;

  @Column({ name: 'filed_by', type: 'int', unsigned: true })
  filedBy: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'filed_by' })
  filer?: User;

  @CreateDateColumn({ name: 'filed_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  filedAt: Date;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: 'open' | 'upheld' | 'dismissed';

  @Column({ name: 'resolved_by', type: 'int', unsigned: true, nullable: true })
  resolvedBy: number | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolution_reason', type: 'varchar', length: 2000, nullable: true })
  resolutionReason: string | null;
}

/** A file sent with an appeal (a photo, a video still, a scan of the sheet). */
@Entity('appeal_attachments')
export class AppealAttachment {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'appeal_id', type: 'int', unsigned: true })
  appealId: number;

  @ManyToOne(() => ResultAppeal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appeal_id' })
  appeal?: ResultAppeal;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int', unsigned: true })
  size: number;

  @Column({ type: 'mediumblob' })
  content: Buffer;
}

/** Every publication step of an item's results: who, when, what and why. Never updated or deleted. */
@Entity('result_audit')
@Index('idx_result_audit_item', ['itemId', 'id'])
export class ResultAudit {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  /** PUBLISH_NOTICE, FILE_APPEAL, UPHOLD_APPEAL, DISMISS_APPEAL, RETRACT, FINALIZE, REOPEN */
  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ name: 'appeal_id', type: 'int', unsigned: true, nullable: true })
  appealId: number | null;

  @Column({ type: 'int', unsigned: true })
  by: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'by' })
  actor?: User;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  at: Date;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** Status before and after, and for an upheld appeal the marks corrected. */
  @Column({ type: 'json', nullable: true })
  detail: unknown;
}
