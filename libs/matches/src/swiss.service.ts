import { inTransaction } from '@app/database';
import { EventsService, ItemCatalog } from '@app/events';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkManualRound,
  fideEditionOn,
  MatchesDomainError,
  MatchesErrorCode,
  type MatchSettings,
  mcmahonStartScore,
  pairSwissRound,
  type Seat,
  type SwissBoard,
  type SwissEntrant,
  type SwissRoundRecord,
  swissStandings,
  type SwissTieBreak,
  type TieBreakRow,
  parseTrf,
  type TrfRound,
  trfRecords,
  writeTrf,
  SWISS_TIE_BREAKS,
} from './domain';
import { crosstableWorkbook } from './crosstable-workbook';
import { MatchChange } from './match-change.entity';
import { MatchItem } from './match-item.entity';
import { MatchOfficial } from './match-official.entity';
import { MatchParticipant } from './match-participant.entity';
import { MatchesError, rule } from './matches-error';
import { MatchesService } from './matches.service';
import { SwissPairing, type SwissResult } from './swiss-pairing.entity';
import { tournamentPairingsMatcher } from './swiss-matcher';

/** Points of each side for a result; `played` false for forfeits and byes (C.07 article 16). */
export function resultPoints(result: SwissResult, byeScore: number, win = 1, draw = 0.5): { first: number; second: number; played: boolean } {
  switch (result) {
    case '1-0':
      return { first: win, second: 0, played: true };
    case '0-1':
      return { first: 0, second: win, played: true };
    case '1/2-1/2':
      return { first: draw, second: draw, played: true };
    case '+-':
      return { first: win, second: 0, played: false };
    case '-+':
      return { first: 0, second: win, played: false };
    case '--':
      return { first: 0, second: 0, played: false };
    case 'bye':
      return { first: byeScore, second: 0, played: false };
  }
}

export interface CrosstableRow {
  participantId: number;
  entryId: number;
  name: string;
  rank: number;
  score: number;
  tieBreaks: Record<string, number>;
  rounds: { round: number; board: number; opponent: number | null; seat: 'first' | 'second' | null; result: SwissResult | null; points: number | null }[];
}

const DEFAULT_TIE_BREAKS: Record<string, SwissTieBreak[]> = {
  go: ['SOS', 'SOSOS', 'SODOS'],
  chess: ['BH-C1', 'BH', 'SB', 'PS', 'DE', 'WIN'],
};

/**
 * Swiss items (Go, chess): each round paired after the previous one is complete, by the Dutch
 * procedure in domain/swiss with tournament-pairings' weighted matching for what a bracket cannot
 * pair; results entered by the assigned arbiters; standings by score and the item's tie-breaks.
 */
@Injectable()
export class SwissService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly catalog: ItemCatalog,
    private readonly matches: MatchesService,
  ) {}

  private async swissItem(m: EntityManager, itemId: number, lock = false): Promise<MatchItem> {
    const item = await this.matches.itemOf(itemId, m, lock);
    if (item.format !== 'swiss') throw new MatchesError('conflict', MatchesErrorCode.BadFormat, '不是积分编排制（瑞士制）项目', { field: 'format' });
    return item;
  }

  /** The players as the next pairing sees them, from the rounds so far. */
  private async entrants(m: EntityManager, itemId: number): Promise<{ entrants: SwissEntrant[]; boards: SwissPairing[] }> {
    const ps = await m.find(MatchParticipant, { where: { itemId } });
    const boards = await m.find(SwissPairing, { where: { itemId }, order: { round: 'ASC', board: 'ASC' } });
    const settings = (await this.matches.itemOf(itemId, m)).settings as unknown as MatchSettings;
    // pairing numbers: rating high to low, then seed, then entry order
    const ranked = [...ps].sort((a, b) => (b.rating ?? -1e9) - (a.rating ?? -1e9) || (a.seed ?? 1e9) - (b.seed ?? 1e9) || a.id - b.id);
    const rounds = boards.reduce((n, b) => Math.max(n, b.round), 0);
    const state = new Map(
      ranked.map((p, i) => [String(p.id), { id: String(p.id), score: startScoreOf(p, settings), rank: i + 1, opponents: [] as string[], seats: new Array<Seat>(rounds).fill(null), hadBye: false }]),
    );
    for (const b of boards) {
      const f = state.get(String(b.firstId))!;
      if (b.secondId === null) {
        f.hadBye = true;
        f.score += b.result ? resultPoints('bye', Number(b.byeScore ?? 1)).first : 0;
        continue;
      }
      const s = state.get(String(b.secondId))!;
      f.opponents.push(s.id);
      s.opponents.push(f.id);
      if (!b.result) continue;
      const pts = resultPoints(b.result, 0);
      f.score += pts.first;
      s.score += pts.second;
      // forfeits do not count for colour (C.04.1 f, C.04.3 A.6)
      if (pts.played) {
        f.seats[b.round - 1] = 'F';
        s.seats[b.round - 1] = 'S';
      }
      if (!pts.played && pts.first + pts.second > 0) (pts.first > 0 ? f : s).hadBye = true; // a point without playing, as C.04.1 d counts it
    }
    return { entrants: [...state.values()], boards };
  }

  /**
   * The organizer pairs the next round. Refused while a board of the last round has no result,
   * and after the item's last round. A bye scores a win (FIDE C.04.1 c: pairing-allocated bye).
   */
  async pairNext(principal: Principal, itemId: number): Promise<{ round: number; boards: SwissPairing[] }> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const round = await inTransaction(this.dataSource, async (m) => {
      const item = await this.swissItem(m, itemId, true);
      const settings = item.settings as unknown as MatchSettings;
      const { entrants, boards } = await this.entrants(m, itemId);
      if (entrants.length < 2) throw new MatchesError('unprocessable', MatchesErrorCode.TooFewPlayers, '至少需要 2 名参赛者', { field: 'entrants' });
      const last = boards.reduce((n, b) => Math.max(n, b.round), 0);
      if (boards.some((b) => b.round === last && b.result === null)) {
        throw new MatchesError('conflict', MatchesErrorCode.RoundIncomplete, `第${last}轮尚有对局未录入结果，不能编排第${last + 1}轮`, { field: 'round', round: last });
      }
      if (last >= (settings.rounds ?? 0)) throw new MatchesError('conflict', MatchesErrorCode.BadRound, `本项目共 ${settings.rounds} 轮，已全部编排`, { field: 'round' });
      let pairing: ReturnType<typeof pairSwissRound>;
      try {
        pairing = pairSwissRound(entrants, tournamentPairingsMatcher);
      } catch (e) {
        // no valid pairing left (more rounds than the field allows): a state of the item, not bad input
        if (e instanceof MatchesDomainError) throw new MatchesError('conflict', e.code, e.message, { field: 'round', ...e.details });
        throw e;
      }
      const round = last + 1;
      const rows = pairing.boards.map((b, i) => ({ itemId, round, board: i + 1, firstId: Number(b.first), secondId: Number(b.second), result: null, byeScore: null, manual: false }));
      if (pairing.bye) rows.push({ itemId, round, board: rows.length + 1, firstId: Number(pairing.bye), secondId: null as unknown as number, result: 'bye' as never, byeScore: '1.0' as never, manual: false });
      await m.insert(SwissPairing, rows);
      await m.insert(MatchChange, { itemId, action: 'pairing', before: null as never, after: { round, boards: pairing.boards, bye: pairing.bye, matchedByWeights: pairing.matchedByWeights } as never, reason: null, userId: principal.userId });
      if (item.status === 'setup') await m.update(MatchItem, { id: item.id }, { status: 'drawn' });
      await this.matches.changed(m, item);
      return round;
    });
    return { round, boards: await this.dataSource.manager.find(SwissPairing, { where: { itemId, round }, order: { board: 'ASC' } }) };
  }

  /**
   * The arbiter's hand pairing of a round not yet started (audited): replaces its boards. The
   * rules are checked and the breaches reported in the answer, not enforced.
   */
  async setRound(principal: Principal, itemId: number, round: number, boards: SwissBoard[], bye: string | null, reason: string): Promise<{ round: number; problems: string[] }> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const problems = await inTransaction(this.dataSource, async (m) => {
      const item = await this.swissItem(m, itemId, true);
      const { boards: existing } = await this.entrants(m, itemId);
      const last = existing.reduce((n, b) => Math.max(n, b.round), 0);
      if ((round !== last && round !== last + 1) || round > ((item.settings as unknown as MatchSettings).rounds ?? 0)) {
        throw new MatchesError('conflict', MatchesErrorCode.BadRound, `只能编排第${last}或第${last + 1}轮，且不超过本项目的轮数`, { field: 'round' });
      }
      if (existing.some((b) => b.round === round && b.result !== null && b.result !== 'bye')) {
        throw new MatchesError('conflict', MatchesErrorCode.LaterPlayed, `第${round}轮已有结果，不能重新编排`, { field: 'round' });
      }
      if (round === last + 1 && existing.some((b) => b.round === last && b.result === null)) {
        throw new MatchesError('conflict', MatchesErrorCode.RoundIncomplete, `第${last}轮尚未完成`, { field: 'round' });
      }
      const before = existing.filter((b) => b.round === round);
      await m.delete(SwissPairing, { itemId, round });
      // the check sees the rounds before this one only
      const { entrants } = await this.entrants(m, itemId);
      const problems = checkManualRound(entrants, boards, bye);
      const ids = new Set(entrants.map((e) => e.id));
      if ([...boards.flatMap((b) => [b.first, b.second]), ...(bye ? [bye] : [])].some((id) => !ids.has(id))) {
        throw new MatchesError('unprocessable', MatchesErrorCode.UnknownPlayer, '编排中有不在本项目的选手', { field: 'boards' });
      }
      const rows = boards.map((b, i) => ({ itemId, round, board: i + 1, firstId: Number(b.first), secondId: Number(b.second), result: null, byeScore: null, manual: true }));
      if (bye) rows.push({ itemId, round, board: rows.length + 1, firstId: Number(bye), secondId: null as unknown as number, result: 'bye' as never, byeScore: '1.0' as never, manual: true });
      if (rows.length) await m.insert(SwissPairing, rows);
      await m.insert(MatchChange, { itemId, action: 'pairing_override', before: before.map((b) => [b.firstId, b.secondId]) as never, after: { boards, bye, problems } as never, reason, userId: principal.userId });
      if (item.status === 'setup') await m.update(MatchItem, { id: item.id }, { status: 'drawn' });
      await this.matches.changed(m, item);
      return problems;
    });
    return { round, problems };
  }

  /**
   * An arbiter assigned to the item (or to the board, as court "第N台") enters a board's result.
   * Draws only where the item allows them; a correction after the next round was paired is
   * refused unless the organizer has reopened the item.
   */
  async enter(principal: Principal, itemId: number, round: number, board: number, result: SwissResult, reason?: string): Promise<SwissPairing> {
    await inTransaction(this.dataSource, async (m) => {
      // the board row is the lock; the item row only for the version bump at the end
      const item = await this.swissItem(m, itemId);
      const settings = item.settings as unknown as MatchSettings;
      const row = await m.findOne(SwissPairing, { where: { itemId, round, board }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new MatchesError('not_found', MatchesErrorCode.MatchNotFound, `第${round}轮第${board}台不存在`, { field: 'board' });
      const officials = await m.find(MatchOfficial, { where: { itemId, userId: principal.userId } });
      if (!officials.some((o) => (o.matchId == null && o.court == null) || o.court === `第${board}台`)) {
        throw new MatchesError('forbidden', MatchesErrorCode.NotAssigned, '您不是本台的裁判', { field: 'board' });
      }
      if (row.secondId === null || result === 'bye') throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '轮空不录入结果', { field: 'result' });
      if (result === '1/2-1/2' && settings.draws === false) throw new MatchesError('invalid', MatchesErrorCode.DrawNotAllowed, '本项目不允许和棋', { field: 'result' });
      if (row.result !== null) {
        if (!reason?.trim()) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, '更正已录入的结果须说明理由 reason', { field: 'reason' });
        const later = await m.count(SwissPairing, { where: { itemId, round: round + 1 } });
        if (later && !item.reopenedBy) throw new MatchesError('conflict', MatchesErrorCode.LaterPlayed, '下一轮已经编排，须组织者重新开放后才能更正', { field: 'board' });
      }
      await m.update(SwissPairing, { id: row.id }, { result, resultBy: principal.userId });
      await m.insert(MatchChange, {
        itemId,
        targetId: row.id,
        action: row.result === null ? 'result' : 'correction',
        before: { result: row.result } as never,
        after: { round, board, result } as never,
        reason: reason?.trim() || null,
        userId: principal.userId,
      });
      await this.matches.changed(m, item);
    });
    return this.dataSource.manager.findOneOrFail(SwissPairing, { where: { itemId, round, board } });
  }

  /** Standings with tie-breaks and every player's rounds: the crosstable. */
  async crosstable(itemId: number, sql: EntityManager = this.dataSource.manager): Promise<{ rounds: number; tieBreaks: string[]; edition: string; rows: CrosstableRow[] }> {
    const item = await this.swissItem(sql, itemId);
    const settings = item.settings as unknown as MatchSettings;
    const ps = await sql.find(MatchParticipant, { where: { itemId } });
    const boards = await sql.find(SwissPairing, { where: { itemId }, order: { round: 'ASC', board: 'ASC' } });
    const order = (settings.swissTieBreaks ?? DEFAULT_TIE_BREAKS[settings.sport] ?? DEFAULT_TIE_BREAKS.chess) as SwissTieBreak[];
    const facts = (await this.catalog.items([itemId], sql)).get(itemId);
    const edition = settings.edition === 'fide-2024' || settings.edition === 'fide-2026' ? settings.edition : fideEditionOn(facts?.startsOn ?? new Date().toISOString().slice(0, 10));
    const records = new Map<string, SwissRoundRecord[]>(ps.map((p) => [String(p.id), []]));
    const crossRounds = new Map<number, CrosstableRow['rounds']>(ps.map((p) => [p.id, []]));
    for (const b of boards) {
      if (b.result === null) {
        crossRounds.get(b.firstId)!.push({ round: b.round, board: b.board, opponent: b.secondId, seat: 'first', result: null, points: null });
        if (b.secondId) crossRounds.get(b.secondId)!.push({ round: b.round, board: b.board, opponent: b.firstId, seat: 'second', result: null, points: null });
        continue;
      }
      const pts = resultPoints(b.result, Number(b.byeScore ?? 1), settings.points?.win ?? 1, settings.points?.draw ?? 0.5);
      records.get(String(b.firstId))!.push({ round: b.round, opponent: b.secondId === null ? null : String(b.secondId), points: pts.first, played: pts.played });
      crossRounds.get(b.firstId)!.push({ round: b.round, board: b.board, opponent: b.secondId, seat: b.secondId === null ? null : 'first', result: b.result, points: pts.first });
      if (b.secondId !== null) {
        records.get(String(b.secondId))!.push({ round: b.round, opponent: String(b.firstId), points: pts.second, played: pts.played });
        crossRounds.get(b.secondId)!.push({ round: b.round, board: b.board, opponent: b.firstId, seat: 'second', result: b.result, points: pts.second });
      }
    }
    const startScores = new Map(ps.map((p) => [String(p.id), startScoreOf(p, settings)]));
    const rows: TieBreakRow[] = swissStandings(records, order, { rounds: settings.rounds ?? 1, edition, startScores, win: settings.points?.win ?? 1, draw: settings.points?.draw ?? 0.5 });
    const byId = new Map(ps.map((p) => [String(p.id), p]));
    return {
      rounds: settings.rounds ?? 0,
      tieBreaks: order,
      edition,
      rows: rows.map((r) => {
        const p = byId.get(r.player)!;
        return { participantId: p.id, entryId: p.entryId, name: p.name, rank: r.rank, score: r.score, tieBreaks: Object.fromEntries(order.map((t, i) => [t, r.values[i]])), rounds: crossRounds.get(p.id)! };
      }),
    };
  }

  /** The crosstable as an .xlsx workbook: opponent's rank, colour (B moves first in Go, W in chess) and result per round. */
  async crosstableXlsx(itemId: number): Promise<{ body: Buffer; fileName: string; localName: string }> {
    const table = await this.crosstable(itemId);
    const item = await this.swissItem(this.dataSource.manager, itemId);
    const go = (item.settings as unknown as MatchSettings).sport === 'go';
    const rankOf = new Map(table.rows.map((r) => [r.participantId, r.rank]));
    const facts = (await this.catalog.items([itemId])).get(itemId);
    const body = await crosstableWorkbook({
      title: facts?.name ?? `项目${itemId}`,
      tieBreaks: table.tieBreaks,
      rounds: table.rounds,
      rows: table.rows.map((r) => ({
        rank: r.rank,
        name: r.name,
        score: r.score,
        tieBreaks: r.tieBreaks,
        cells: Array.from({ length: table.rounds }, (_, i) => {
          const x = r.rounds.find((y) => y.round === i + 1);
          if (!x) return '—';
          if (x.opponent === null) return `轮空${x.points ?? ''}`;
          const colour = x.seat === 'first' ? (go ? 'B' : 'W') : go ? 'W' : 'B';
          const res = x.points === null ? '' : x.points === 1 ? '1' : x.points === 0 ? '0' : '½';
          return `${rankOf.get(x.opponent)}${colour}${res}`;
        }),
      })),
    });
    return { body, fileName: `crosstable-${itemId}.xlsx`, localName: `${facts?.name ?? itemId}交叉表.xlsx` };
  }

  /** The item as a FIDE TRF-16 file: start ranks by pairing number, every round's opponent, colour and result. */
  async trf(itemId: number): Promise<string> {
    const m = this.dataSource.manager;
    const item = await this.swissItem(m, itemId);
    const go = (item.settings as unknown as MatchSettings).sport === 'go';
    const { entrants, boards } = await this.entrants(m, itemId);
    const table = await this.crosstable(itemId);
    const startRank = new Map(entrants.map((e) => [Number(e.id), e.rank]));
    const byId = new Map(table.rows.map((r) => [r.participantId, r]));
    const facts = (await this.catalog.items([itemId])).get(itemId);
    const rounds = boards.reduce((n, b) => Math.max(n, b.round), 0);
    const code = (result: SwissPairing['result'], first: boolean): string => {
      const map: Record<string, [string, string]> = { '1-0': ['1', '0'], '0-1': ['0', '1'], '1/2-1/2': ['=', '='], '+-': ['+', '-'], '-+': ['-', '+'], '--': ['-', '-'], bye: ['U', 'U'] };
      return result ? map[result][first ? 0 : 1] : '';
    };
    // TRF colours are chess colours: the first mover is White in chess, Black in Go
    const [firstColour, secondColour]: ['w' | 'b', 'w' | 'b'] = go ? ['b', 'w'] : ['w', 'b'];
    const players = entrants
      .map((e) => {
        const row = byId.get(Number(e.id))!;
        const rs: TrfRound[] = Array.from({ length: rounds }, (_, i) => {
          const b = boards.find((x) => x.round === i + 1 && (x.firstId === Number(e.id) || x.secondId === Number(e.id)));
          if (!b) return { opponent: null, colour: null, result: 'Z' };
          const first = b.firstId === Number(e.id);
          const opp = first ? b.secondId : b.firstId;
          const played = b.result !== null && ['1-0', '0-1', '1/2-1/2'].includes(b.result);
          return { opponent: opp === null ? null : startRank.get(opp)!, colour: opp === null || !played ? null : first ? firstColour : secondColour, result: code(b.result, first) || ' ' };
        });
        return { startRank: e.rank, sex: '', title: '', name: row.name, rating: null, federation: '', fideId: '', birth: '', points: row.score, rank: row.rank, rounds: rs };
      })
      .sort((a, b) => a.startRank - b.startRank);
    const date = (facts?.startsOn ?? '').replace(/-/g, '/');
    return writeTrf({ name: facts?.name ?? '', city: '', startDate: date, endDate: (facts?.endsOn ?? '').replace(/-/g, '/'), players });
  }

  /**
   * A tournament paired elsewhere, as a TRF-16 file: its standings and tie-breaks computed here
   * (nothing stored). The edition of the tie-break rules follows the file's start date unless named.
   */
  importTrf(text: string, tieBreaks: string[] | undefined, edition: 'fide-2024' | 'fide-2026' | undefined) {
    const t = rule(() => parseTrf(text));
    const order = (tieBreaks ?? DEFAULT_TIE_BREAKS.chess) as SwissTieBreak[];
    if (order.some((x) => !SWISS_TIE_BREAKS.includes(x))) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, `未知的破同分方法：${order.join(',')}`, { field: 'tieBreaks' });
    const date = t.startDate.replace(/\//g, '-');
    const ed = edition ?? fideEditionOn(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : new Date().toISOString().slice(0, 10));
    const rounds = t.players.reduce((n, p) => Math.max(n, p.rounds.length), 0);
    const rows = rule(() => swissStandings(trfRecords(t), order, { rounds, edition: ed }), 'trf');
    const byRank = new Map(t.players.map((p) => [String(p.startRank), p]));
    return {
      tournament: t.name,
      edition: ed,
      tieBreaks: order,
      rows: rows.map((r) => ({ startRank: Number(r.player), name: byRank.get(r.player)!.name, rank: r.rank, score: r.score, tieBreaks: Object.fromEntries(order.map((x, i) => [x, r.values[i]])) })),
    };
  }
}

/**
 * Where a player starts a Swiss: the start score the organizer gave them, else, on a McMahon item,
 * the score its bars give their grade (mcmahonStartScore); 0 otherwise. A player moved above the
 * bar by hand keeps the score given.
 */
function startScoreOf(p: MatchParticipant, settings: MatchSettings): number {
  const given = Number(p.startScore);
  if (given !== 0 || !settings.mcmahon) return given;
  return mcmahonStartScore(p.rating, settings.mcmahon);
}
