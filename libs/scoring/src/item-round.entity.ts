import { Entry } from '@app/registration';
import { EventItem } from '@app/events';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { QualificationConfig } from './domain';

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * One round of an item (heats, semi-finals, final). Sheets, marks and results
 * carry its id; an item scored in one go has no rounds and uses round 0.
 * A round closes when its qualifiers are drawn into the next one.
 */
@Entity('item_rounds')
@Index('uq_item_rounds', ['itemId', 'seq'], { unique: true })
export class ItemRound {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @ManyToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  /** 1 for the first round */
  @Column({ type: 'tinyint', unsigned: true })
  seq: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'smallint', unsigned: true, default: 1 })
  heats: number;

  /** Who goes through to the next round (Q by place, q by performance); null for a final. */
  @Column({ type: 'json', nullable: true })
  qualification: QualificationConfig | null;

  @Column({ type: 'enum', enum: ROUND_STATUSES, default: 'open' })
  status: RoundStatus;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}

/** A contestant's heat and lane in a round, and how they went through to the next. */
@Entity('round_entries')
export class RoundEntry {
  @PrimaryColumn({ name: 'round_id', type: 'int', unsigned: true })
  roundId: number;

  @ManyToOne(() => ItemRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: ItemRound;

  @PrimaryColumn({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  @ManyToOne(() => Entry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Entry;

  @Column({ type: 'smallint', unsigned: true })
  heat: number;

  @Column({ type: 'smallint', unsigned: true })
  lane: number;

  /** Q by place, q by performance (case matters, so not an enum: MariaDB enums ignore case) */
  @Column({ type: 'varchar', length: 1, nullable: true })
  qualified: 'Q' | 'q' | null;
}
