import { EventItem } from '@app/events';
import { User } from '@app/identity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SHEET_STATUSES = ['draft', 'submitted', 'locked'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/**
 * One judge's score sheet for one item: the marks are the judge's rows in
 * `marks`. Every save bumps `version`, and a save must name the version it
 * was made from, so two people editing one sheet never overwrite each other.
 */
@Entity('score_sheets')
@Index('uq_score_sheets', ['itemId', 'roundId', 'judgeId'], { unique: true })
export class ScoreSheet {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  /** the round these belong to (item_rounds.id); 0 for an item scored without rounds */
  @Column({ name: 'round_id', type: 'int', unsigned: true, default: 0 })
  roundId: number;

  @Column({ name: 'judge_id', type: 'int', unsigned: true })
  judgeId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge?: User;

  @Column({ type: 'enum', enum: SHEET_STATUSES, default: 'draft' })
  status: SheetStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  version: number;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'locked_at', type: 'datetime', precision: 3, nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'locked_by', type: 'int', unsigned: true, nullable: true })
  lockedBy: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
