import { EventItem } from '@app/events';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A mark changed after its sheet was submitted: who, when, before, after and why. Never updated or deleted. */
@Entity('mark_changes')
@Index('idx_mark_changes_item', ['itemId', 'id'])
export class MarkChange {
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

  @Column({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  /** whose sheet the mark is on */
  @Column({ name: 'judge_id', type: 'int', unsigned: true })
  judgeId: number;

  @Column({ type: 'varchar', length: 50 })
  criterion: string;

  @Column({ name: 'before_value', type: 'varchar', length: 100, nullable: true })
  before: string | null;

  @Column({ name: 'after_value', type: 'varchar', length: 100, nullable: true })
  after: string | null;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'changed_by', type: 'int', unsigned: true })
  changedBy: number;

  @CreateDateColumn({ name: 'changed_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  changedAt: Date;
}
