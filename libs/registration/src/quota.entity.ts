import { Event } from '@app/events';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One shard of a capacity counter: the whole event, one item, or one delegation, split into
 * `shards` rows that each hold a share of the cap. Places are taken only by takePlaces
 * (capacity.ts), which reads shards under their locks and counts on them, so several API
 * processes can never oversell, while batches of different processes take from different shards
 * at once. The event's shards also carry the bib sequences, so a confirmed place and its number
 * come from the same locked row.
 */
@Entity('quotas')
@Index('uq_quotas_shard', ['eventId', 'scope', 'shard'], { unique: true })
export class Quota {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  /** 'event', 'item:<id>' or 'delegation:<organisationId>'. */
  @Column({ type: 'varchar', length: 40 })
  scope: string;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  shard: number;

  @Column({ type: 'tinyint', unsigned: true, default: 1 })
  shards: number;

  /** this shard's share of the cap */
  @Column({ type: 'int', unsigned: true, nullable: true })
  cap: number | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  taken: number;

  @Column({ name: 'bib_seq', type: 'int', unsigned: true, default: 0 })
  bibSeq: number;
}

export const eventScope = (): string => 'event';
export const itemScope = (itemId: number): string => `item:${itemId}`;
export const delegationScope = (organisationId: number): string => `delegation:${organisationId}`;
