import { EventItem } from '@app/events';
import { User } from '@app/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A judge on an item's panel; the order of assignment is the judge's seat on the panel. */
@Entity('judge_assignments')
@Index('uq_judge_assignments', ['itemId', 'userId'], { unique: true })
export class JudgeAssignment {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The chief judge locks sheets and corrects submitted marks. */
  @Column({ type: 'boolean', default: false })
  chief: boolean;

  /** The contestants (entry ids) this judge scores; null: all of the item. */
  @Column({ name: 'entry_ids', type: 'json', nullable: true })
  entryIds: number[] | null;

  /** The rounds (item_rounds ids) this judge scores; null: every round of the item. */
  @Column({ name: 'round_ids', type: 'json', nullable: true })
  roundIds: number[] | null;

  @Column({ name: 'assigned_by', type: 'int', unsigned: true })
  assignedBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
