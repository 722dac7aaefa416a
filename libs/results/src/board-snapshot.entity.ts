import { Event } from '@app/events';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * What the public saw when the organizer froze the scoreboard: the event's
 * board (item_id 0) and each round's results, served to the public until the
 * board is unfrozen.
 */
@Entity('board_snapshots')
export class BoardSnapshot {
  @PrimaryColumn({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @PrimaryColumn({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @PrimaryColumn({ name: 'round_id', type: 'int', unsigned: true })
  roundId: number;

  @Column({ type: 'json' })
  body: unknown;
}
