import { EventItem } from '@app/events';
import { User } from '@app/identity';
import { Entry } from '@app/registration';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One judge's mark for one entry on one criterion, kept as the decimal text the judge entered. */
@Entity('marks')
@Index('uq_marks', ['entryId', 'roundId', 'judgeId', 'criterion'], { unique: true })
// A tally reads an item's marks sheet by sheet from this index alone (it covers every column the
// tally needs), instead of one row lookup per mark; its first column serves the item foreign key.
@Index('idx_marks_sheet', ['itemId', 'roundId', 'judgeId', 'entryId', 'criterion', 'value'])
export class Mark {
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

  @ManyToOne(() => Entry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Entry;

  @Column({ name: 'judge_id', type: 'int', unsigned: true })
  judgeId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_id' })
  judge?: User;

  @Column({ type: 'varchar', length: 50 })
  criterion: string;

  /** a mark, a time, a status or a row of attempts, as text */
  @Column({ type: 'varchar', length: 100 })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
