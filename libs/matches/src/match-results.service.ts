import { Batcher, beijingTime } from '@app/common';
import { inTransaction, inTransactionClosing, type Statement } from '@app/database';
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
import { type MatchAudit, MatchesService, STATUS } from './matches.service';

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

interface ResultRequest {
  principal: Principal;
  matchId: number;
  input: MatchResultInput;
}

interface ResultRead {
  match: MatchMatch;
  item: MatchItem | null;
  /** The item's officials: [user, match (null: court or item), court (null: match or item)]. */
  officials: [number, number | null, string | null][];
  structure: StructureColumns;
}

/** brackets-manager refused a result part-way through a batch: the batch is rolled back and its results entered one by one. */
class PartWay extends Error {}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

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
   * What results need before brackets-manager runs, in one statement: the matches FOR UPDATE, each
   * with its item's settings, the item's officials and its stage's structure. The item, officials
   * and stage are read by scalar subqueries, which the FOR UPDATE does not lock: results of other
   * matches of the item go on side by side.
   */
  private async readForResults(m: EntityManager, matchIds: number[]): Promise<Map<number, ResultRead>> {
    const meta = m.connection.getMetadata(MatchMatch);
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT ${meta.columns.map((c) => `x.${c.databaseName}`).join(', ')},
        (SELECT JSON_OBJECT('id', i.id, 'itemId', i.item_id, 'settings', i.settings, 'reopenedBy', i.reopened_by) FROM match_items i WHERE i.item_id = x.item_id) AS item,
        (SELECT JSON_ARRAYAGG(JSON_ARRAY(o.user_id, o.match_id, o.court)) FROM match_officials o WHERE o.item_id = x.item_id) AS officials,
        ${structureColumns('x.stage_id')}
       FROM match_matches x WHERE x.id IN (?) ORDER BY x.id FOR UPDATE`,
      [[...new Set(matchIds)]],
    );
    const out = new Map<number, ResultRead>();
    for (const row of rows) {
      const match = new MatchMatch();
      for (const c of meta.columns) (match as unknown as Record<string, unknown>)[c.propertyName] = m.connection.driver.prepareHydratedValue(row[c.databaseName], c);
      const raw = parseJson(row.item) as { id: number; itemId: number; settings: unknown; reopenedBy: number | null } | null;
      const item = raw && Object.assign(new MatchItem(), { ...raw, settings: parseJson(raw.settings) as Record<string, unknown> });
      out.set(match.id, { match, item, officials: (parseJson(row.officials) ?? []) as ResultRead['officials'], structure: row as unknown as StructureColumns });
    }
    return out;
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
   *
   * Results that arrive while others are being written go together in the next transaction (group
   * commit, as registrations do): each is checked and answered on its own, and they share the
   * statements, so a round's results entered at once from every court do not queue one statement
   * at a time. A correction, or a second result for a match already in the batch, is entered on its
   * own after it; so is every result of a batch that brackets-manager refuses part-way.
   */
  enter(principal: Principal, matchId: number, input: MatchResultInput): Promise<MatchMatch> {
    return this.results.add(0, { principal, matchId, input });
  }

  private readonly results = new Batcher<ResultRequest, MatchMatch>((batch) => this.enterBatch(batch), 32);

  private async enterBatch(batch: ResultRequest[]): Promise<(MatchMatch | Error)[]> {
    const answers: (MatchMatch | Error | undefined)[] = [];
    const alone: number[] = [];
    try {
      await inTransactionClosing(this.dataSource, async (m) => {
        answers.length = 0;
        alone.length = 0;
        const closing = await this.write(m, batch, answers, alone);
        return { value: undefined, closing };
      });
    } catch (err) {
      if (!(err instanceof PartWay)) return batch.map(() => asError(err));
      answers.length = 0;
      alone.splice(0, alone.length, ...batch.keys());
    }
    for (const k of alone) {
      answers[k] = await inTransactionClosing(this.dataSource, async (m) => {
        const one: (MatchMatch | Error | undefined)[] = [];
        const closing = await this.write(m, [batch[k]], one, []);
        return { value: one[0], closing };
      }).catch(asError);
    }
    return answers.map((a) => a ?? new Error('match result: not answered'));
  }

  /**
   * Checks and writes the results of `batch` in the caller's transaction, answering each in
   * `answers` (by position) and leaving in `alone` those to be entered on their own; returns the
   * statements to end the transaction with: the matches' UPDATE, the audit rows, each item's
   * version and its outbox row. A batch of one may be a correction.
   */
  private async write(m: EntityManager, batch: ResultRequest[], answers: (MatchMatch | Error | undefined)[], alone: number[]): Promise<Statement[]> {
    const reads = await this.readForResults(m, batch.map((r) => r.matchId));
    const storage = new BracketsStorage(m, { lockMatches: true });
    const taken: { k: number; read: ResultRead; item: MatchItem; decided: Decided }[] = [];
    for (const [k, { principal, matchId, input }] of batch.entries()) {
      const read = reads.get(matchId);
      if (batch.length > 1 && (taken.some((t) => t.read.match.id === matchId) || (read && read.match.status >= STATUS.completed))) {
        alone.push(k);
        continue;
      }
      try {
        if (!read) throw new MatchesError('not_found', MatchesErrorCode.MatchNotFound, `比赛不存在：${matchId}`, { field: 'matchId' });
        const { match, item, officials } = read;
        if (!item) throw new MatchesError('not_found', MatchesErrorCode.NotMatchItem, `项目 ${match.itemId} 不是对阵项目`, { field: 'itemId' });
        const assigned = officials.some(([userId, forMatch, court]) => userId === principal.userId && ((forMatch == null && court == null) || forMatch === match.id || (court != null && court === match.court)));
        if (!assigned) throw new MatchesError('forbidden', MatchesErrorCode.NotAssigned, '您不是这场比赛（或其场地）的裁判', { field: 'matchId' });
        if (match.opponent1?.id == null || match.opponent2?.id == null) {
          throw new MatchesError('conflict', MatchesErrorCode.PlayersUnknown, '这场比赛的双方尚未确定', { field: 'matchId' });
        }
        // every match of a batch from one stage carries its structure: parsed once
        if (!storage.knows(match.stageId)) storage.adopt(read.structure);
        const stage = (await storage.stage(match.stageId))!;
        const decided = this.decide(input, item.settings as unknown as MatchSettings, stage.type !== 'round_robin');
        if (match.status >= STATUS.completed && !input.reason?.trim()) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '更正已录入的结果须说明理由 reason', { field: 'reason' });
        storage.hold(match, true);
        taken.push({ k, read, item, decided });
      } catch (err) {
        answers[k] = asError(err);
      }
    }
    // the matches the winners go on to, and those they archive, locked in one statement
    await storage.lockAround(taken.map((t) => t.read.match.id));
    const audits = new Map<number, { item: MatchItem; audits: MatchAudit[] }>();
    for (const { k, read, item, decided } of taken) {
      const { principal, input } = batch[k];
      const match = read.match;
      const correction = match.status >= STATUS.completed;
      const before = correction ? { opponent1: match.opponent1, opponent2: match.opponent2, score: match.score, ending: match.ending } : null;
      try {
        if (correction) {
          const later = (await storage.stage(match.stageId))!.type === 'round_robin' ? false : await this.laterPlayed(m, match);
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
      } catch (err) {
        // alone, the refusal is this result's answer; in a batch, brackets-manager may have left the
        // storage part-way: the batch is rolled back and each of its results entered on its own
        throw batch.length === 1 ? err : new PartWay();
      }
      storage.patch(match.id, { score: decided.score as never, ending: decided.ending, resultBy: principal.userId, resultAt: new Date() });
      const after = Object.assign(new MatchMatch(), match, storage.current(match.id));
      answers[k] = after;
      const forItem = audits.get(item.id) ?? { item, audits: [] };
      forItem.audits.push({
        targetId: match.id,
        action: correction ? 'correction' : 'result',
        before,
        after: { opponent1: after.opponent1, opponent2: after.opponent2, score: decided.score, ending: decided.ending },
        reason: input.reason?.trim() || null,
        userId: principal.userId,
      });
      audits.set(item.id, forItem);
    }
    return [...(await storage.writes()), ...[...audits.values()].flatMap(({ item, audits }) => this.matches.changeStatements(item, audits))];
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
