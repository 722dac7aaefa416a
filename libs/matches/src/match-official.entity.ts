import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A judge (umpire, arbiter) assigned to a match item: to one match, to a court or board, or to
 * the whole item when both are null. Only an assigned judge enters a result, as only an assigned
 * judge fills a score sheet.
 */
@Entity('match_officials')
@Index('idx_match_officials_user', ['itemId', 'userId'])
export class MatchOfficial {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  /** match_matches.id; null: not limited to one match. */
  @Column({ name: 'match_id', type: 'int', unsigned: true, nullable: true })
  matchId: number | null;

  /** A court or board name; null: any. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  court: string | null;

  @Column({ name: 'assigned_by', type: 'int', unsigned: true })
  assignedBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
