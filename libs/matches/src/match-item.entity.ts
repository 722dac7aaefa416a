import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How a match item is played. `groups_knockout`: round-robin groups whose leaders feed a knockout. */
export const MATCH_FORMATS = ['single_elimination', 'double_elimination', 'round_robin', 'groups_knockout', 'swiss'] as const;
export type MatchFormat = (typeof MATCH_FORMATS)[number];

/** setup: entries and seeds may change; drawn: the draw or first pairing exists; running: a result exists; finished. */
export const MATCH_ITEM_STATUSES = ['setup', 'drawn', 'running', 'finished'] as const;
export type MatchItemStatus = (typeof MATCH_ITEM_STATUSES)[number];

/**
 * An item of an event played as matches rather than judged by a panel. `settings` carries the
 * format's choices (sport, best-of, third-place match, points for win/draw/loss, Swiss rounds,
 * tie-breaks in order and the edition of the regulations they follow).
 */
@Entity('match_items')
@Index('uq_match_items_item', ['itemId'], { unique: true })
export class MatchItem {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** event_items.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @Column({ type: 'enum', enum: MATCH_FORMATS })
  format: MatchFormat;

  @Column({ type: 'json' })
  settings: Record<string, unknown>;

  @Column({ type: 'enum', enum: MATCH_ITEM_STATUSES, default: 'setup' })
  status: MatchItemStatus;

  /** Every draw of lots made for the draw, in order, so it can be replayed; null before the draw. */
  @Column({ type: 'json', nullable: true })
  lot: number[] | null;

  /** Grows with every change that can move a place; the tally job carries it. */
  @Column({ type: 'int', unsigned: true, default: 0 })
  version: number;

  /** Set while the organiser has reopened the item for a correction after later matches were played. */
  @Column({ name: 'reopened_by', type: 'int', unsigned: true, nullable: true })
  reopenedBy: number | null;

  @Column({ name: 'created_by', type: 'int', unsigned: true })
  createdBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
