import { Event } from '@app/events';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How an event turns item results into standings and publishes them. An event
 * without a row uses the defaults: the workers' games table 9-7-6-5-4-3-2-1
 * (relays doubled), gold-first medal table, a five-day notice period.
 */
@Entity('event_results_settings')
export class EventResultsSettings {
  @PrimaryColumn({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  /** Placing points of individual items, index 0 = 1st place, decimal strings. */
  @Column({ name: 'points_individual', type: 'json' })
  pointsIndividual: string[];

  /** Placing points of relay and team items. */
  @Column({ name: 'points_relay', type: 'json' })
  pointsRelay: string[];

  @Column({ name: 'medal_order', type: 'varchar', length: 12, default: 'gold-first' })
  medalOrder: 'gold-first' | 'weighted';

  /** {gold, silver, bronze} decimal strings when medalOrder is weighted; null = 3/2/1. */
  @Column({ name: 'medal_weights', type: 'json', nullable: true })
  medalWeights: { gold: string; silver: string; bronze: string } | null;

  /** Days of public notice (公示); 0: none, results may be finalised as soon as they are published. */
  @Column({ name: 'notice_days', type: 'smallint', unsigned: true, default: 5 })
  noticeDays: number;

  /** Set while the public scoreboard is frozen: the public sees the snapshot taken then. */
  @Column({ name: 'frozen_at', type: 'datetime', precision: 3, nullable: true })
  frozenAt: Date | null;

  @Column({ name: 'frozen_by', type: 'int', unsigned: true, nullable: true })
  frozenBy: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
