import { EventItem } from '@app/events';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SchemeConfig } from './domain';

/**
 * How an item is scored, and a version that every score change bumps: a tally
 * job carries the version it was caused by, so stale jobs can be skipped.
 */
@Entity('item_scoring')
export class ItemScoring {
  @PrimaryColumn({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @OneToOne(() => EventItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  @Column({ type: 'json' })
  scheme: SchemeConfig;

  @Column({ name: 'score_version', type: 'int', unsigned: true, default: 0 })
  scoreVersion: number;

  /** Set while the item's results are final: marks are frozen until an audited reopening. */
  @Column({ name: 'results_final', type: 'boolean', default: false })
  resultsFinal: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
