import type { SqlRunner } from '@app/database';
import { type ExternalStanding, type ExternalStandings, type StandingsSource, StandingsSources } from '@app/results';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BracketsManager } from 'brackets-manager';
import { DataSource, EntityManager, In } from 'typeorm';
import { MatchGroup, MatchMatch, MatchRound, MatchStage } from './bracket-tables.entity';
import { BracketsStorage } from './brackets-storage';
import { doubleEliminationPlace, knockoutPlace, type MatchSettings, type SharedPlace } from './domain';
import { MatchItem } from './match-item.entity';
import { MatchParticipant } from './match-participant.entity';
import { MatchesService, STATUS } from './matches.service';
import { SwissService } from './swiss.service';

type Place = { place: SharedPlace; total: string; detail: Record<string, unknown> };

const loserOf = (x: MatchMatch): number[] => {
  const o1 = x.opponent1;
  const o2 = x.opponent2;
  if (!o1 || !o2 || o1.id == null || o2.id == null || x.status < STATUS.completed) return [];
  if (o1.forfeit && o2.forfeit) return [o1.id, o2.id];
  if (o1.forfeit || o1.result === 'loss') return [o1.id];
  if (o2.forfeit || o2.result === 'loss') return [o2.id];
  return [];
};
const winnerOf = (x: MatchMatch): number | null => {
  if (x.status < STATUS.completed) return null;
  // a match one side reached alone (its other side a double forfeit) is won without an opponent
  for (const o of [x.opponent1, x.opponent2]) if (o?.id != null && o.result === 'win') return o.id;
  const l = loserOf(x);
  if (l.length !== 1) return null;
  return x.opponent1!.id === l[0] ? x.opponent2!.id : x.opponent1!.id;
};

const ROUND_NAMES: Record<number, string> = { 1: '决赛', 2: '半决赛', 3: '1/4决赛', 4: '1/8决赛' };

/**
 * Places of a match item, for results' tally (results defines the port; this context answers it).
 * A knockout's losers share the place of the round they lost in (3, 5–8, 9–16 …) unless a
 * third-place match was played (domain/places); a round robin ranks by points and the item's
 * tie-breaks, head-to-head included (domain/round-robin); groups feeding a knockout place the
 * knockout's field first, then the rest by their rank in their group, sharing across groups.
 */
@Injectable()
export class MatchStandings implements StandingsSource, OnModuleInit {
  readonly name = 'matches';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: StandingsSources,
    private readonly matches: MatchesService,
    private readonly swiss: SwissService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  private manager(sql?: SqlRunner): EntityManager {
    return sql instanceof EntityManager ? sql : this.dataSource.manager;
  }

  async owns(itemIds: number[], sql?: SqlRunner): Promise<Set<number>> {
    if (!itemIds.length) return new Set();
    const rows = await this.manager(sql).find(MatchItem, { where: { itemId: In(itemIds) }, select: { id: true, itemId: true } });
    return new Set(rows.map((r) => r.itemId));
  }

  async standings(itemId: number, sql: SqlRunner): Promise<ExternalStandings | null> {
    const m = this.manager(sql);
    const item = await m.findOne(MatchItem, { where: { itemId } });
    if (!item || item.status === 'setup') return null;
    if (item.format === 'swiss') {
      // Swiss: the place is the rank by score and the item's tie-breaks, shared only when all are level
      const table = await this.swiss.crosstable(itemId, m);
      return {
        version: item.version,
        rows: table.rows.map((r) => ({ entryId: r.entryId, place: r.rank, total: String(r.score), status: 'OK' as const, detail: { tieBreaks: r.tieBreaks } })),
      };
    }
    const settings = item.settings as unknown as MatchSettings;
    const ps = await m.find(MatchParticipant, { where: { itemId } });
    const stages = await m.find(MatchStage, { where: { itemId }, order: { number: 'ASC' } });
    const places = new Map<number, Place>();
    const ko = stages.find((s) => s.type !== 'round_robin');
    const rr = stages.find((s) => s.type === 'round_robin');
    let koField = 0;
    if (ko) {
      const { field, placed } = await this.knockout(m, ko);
      koField = field;
      for (const [id, p] of placed) places.set(id, p);
    }
    if (rr) {
      const { ranked } = await this.matches.groupStandings(m, rr.id, settings);
      const groups = ranked.length;
      for (const g of ranked) {
        for (const row of g) {
          const id = Number(row.player);
          if (ko && (await this.inStage(m, ko.id, id))) continue;
          // k-th of every group share the k-th block of places after the knockout's field
          const from = (ko ? koField + Math.max(0, row.rank - 1 - (settings.advance ?? 0)) * groups : (row.rank - 1) * groups) + 1;
          const detail = { points: row.points, played: row.played, wins: row.wins, draws: row.draws, losses: row.losses, for: row.gamesFor, against: row.gamesAgainst, groupRank: row.rank };
          places.set(id, { place: { from, to: from + groups - 1 }, total: String(row.points), detail });
        }
      }
    }
    const rows: ExternalStanding[] = ps.map((p) => {
      const pl = places.get(p.id);
      return pl
        ? { entryId: p.entryId, place: pl.place.from, total: pl.total, status: 'OK', detail: { ...pl.detail, placeTo: pl.place.to } }
        : { entryId: p.entryId, place: null, total: null, status: 'INCOMPLETE', detail: null };
    });
    return { version: item.version, rows };
  }

  private async inStage(m: EntityManager, stageId: number, participantId: number): Promise<boolean> {
    const n = await m.query(
      "SELECT 1 FROM match_matches WHERE stage_id = ? AND (JSON_VALUE(opponent1, '$.id') = ? OR JSON_VALUE(opponent2, '$.id') = ?) LIMIT 1",
      [stageId, participantId, participantId],
    );
    return n.length > 0;
  }

  /** Places in an elimination stage: those knocked out so far, and the champion once the final is played. */
  private async knockout(m: EntityManager, stage: MatchStage): Promise<{ field: number; placed: Map<number, Place> }> {
    const size = Number((stage.settings as { size?: number }).size);
    const groups = await m.find(MatchGroup, { where: { stageId: stage.id }, order: { number: 'ASC' } });
    const rounds = await m.find(MatchRound, { where: { stageId: stage.id } });
    // only what places are decided by: a tally reads every match of the draw, often
    const matches = await m.find(MatchMatch, { where: { stageId: stage.id }, select: { id: true, groupId: true, roundId: true, status: true, opponent1: true, opponent2: true } });
    const roundOf = new Map(rounds.map((r) => [r.id, r]));
    const groupNo = new Map(groups.map((g) => [g.id, g.number]));
    const placed = new Map<number, Place>();
    const total = Math.log2(size);
    if (stage.type === 'single_elimination') {
      const third = matches.find((x) => groupNo.get(x.groupId) === 2);
      const thirdPlayed = third ? loserOf(third).length === 1 : false;
      for (const x of matches.filter((y) => groupNo.get(y.groupId) === 1)) {
        const round = roundOf.get(x.roundId)!.number;
        for (const id of loserOf(x)) {
          const semi = round === total - 1;
          const place = semi && thirdPlayed ? knockoutPlace(size, round, { played: true, won: winnerOf(third!) === id }) : knockoutPlace(size, round);
          placed.set(id, { place, total: `${ROUND_NAMES[total - round + 1] ?? `第${round}轮`}负`, detail: { round } });
        }
        if (round === total) {
          const w = winnerOf(x);
          if (w != null) placed.set(w, { place: { from: 1, to: 1 }, total: '冠军', detail: { round: total + 1 } });
        }
      }
    } else {
      for (const x of matches) {
        const g = groupNo.get(x.groupId)!;
        const round = roundOf.get(x.roundId)!.number;
        if (g === 2) for (const id of loserOf(x)) placed.set(id, { place: doubleEliminationPlace(size, round), total: `败者组第${round}轮负`, detail: { lbRound: round } });
      }
      // the grand final (and its reset): the last one played decides first and second
      const finals = matches.filter((x) => groupNo.get(x.groupId) === 3 && loserOf(x).length === 1).sort((a, b) => roundOf.get(b.roundId)!.number - roundOf.get(a.roundId)!.number);
      if (finals.length) {
        const last = finals[0];
        placed.set(winnerOf(last)!, { place: { from: 1, to: 1 }, total: '冠军', detail: {} });
        placed.set(loserOf(last)[0], { place: { from: 2, to: 2 }, total: '总决赛负', detail: {} });
      }
    }
    return { field: size, placed };
  }

  /** The draw as brackets-viewer reads it: stages, matches, match games and participants. */
  async bracket(itemId: number): Promise<{ stages: unknown[]; matches: unknown[]; matchGames: unknown[]; participants: unknown[] }> {
    await this.matches.itemOf(itemId);
    const bm = new BracketsManager(new BracketsStorage(this.dataSource.manager));
    const data = await bm.get.tournamentData(itemId);
    return { stages: data.stage, matches: data.match, matchGames: data.match_game, participants: data.participant };
  }
}
