import { EventItem } from '@app/events';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

/** Which score version an item's results reflect, and how many tallies have run (for operations and tests). */
@Entity('item_tallies')
export class ItemTally {
  @PrimaryColumn({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @OneToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  @Column({ name: 'tallied_version', type: 'int', unsigned: true, default: 0 })
  talliedVersion: number;

  @Column({ type: 'int', unsigned: true, default: 0 })
  runs: number;

  @Column({ name: 'tallied_at', type: 'datetime', precision: 3, nullable: true })
  talliedAt: Date | null;

  /** The scheme the results were computed with: their breakdowns are computed again from it and each row's input. */
  @Column({ type: 'json', nullable: true })
  scheme: unknown;
}
