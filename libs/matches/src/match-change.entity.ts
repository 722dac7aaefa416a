import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MATCH_CHANGE_ACTIONS = ['draw', 'result', 'correction', 'reopen', 'close', 'pairing', 'pairing_override'] as const;
export type MatchChangeAction = (typeof MATCH_CHANGE_ACTIONS)[number];

/** The audit of a match item: every draw, result, correction, reopening and hand pairing, with before and after. */
@Entity('match_changes')
@Index('idx_match_changes_item', ['itemId', 'createdAt'])
export class MatchChange {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  /** match_matches.id or match_swiss_pairings.id, by `action`; null for the item as a whole. */
  @Column({ name: 'target_id', type: 'int', unsigned: true, nullable: true })
  targetId: number | null;

  @Column({ type: 'enum', enum: MATCH_CHANGE_ACTIONS })
  action: MatchChangeAction;

  @Column({ type: 'json', nullable: true })
  before: unknown;

  @Column({ type: 'json', nullable: true })
  after: unknown;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
