import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A registration entry taking part in a match item; also brackets-manager's `participant`
 * (its `tournament_id` is our item id). Seeds are 1-based and unique within the item.
 */
@Entity('match_participants')
@Index('uq_match_participants_entry', ['itemId', 'entryId'], { unique: true })
@Index('uq_match_participants_seed', ['itemId', 'seed'], { unique: true })
export class MatchParticipant {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** event_items.id (brackets-manager's tournament_id). */
  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  /** registration's entry id, kept as an id only. */
  @Column({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  /** The name the draw shows (the entry's label when entered). */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  seed: number | null;

  /** Rating or rank used to order a Swiss field (Go dan/kyu as a number, chess Elo); null when unrated. */
  @Column({ type: 'int', nullable: true })
  rating: number | null;

  /** McMahon start score (Go), in points; 0 without McMahon bars. */
  @Column({ name: 'start_score', type: 'decimal', precision: 5, scale: 1, default: 0 })
  startScore: string;
}
