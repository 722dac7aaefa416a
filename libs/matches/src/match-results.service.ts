import { beijingTime } from '@app/common';
import { inTransaction, inTransactionClosing } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, type Principal, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BracketsManager } from 'brackets-manager';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { MatchMatch, MatchRound, type OpponentJson } from './bracket-tables.entity';
import { BracketsStorage, parseJson, structureColumns, type StructureColumns } from './brackets-storage';
import { checkSeriesScore, checkTennisScore, MatchesErrorCode, type MatchSettings, parseTennisScore, type Side } from './domain';
import { MatchChange } from './match-change.entity';
import { MatchItem } from './match-item.entity';
import { MatchOfficial } from './match-official.entity';
import { MatchParticipant } from './match-participant.entity';
import { MatchesError, rule } from './matches-error';
import { MatchesService, STATUS } from './matches.service';

/** How a match ended, as the judge enters it. `side` is who retired, was absent or forfeited. */
export interface MatchResultInput {
  ending?: 'completed' | 'retired' | 'walkover' | 'forfeit' | 'double_forfeit' | 'draw';
  side?: Side;
  /** Tennis: the score as written, "6-4 7-6(5)". */
  score?: string;
  /** Best-of series or any game count: games won by side a (opponent1) and b. */
  games?: { a: number; b: number };
  /** A sport with no score to check (Go, chess in a bracket): who won. */
  winner?: Side;
  /** A correction of an entered result must say why. */
  reason?: string;
}

export interface OfficialInput {
  userId: number;
  matchId?: number | null;
  court?: string | null;
}

interface Decided {
  winner: Side | null;
  ending: NonNullable<MatchResultInput['ending']>;
  a: number;
  b: number;
  forfeit: Side[];
  score: Record<string, unknown>;
}

/**
 * Results of bracket and group matches. Only a judge assigned to the match, its court or the
 * whole item enters one (as only an assigned judge fills a score sheet); the score is checked
 * against the sport's rules, brackets-manager moves the winner (and in double elimination the
 * loser) on, and the item is re-tallied, all in one transaction. A result already entered may be
 * corrected while no later match of its players has been played; after that only when the
 * organizer has reopened the item, and then only the score, never the winner.
 */
@Injectable()
export class MatchResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly matches: MatchesService,
  ) {}

  /** Organizers assign a judge of the event's organisation tree to a match, a court or the item. */
  async assign(principal: Principal, itemId: number, input: OfficialInput): Promise<MatchOfficial[]> {
    const { event } = await this.events.item(itemId);
    const eventPath = await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    await this.matches.itemOf(itemId);
    const judge = await this.users.view(input.userId);
    if (!judge.roles.some((r) => r.role === 'judge' && (eventPath.startsWith(r.path) || r.path.startsWith(eventPath)))) {
      throw new MatchesError('unprocessable', MatchesErrorCode.NotAssigned, `${judge.realName}不是本赛事组织范围内的裁判`, { field: 'userId' });
    }
    if (input.matchId != null) {
      const match = await this.dataSource.manager.findOne(MatchMatch, { where: { id: input.matchId } });
      if (!match || match.itemId !== itemId) throw new MatchesError('not_found', MatchesErrorCode.MatchNotFound, `本项目没有比赛 ${input.matchId}`, { field: 'matchId' });
    }
    await this.dataSource.manager.insert(MatchOfficial, { itemId, userId: input.userId, matchId: input.matchId ?? null, court: input.court ?? null, assignedBy: principal.userId });
    return this.dataSource.manager.find(MatchOfficial, { where: { itemId }, order: { id: 'ASC' } });
  }

  /**
   * Organizers put a match on a court at a time (the order of play). A match takes the item's
   * slot (settings.slotMinutes, 60 by default); refused when the court is taken in that slot, or
   * when a player of the match plays another match of the item in it, so nobody is in two places.
   */
  async schedule(principal: Principal, matchId: number, court: string | null, at: Date | null): Promise<MatchMatch> {
    const found = await this.matchOf(matchId);
    const { event } = await this.events.item(found.itemId);
    await this.events.assertManager(principal, event.id);
    await inTransaction(this.dataSource, async (m) => {
      const item = await m.findOneOrFail(MatchItem, { where: { itemId: found.itemId }, lock: { mode: 'pessimistic_write' } });
      const match = await this.matchOf(matchId, m);
      if (at) {
        const slot = Number((item.settings as { slotMinutes?: number }).slotMinutes ?? 60) * 60_000;
        const others = await m.find(MatchMatch, { where: { itemId: item.itemId } });
        const players = [match.opponent1?.id, match.opponent2?.id].filter((x): x is number => x != null);
        for (const o of others) {
          // byes hold no court and no player
          if (o.id === match.id || !o.scheduledAt || o.status >= STATUS.completed || o.opponent1 === null || o.opponent2 === null) continue;
          const overlap = Math.abs(o.scheduledAt.getTime() - at.getTime()) < slot;
          if (!overlap) continue;
          if (court && o.court === court) {
            throw new MatchesError('conflict', MatchesErrorCode.ScheduleClash, `${court}在该时段已安排第 ${o.id} 场比赛`, { field: 'court', matchId: o.id });
          }
          const shared = players.filter((p) => p === o.opponent1?.id || p === o.opponent2?.id);
          if (shared.length) throw new MatchesError('conflict', MatchesErrorCode.ScheduleClash, `选手在该时段另有第 ${o.id} 场比赛`, { field: 'at', matchId: o.id });
        }
      }
      await m.update(MatchMatch, { id: matchId }, { court, scheduledAt: at });
      // the public board learns of the change as of a result: the item is re-tallied and announced
      // on the event's live stream, and the order of play read again
      await this.matches.changed(m, item);
    });
    return this.matchOf(matchId);
  }

  /** The order of play, public: every match with its court, its time (Beijing) and its players. */
  async orderOfPlay(itemId: number): Promise<{ matchId: number; round: number; number: number; court: string | null; at: string | null; players: (string | null)[]; status: number; score: unknown }[]> {
    await this.matches.itemOf(itemId);
    // scheduled matches by time first, the unscheduled after them
    const ms = (await this.dataSource.manager.find(MatchMatch, { where: { itemId }, order: { id: 'ASC' } })).sort(
      (a, b) => (a.scheduledAt?.getTime() ?? Infinity) - (b.scheduledAt?.getTime() ?? Infinity) || a.id - b.id,
    );
    const rounds = new Map((await this.dataSource.manager.find(MatchRound, { where: { stageId: In([...new Set(ms.map((x) => x.stageId))]) } })).map((r) => [r.id, r.number]));
    const names = new Map((await this.dataSource.manager.find(MatchParticipant, { where: { itemId } })).map((p) => [p.id, p.name]));
    return ms
      .filter((x) => x.opponent1 !== null && x.opponent2 !== null)
      .map((x) => ({
        matchId: x.id,
        round: rounds.get(x.roundId) ?? 0,
        number: x.number,
        court: x.court,
        at: beijingTime(x.scheduledAt),
        players: [x.opponent1?.id != null ? (names.get(x.opponent1.id) ?? null) : null, x.opponent2?.id != null ? (names.get(x.opponent2.id) ?? null) : null],
        status: x.status,
        score: x.score,
      }));
  }

  async matchOf(matchId: number, sql: EntityManager = this.dataSource.manager, lock = false): Promise<MatchMatch> {
    const match = await sql.findOne(MatchMatch, { where: { id: matchId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!match) throw new MatchesError('not_found', MatchesErrorCode.MatchNotFound, `比赛不存在：${matchId}`, { field: 'matchId' });
    return match;
  }

  /**
   * What a result needs before brackets-manager runs, in one statement: the match FOR UPDATE, its
   * item's settings, whether the judge is assigned to the match, its court or the whole item, and
   * the stage's structure. The item, officials and stage are read by scalar subqueries, which the
   * FOR UPDATE does not lock: results of other matches of the item go on side by side.
   *
   * In an elimination's main bracket it also reads, FOR UPDATE, the matches brackets-manager goes
   * on to read and write there: the next match (next round, number ⌈n/2⌉), which the winner fills,
   * and the two that fed this one (round before, numbers 2n−1 and 2n), which it archives. Any
   * other match it asks for (the losers' bracket, a third-place match) is read when it asks.
   */
  private async readForResult(m: EntityManager, matchId: number, userId: number): Promise<{ match: MatchMatch; item: MatchItem; assigned: boolean; structure: StructureColumns; around: MatchMatch[] }> {
    const meta = m.connection.getMetadata(MatchMatch);
    const cols = (alias: string) => meta.columns.map((c) => `${alias}.${c.databaseName}`).join(', ');
    const mainBracket = `EXISTS (SELECT 1 FROM match_stages s JOIN match_groups g ON g.stage_id = s.id
      WHERE s.id = x.stage_id AND g.id = x.group_id AND g.number = 1 AND s.type <> 'round_robin')`;
    const roundAfter = (step: number) => `(SELECT r2.id FROM match_matches x JOIN match_rounds r1 ON r1.id = x.round_id
      JOIN match_rounds r2 ON r2.group_id = r1.group_id AND r2.number = r1.number + ${step} WHERE x.id = ? AND ${mainBracket})`;
    const numberOf = (expr: string) => `(SELECT ${expr} FROM match_matches x WHERE x.id = ?)`;
    const none = 'NULL, NULL, NULL, NULL, NULL';
    const rows: Record<string, unknown>[] = await m.query(
      `(SELECT ${cols('x')},
        (SELECT JSON_OBJECT('id', i.id, 'itemId', i.item_id, 'settings', i.settings, 'reopenedBy', i.reopened_by) FROM match_items i WHERE i.item_id = x.item_id) AS item,
        EXISTS (SELECT 1 FROM match_officials o WHERE o.item_id = x.item_id AND o.user_id = ?
          AND ((o.match_id IS NULL AND o.court IS NULL) OR o.match_id = x.id OR (o.court IS NOT NULL AND o.court = x.court))) AS assigned,
        ${structureColumns('x.stage_id')}
       FROM match_matches x WHERE x.id = ? FOR UPDATE)
      UNION ALL (SELECT ${cols('y')}, ${none} FROM match_matches y
        WHERE y.round_id = ${roundAfter(1)} AND y.number = ${numberOf('CEIL(x.number / 2)')} FOR UPDATE)
      UNION ALL (SELECT ${cols('y')}, ${none} FROM match_matches y
        WHERE y.round_id = ${roundAfter(-1)} AND y.number IN (${numberOf('2 * x.number - 1')}, ${numberOf('2 * x.number')}) FOR UPDATE)`,
      [userId, matchId, matchId, matchId, matchId, matchId, matchId],
    );
    const hydrate = (row: Record<string, unknown>) => {
      const match = new MatchMatch();
      for (const c of meta.columns) (match as unknown as Record<string, unknown>)[c.propertyName] = m.connection.driver.prepareHydratedValue(row[c.databaseName], c);
      return match;
    };
    const row = rows.find((r) => Number(r.id) === matchId);
    if (!row) throw new MatchesError('not_found', MatchesErrorCode.MatchNotFound, `比赛不存在：${matchId}`, { field: 'matchId' });
    const match = hydrate(row);
    const raw = parseJson(row.item) as { id: number; itemId: number; settings: unknown; reopenedBy: number | null } | null;
    if (!raw) throw new MatchesError('not_found', MatchesErrorCode.NotMatchItem, `项目 ${match.itemId} 不是对阵项目`, { field: 'itemId' });
    const item = Object.assign(new MatchItem(), { ...raw, settings: parseJson(raw.settings) as Record<string, unknown> });
    const around = rows.filter((r) => r !== row).map(hydrate);
    return { match, item, assigned: Number(row.assigned) === 1, structure: row as unknown as StructureColumns, around };
  }

  /** Checks the entered result against the item's sport and format. */
  private decide(input: MatchResultInput, settings: MatchSettings, knockout: boolean): Decided {
    const ending = input.ending ?? 'completed';
    if ((ending === 'retired' || ending === 'walkover' || ending === 'forfeit') && input.side !== 'a' && input.side !== 'b') {
      throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '退赛、弃权须说明哪一方（side: a 或 b）', { field: 'side' });
    }
    if (ending === 'draw') {
      if (knockout || !settings.draws) throw new MatchesError('invalid', MatchesErrorCode.DrawNotAllowed, '本赛制不允许平局', { field: 'ending' });
      return { winner: null, ending, a: input.games?.a ?? 0, b: input.games?.b ?? 0, forfeit: [], score: { draw: true, ...(input.games ? { games: input.games } : {}) } };
    }
    if (ending === 'double_forfeit') return { winner: null, ending, a: 0, b: 0, forfeit: ['a', 'b'], score: { doubleForfeit: true } };
    if (settings.sport === 'tennis') {
      if (ending === 'walkover' || ending === 'forfeit') return { winner: input.side === 'a' ? 'b' : 'a', ending, a: 0, b: 0, forfeit: [input.side!], score: { walkover: input.side } };
      if (typeof input.score !== 'string') throw new MatchesError('invalid', MatchesErrorCode.BadNotation, '网球须填写比分 score，如 6-4 7-6(5)', { field: 'score' });
      const parsed = rule(() => parseTennisScore(input.score!), 'score');
      const r = rule(() => checkTennisScore(parsed.sets, settings.tennis!, ending === 'retired' ? { kind: 'retired', retired: input.side! } : { kind: 'completed' }), 'score');
      return { winner: r.winner, ending, a: r.sets.a, b: r.sets.b, forfeit: [], score: { text: input.score.trim(), sets: parsed.sets } };
    }
    if (settings.bestOf) {
      const games = input.games ?? { a: 0, b: 0 };
      const r = rule(() =>
        checkSeriesScore(games, settings.bestOf!, ending === 'forfeit' || ending === 'walkover' || ending === 'retired' ? { kind: 'forfeit', forfeited: input.side! } : { kind: 'completed' }),
        'games',
      );
      const forfeit = ending === 'completed' ? [] : [input.side!];
      return { winner: r.winner, ending, a: games.a, b: games.b, forfeit, score: { games } };
    }
    if (ending !== 'completed') return { winner: input.side === 'a' ? 'b' : 'a', ending, a: 0, b: 0, forfeit: ending === 'retired' ? [] : [input.side!], score: { [ending]: input.side } };
    if (input.winner !== 'a' && input.winner !== 'b') {
      if (!input.games) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '须填写胜方 winner（a 或 b）或局分 games', { field: 'winner' });
      if (input.games.a === input.games.b) throw new MatchesError('invalid', MatchesErrorCode.DrawNotAllowed, '比分相同却未判平局', { field: 'games' });
    }
    const winner: Side = input.winner ?? (input.games!.a > input.games!.b ? 'a' : 'b');
    return { winner, ending, a: input.games?.a ?? (winner === 'a' ? 1 : 0), b: input.games?.b ?? (winner === 'b' ? 1 : 0), forfeit: [], score: input.games ? { games: input.games } : { winner } };
  }

  /**
   * A judge enters (or corrects) a match's result; the next match is filled in the same
   * transaction. The answer is the match as the transaction left it. READ COMMITTED is enough:
   * every row written is read FOR UPDATE first (the match, the next matches), the version is bumped
   * in place.
   */
  async enter(principal: Principal, matchId: number, input: MatchResultInput): Promise<MatchMatch> {
    return inTransactionClosing(this.dataSource, async (m) => {
      // The item row is not locked here: results of different matches go on side by side; the
      // version bump, sent with the COMMIT, holds its lock only while the server ends the transaction.
      const { match, item, assigned, structure, around } = await this.readForResult(m, matchId, principal.userId);
      if (!assigned) throw new MatchesError('forbidden', MatchesErrorCode.NotAssigned, '您不是这场比赛（或其场地）的裁判', { field: 'matchId' });
      if (match.opponent1?.id == null || match.opponent2?.id == null) {
        throw new MatchesError('conflict', MatchesErrorCode.PlayersUnknown, '这场比赛的双方尚未确定', { field: 'matchId' });
      }
      const storage = new BracketsStorage(m, { lockMatches: true });
      storage.hold(match, true);
      for (const x of around) storage.hold(x, true);
      storage.adopt(structure);
      const stage = (await storage.stage(match.stageId))!;
      const decided = this.decide(input, item.settings as unknown as MatchSettings, stage.type !== 'round_robin');
      const correction = match.status >= STATUS.completed;
      const before = correction ? { opponent1: match.opponent1, opponent2: match.opponent2, score: match.score, ending: match.ending } : null;
      if (correction) {
        if (!input.reason?.trim()) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '更正已录入的结果须说明理由 reason', { field: 'reason' });
        const later = stage.type === 'round_robin' ? false : await this.laterPlayed(m, match);
        if (later) {
          const sameWinner = winnerOf(match) === decided.winner;
          if (!item.reopenedBy || !sameWinner) {
            throw new MatchesError('conflict', MatchesErrorCode.LaterPlayed, item.reopenedBy ? '后续比赛已进行，只能更正比分，不能改变胜负' : '后续比赛已进行，须组织者重新开放后才能更正', { field: 'matchId' });
          }
          // reopened, same winner: only the figures change; the bracket does not move
          storage.patch(match.id, { opponent1: withScore(match.opponent1, decided.a), opponent2: withScore(match.opponent2, decided.b) });
        } else await this.apply(storage, match, decided, true);
      } else {
        await this.apply(storage, match, decided, false);
      }
      const resultAt = new Date();
      storage.patch(match.id, { score: decided.score as never, ending: decided.ending, resultBy: principal.userId, resultAt });
      const after = Object.assign(new MatchMatch(), match, storage.current(match.id));
      // the matches' UPDATE, the audit row, the version and the outbox row go with the COMMIT
      const closing = [
        ...(await storage.writes()),
        ...this.matches.changeStatements(item, {
          targetId: match.id,
          action: correction ? 'correction' : 'result',
          before,
          after: { opponent1: after.opponent1, opponent2: after.opponent2, score: decided.score, ending: decided.ending },
          reason: input.reason?.trim() || null,
          userId: principal.userId,
        }),
      ];
      return { value: after, closing };
    });
  }

  /** Writes the result through brackets-manager, which fills the next match (and the losers' side). */
  private async apply(storage: BracketsStorage, match: MatchMatch, d: Decided, reset: boolean): Promise<void> {
    const bm = new BracketsManager(storage);
    if (reset) await bm.reset.matchResults(match.id);
    const side = (s: Side, score: number) => {
      const o: { score: number; result?: 'win' | 'loss' | 'draw'; forfeit?: boolean } = { score };
      if (d.forfeit.includes(s)) o.forfeit = true;
      else if (d.winner === null && d.forfeit.length === 0) o.result = 'draw';
      else if (d.forfeit.length === 0) o.result = d.winner === s ? 'win' : 'loss';
      return o;
    };
    const a = side('a', d.a);
    const b = side('b', d.b);
    // a forfeit carries no result: brackets-manager gives the win to the side that did not forfeit
    await bm.update.match({ id: match.id, opponent1: a, opponent2: b });
  }

  /** Whether a later match of either player in this stage has a result (or is under way). */
  private async laterPlayed(m: EntityManager, match: MatchMatch): Promise<boolean> {
    const rounds = await m.find(MatchRound, { where: { stageId: match.stageId } });
    const roundOf = new Map(rounds.map((r) => [r.id, r]));
    const mine = roundOf.get(match.roundId)!;
    const ids = [match.opponent1?.id, match.opponent2?.id].filter((x): x is number => x != null);
    const all = await m.find(MatchMatch, { where: { stageId: match.stageId } });
    return all.some((x) => {
      if (x.id === match.id || x.status < STATUS.running) return false;
      const r = roundOf.get(x.roundId)!;
      const later = r.groupId !== mine.groupId || r.number > mine.number;
      const players = [x.opponent1?.id, x.opponent2?.id];
      // a bye's "match" has one player and was never played
      return later && x.opponent1?.id != null && x.opponent2?.id != null && ids.some((id) => players.includes(id));
    });
  }

  /** The organizer reopens an item for corrections after later matches, or closes it again; audited. */
  async reopen(principal: Principal, itemId: number, open: boolean, reason: string): Promise<{ itemId: number; reopened: boolean }> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    if (!reason?.trim()) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '须说明理由 reason', { field: 'reason' });
    await inTransaction(this.dataSource, async (m) => {
      const item = await this.matches.itemOf(itemId, m, true);
      await m.update(MatchItem, { id: item.id }, { reopenedBy: open ? principal.userId : null });
      await m.insert(MatchChange, { itemId, action: open ? 'reopen' : 'close', before: { reopenedBy: item.reopenedBy } as never, after: { reopenedBy: open ? principal.userId : null } as never, reason: reason.trim(), userId: principal.userId });
    });
    return { itemId, reopened: open };
  }
}

function winnerOf(match: MatchMatch): Side | null {
  if (match.opponent1?.result === 'win' || (match.opponent2?.forfeit && !match.opponent1?.forfeit)) return 'a';
  if (match.opponent2?.result === 'win' || (match.opponent1?.forfeit && !match.opponent2?.forfeit)) return 'b';
  return null;
}

function withScore(o: OpponentJson, score: number): OpponentJson {
  return o ? { ...o, score } : o;
}
