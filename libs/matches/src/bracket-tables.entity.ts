import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// brackets-manager's tables (stage, group, round, match, match_game), stored by our adapter.
// Columns keep its field names in snake case; the adapter maps them one to one.

type StageType = 'round_robin' | 'single_elimination' | 'double_elimination';
/** brackets-model's ParticipantResult: who, and how they did (score, forfeit, win/draw/loss). */
export type OpponentJson = { id: number | null; position?: number; forfeit?: boolean; score?: number; result?: 'win' | 'draw' | 'loss' } | null;

@Entity('match_stages')
@Index('idx_match_stages_item', ['itemId', 'number'])
export class MatchStage {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** brackets-manager's tournament_id: the event item. */
  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: ['round_robin', 'single_elimination', 'double_elimination'] })
  type: StageType;

  @Column({ type: 'json' })
  settings: Record<string, unknown>;

  @Column({ type: 'smallint', unsigned: true })
  number: number;
}

@Entity('match_groups')
@Index('idx_match_groups_stage', ['stageId', 'number'])
export class MatchGroup {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'stage_id', type: 'int', unsigned: true })
  stageId: number;

  @Column({ type: 'smallint', unsigned: true })
  number: number;
}

@Entity('match_rounds')
@Index('idx_match_rounds_group', ['groupId', 'number'])
@Index('idx_match_rounds_stage', ['stageId'])
export class MatchRound {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'stage_id', type: 'int', unsigned: true })
  stageId: number;

  @Column({ name: 'group_id', type: 'int', unsigned: true })
  groupId: number;

  @Column({ type: 'smallint', unsigned: true })
  number: number;
}

/**
 * A match of a bracket or group. brackets-manager writes the first columns; the rest are ours:
 * the score as entered, how it ended, the court and time of play, who entered it.
 */
@Entity('match_matches')
@Index('idx_match_matches_round', ['roundId', 'number'])
@Index('idx_match_matches_group', ['groupId'])
@Index('idx_match_matches_stage', ['stageId'])
@Index('idx_match_matches_item', ['itemId'])
export class MatchMatch {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'stage_id', type: 'int', unsigned: true })
  stageId: number;

  @Column({ name: 'group_id', type: 'int', unsigned: true })
  groupId: number;

  @Column({ name: 'round_id', type: 'int', unsigned: true })
  roundId: number;

  @Column({ type: 'smallint', unsigned: true })
  number: number;

  @Column({ name: 'child_count', type: 'smallint', unsigned: true, default: 0 })
  childCount: number;

  /** brackets-model Status: 0 locked, 1 waiting, 2 ready, 3 running, 4 completed, 5 archived. */
  @Column({ type: 'tinyint', unsigned: true })
  status: number;

  @Column({ type: 'json', nullable: true })
  opponent1: OpponentJson;

  @Column({ type: 'json', nullable: true })
  opponent2: OpponentJson;

  /** The event item, copied from the stage so an item's matches are one index away. */
  @Column({ name: 'item_id', type: 'int', unsigned: true })
  itemId: number;

  /** The score as the sport writes it: tennis sets, e-sports games; null before a result. */
  @Column({ type: 'json', nullable: true })
  score: Record<string, unknown> | null;

  @Column({ type: 'enum', enum: ['completed', 'retired', 'walkover', 'forfeit', 'double_forfeit', 'draw'], nullable: true })
  ending: 'completed' | 'retired' | 'walkover' | 'forfeit' | 'double_forfeit' | 'draw' | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  court: string | null;

  @Column({ name: 'scheduled_at', type: 'datetime', precision: 3, nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'result_by', type: 'int', unsigned: true, nullable: true })
  resultBy: number | null;

  @Column({ name: 'result_at', type: 'datetime', precision: 3, nullable: true })
  resultAt: Date | null;
}

/** A game of a best-of match (brackets-manager's match_game). */
@Entity('match_games')
@Index('idx_match_games_parent', ['parentId', 'number'])
@Index('idx_match_games_stage', ['stageId'])
export class MatchGame {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'stage_id', type: 'int', unsigned: true })
  stageId: number;

  @Column({ name: 'parent_id', type: 'int', unsigned: true })
  parentId: number;

  @Column({ type: 'smallint', unsigned: true })
  number: number;

  @Column({ type: 'tinyint', unsigned: true })
  status: number;

  @Column({ type: 'json', nullable: true })
  opponent1: OpponentJson;

  @Column({ type: 'json', nullable: true })
  opponent2: OpponentJson;
}
