import { EventItem } from '@app/events';
import { Entry } from '@app/registration';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** One entry's place and total in an item, as of the score version the tally read. */
@Entity('item_results')
@Index('uq_item_results', ['itemId', 'roundId', 'entryId'], { unique: true })
// Standings read only the few rows per item that score (places within the points table).
@Index('idx_item_results_scoring', ['itemId', 'scoringPlace'])
// A person's record lists the results of their entries, across items.
@Index('idx_item_results_entry', ['entryId'])
export class ItemResult {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  // No foreign keys, here or on the entry: only the tally writes these rows, from the entries it
  // has just read under the item's tally lock, and items and entries are never deleted (results
  // are kept for good). A key would be checked again on every row of every re-tally, which is
  // the largest write the platform makes, for a guarantee the tally already gives.
  @ManyToOne(() => EventItem, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'item_id' })
  item?: EventItem;

  /** the round these belong to (item_rounds.id); 0 for an item scored without rounds */
  @Column({ name: 'round_id', type: 'int', unsigned: true, default: 0 })
  roundId: number;

  @Column({ name: 'entry_id', type: 'int', unsigned: true })
  entryId: number;

  @ManyToOne(() => Entry, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'entry_id' })
  entry?: Entry;

  /** Shared by tied entries ("1, 2, 2, 4"); null when unplaced (no marks yet, DNS, DQ…). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  place: number | null;

  /**
   * Place counted among those who score (not guests, status OK), ties kept:
   * what placing points and medals follow. Null for those who do not score.
   */
  @Column({ name: 'scoring_place', type: 'int', unsigned: true, nullable: true })
  scoringPlace: number | null;

  /** BROKEN or EQUALLED against the meet record / the all-time record as they stood before the meet; null otherwise. */
  @Column({ name: 'meet_record', type: 'varchar', length: 10, nullable: true })
  meetRecord: 'BROKEN' | 'EQUALLED' | null;

  @Column({ name: 'all_time_record', type: 'varchar', length: 10, nullable: true })
  allTimeRecord: 'BROKEN' | 'EQUALLED' | null;

  /** Exact decimal text with the scheme's digits, e.g. "86.50". */
  @Column({ type: 'varchar', length: 32, nullable: true })
  total: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  /**
   * What the scheme scored for this entry (SchemeInput, plain JSON). The per-judge breakdown is
   * computed from it and the scheme the tally used (item_tallies.scheme) when someone asks for it:
   * stored, 100,000 breakdowns cost the database as much as the whole arithmetic of a full tally.
   * Null when the entry could not be scored; then `breakdown` holds why.
   */
  @Column({ type: 'json', nullable: true })
  input: unknown;

  /** Only what cannot be computed from `input`: why an entry is INCOMPLETE. Null otherwise. */
  @Column({ type: 'json', nullable: true })
  breakdown: unknown;

  /** The score version of the tally that last wrote this row (a tally leaves rows it did not change alone). */
  @Column({ name: 'score_version', type: 'int', unsigned: true })
  scoreVersion: number;
}
