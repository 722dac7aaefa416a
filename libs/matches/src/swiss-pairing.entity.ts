import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Results of a Swiss game as the crosstable writes them (TRF-16 codes): 1-0, 0-1 and ½-½ played;
 * forfeits +/- (win for white/black), double forfeit --; a bye has no black player and scores
 * by `byeScore` (FIDE: pairing-allocated bye = a win; a requested bye half or zero).
 */
export const SWISS_RESULTS = ['1-0', '0-1', '1/2-1/2', '+-', '-+', '--', 'bye'] as const;
export type SwissResult = (typeof SWISS_RESULTS)[number];

/** One board of one Swiss round. White (Go: black, who moves first) is `firstId`. */
@Entity('match_swiss_pairings')
@Index('uq_match_swiss_board', ['itemId', 'round', 'board'], { unique: true })
@Index('idx_match_swiss_first', ['itemId', 'firstId'])
@Index('idx_match_swiss_second', ['itemId', 'secondId'])
export class SwissPairing {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @Column({ type: 'smallint', unsigned: true })
  round: number;

  @Column({ type: 'smallint', unsigned: true })
  board: number;

  /** match_participants.id of the player with the first move (chess white, Go black). */
  @Column({ name: 'first_id', type: 'int', unsigned: true })
  firstId: number;

  /** The other player; null for a bye. */
  @Column({ name: 'second_id', type: 'int', unsigned: true, nullable: true })
  secondId: number | null;

  @Column({ type: 'enum', enum: SWISS_RESULTS, nullable: true })
  result: SwissResult | null;

  /** Points a bye scores (1, 0.5 or 0); null on a played board. */
  @Column({ name: 'bye_score', type: 'decimal', precision: 3, scale: 1, nullable: true })
  byeScore: string | null;

  /** Paired or changed by hand by the arbiter: the rules are checked and reported, not enforced. */
  @Column({ type: 'boolean', default: false })
  manual: boolean;

  @Column({ name: 'result_by', type: 'int', unsigned: true, nullable: true })
  resultBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
