import { inTransaction, type Statement } from '@app/database';
import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { outboxStatement } from '@app/queue';
import { EntryDirectory } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BracketsManager } from 'brackets-manager';
import type { DataSource, EntityManager } from 'typeorm';
import { MatchGroup, MatchMatch, MatchStage } from './bracket-tables.entity';
import { BracketsStorage } from './brackets-storage';
import { checkSettings, crossedGroupLines, type Format, makeDraw, MatchesErrorCode, type MatchSettings, recordingLot, replayLot, shuffleByLot, roundRobinStandings, type RoundRobinResult } from './domain';
import { MatchChange, type MatchChangeAction } from './match-change.entity';
import { MatchItem } from './match-item.entity';
import { MatchParticipant } from './match-participant.entity';
import { MatchesError, rule } from './matches-error';

export interface EntrantInput {
  entryId: number;
  seed?: number | null;
  rating?: number | null;
  /** McMahon start score (Go): points a player starts a Swiss with, by strength (EGF McMahon bars). */
  startScore?: number | null;
}

export interface MatchItemView {
  itemId: number;
  format: Format;
  settings: MatchSettings;
  status: MatchItem['status'];
  version: number;
  lot: number[] | null;
  participants: { id: number; entryId: number; name: string; seed: number | null; rating: number | null; startScore: number }[];
}

/** An audit row of a change (match_changes), written with the version bump it causes. */
export interface MatchAudit {
  targetId: number | null;
  action: MatchChangeAction;
  before: unknown;
  after: unknown;
  reason: string | null;
  userId: number;
}

/** brackets-model Status values we read. */
export const STATUS = { locked: 0, waiting: 1, ready: 2, running: 3, completed: 4, archived: 5 } as const;

/**
 * Setting a match item up: its format, its entrants and seeds, and the draw. The brackets are
 * brackets-manager's, stored through our adapter in the caller's transaction; the seeding and the
 * lot are ours (domain/seeding), so the draw follows the tennis rulebook and can be replayed.
 */
@Injectable()
export class MatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly entries: EntryDirectory,
  ) {}

  /** Organizers of the event make an item a match item, or change its settings before the draw. */
  async configure(principal: Principal, itemId: number, format: Format, rawSettings: unknown): Promise<MatchItemView> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const settings = rule(() => checkSettings(format, rawSettings));
    await inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOne(MatchItem, { where: { itemId }, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.status !== 'setup') throw new MatchesError('conflict', MatchesErrorCode.AlreadyDrawn, '已经抽签，不能再改赛制', { field: 'format' });
      if (existing) await m.update(MatchItem, { id: existing.id }, { format, settings: settings as never });
      else await m.insert(MatchItem, { itemId, format, settings: settings as never, createdBy: principal.userId });
    });
    return this.view(itemId);
  }

  async view(itemId: number, sql: EntityManager = this.dataSource.manager): Promise<MatchItemView> {
    const item = await this.itemOf(itemId, sql);
    const ps = await sql.find(MatchParticipant, { where: { itemId }, order: { id: 'ASC' } });
    return {
      itemId,
      format: item.format,
      settings: item.settings as unknown as MatchSettings,
      status: item.status,
      version: item.version,
      lot: item.lot,
      participants: ps.map((p) => ({ id: p.id, entryId: p.entryId, name: p.name, seed: p.seed, rating: p.rating, startScore: Number(p.startScore) })),
    };
  }

  async itemOf(itemId: number, sql: EntityManager = this.dataSource.manager, lock = false): Promise<MatchItem> {
    const item = await sql.findOne(MatchItem, { where: { itemId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!item) throw new MatchesError('not_found', MatchesErrorCode.NotMatchItem, `项目 ${itemId} 不是对阵项目`, { field: 'itemId' });
    return item;
  }

  /**
   * Organizers set who plays and the seeds, replacing the list. Every entry must be an approved
   * entry of this item; an entry listed twice or a seed given twice is refused, as is any change
   * once the draw exists (re-seeding after results would change who met whom).
   */
  async setEntrants(principal: Principal, itemId: number, list: EntrantInput[]): Promise<MatchItemView> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const seen = new Set<number>();
    const seeds = new Set<number>();
    list.forEach((e, i) => {
      if (seen.has(e.entryId)) throw new MatchesError('invalid', MatchesErrorCode.SeededTwice, `报名 ${e.entryId} 重复列出`, { field: `entrants[${i}].entryId` });
      seen.add(e.entryId);
      if (e.seed != null) {
        if (seeds.has(e.seed)) throw new MatchesError('invalid', MatchesErrorCode.SeededTwice, `种子号 ${e.seed} 重复`, { field: `entrants[${i}].seed` });
        seeds.add(e.seed);
      }
    });
    // seeds are 1..k with no gap: seed 3 without seed 2 has no line in the draw
    for (let s = 1; s <= seeds.size; s++) {
      if (!seeds.has(s)) throw new MatchesError('invalid', MatchesErrorCode.BadSettings, `种子号须从 1 连续编排，缺少 ${s}`, { field: 'entrants' });
    }
    const approved = new Map((await this.entries.within({ itemId })).map((e) => [e.id, e]));
    list.forEach((e, i) => {
      if (!approved.has(e.entryId)) throw new MatchesError('unprocessable', MatchesErrorCode.EntryNotInItem, `报名 ${e.entryId} 不是本项目已通过的报名`, { field: `entrants[${i}].entryId` });
    });
    const labels = await this.entries.labels(list.map((e) => e.entryId));
    await inTransaction(this.dataSource, async (m) => {
      const item = await this.itemOf(itemId, m, true);
      if (item.status === 'running' || item.status === 'finished') throw new MatchesError('conflict', MatchesErrorCode.ReseedAfterResults, '已有比赛结果，不能重新排种子', { field: 'entrants' });
      if (item.status !== 'setup') throw new MatchesError('conflict', MatchesErrorCode.AlreadyDrawn, '已经抽签，不能再改参赛名单和种子', { field: 'entrants' });
      await m.delete(MatchParticipant, { itemId });
      if (list.length) {
        await m.insert(
          MatchParticipant,
          list.map((e) => {
            const l = labels.get(e.entryId);
            return {
              itemId,
              entryId: e.entryId,
              name: (l?.teamName ?? l?.realName ?? `#${e.entryId}`).slice(0, 200),
              seed: e.seed ?? null,
              rating: e.rating ?? null,
              startScore: String(e.startScore ?? 0),
            };
          }),
        );
      }
    });
    return this.view(itemId);
  }

  /**
   * Organizers make the draw. Elimination: seeds on their lines, byes to the top seeds, the rest by
   * lot (domain/seeding), handed to brackets-manager in line order. Round robin: groups filled by
   * brackets-manager's balanced distribution from the seed order. The lot's draws are stored with
   * the item; `replay` redoes a recorded draw exactly. Swiss items are paired round by round instead.
   */
  async draw(principal: Principal, itemId: number, opts: { lotSeed?: number; replay?: number[] } = {}): Promise<MatchItemView> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    await inTransaction(this.dataSource, async (m) => {
      const item = await this.itemOf(itemId, m, true);
      if (item.status !== 'setup') throw new MatchesError('conflict', MatchesErrorCode.AlreadyDrawn, '已经抽过签', { field: 'itemId' });
      if (item.format === 'swiss') throw new MatchesError('conflict', MatchesErrorCode.BadFormat, '积分编排制按轮编排，不整体抽签', { field: 'format' });
      const ps = await m.find(MatchParticipant, { where: { itemId }, order: { id: 'ASC' } });
      if (ps.length < 2) throw new MatchesError('unprocessable', MatchesErrorCode.TooFewPlayers, '至少需要 2 名参赛者', { field: 'entrants' });
      const lot = opts.replay ? replayLot(opts.replay) : recordingLot(opts.lotSeed ?? Math.floor(Math.random() * 2 ** 31));
      const settings = item.settings as unknown as MatchSettings;
      const storage = new BracketsStorage(m);
      const bm = new BracketsManager(storage);
      const bySeed = [...ps].sort((a, b) => (a.seed ?? 1e9) - (b.seed ?? 1e9) || (b.rating ?? -1e9) - (a.rating ?? -1e9) || a.id - b.id);
      const childCount = settings.bestOf && settings.bestOf > 1 ? settings.bestOf : 0;
      if (item.format === 'single_elimination' || item.format === 'double_elimination') {
        const lines = rule(
          () => makeDraw({ seeds: bySeed.filter((p) => p.seed != null).map((p) => p.id), unseeded: ps.filter((p) => p.seed == null).map((p) => p.id) }, lot),
          opts.replay ? 'replay' : 'entrants',
        );
        await bm.create.stage({
          tournamentId: itemId,
          name: item.format === 'single_elimination' ? '淘汰赛' : '双败淘汰赛',
          type: item.format,
          seedingIds: lines,
          settings: {
            size: lines.length,
            seedOrdering: ['natural'],
            ...(item.format === 'single_elimination' ? { consolationFinal: Boolean(settings.thirdPlace) } : { grandFinal: settings.grandFinal ?? 'simple' }),
            ...(childCount ? { matchesChildCount: childCount } : {}),
          },
        });
      } else {
        const groups = settings.groups ?? 1;
        if (ps.length < 2 * groups) throw new MatchesError('unprocessable', MatchesErrorCode.TooFewPlayers, `${ps.length} 人不够分 ${groups} 组`, { field: 'settings.groups' });
        // the unseeded are ordered by lot, after the seeds, so the groups' balance follows the seeds
        const unseeded = rule(() => shuffleByLot(bySeed.filter((p) => p.seed == null).map((p) => p.id), lot), 'replay');
        const order = [...bySeed.filter((p) => p.seed != null).map((p) => p.id), ...unseeded];
        let size = 1;
        while (size < order.length) size *= 2;
        await bm.create.stage({
          tournamentId: itemId,
          name: groups > 1 ? '小组赛' : '循环赛',
          type: 'round_robin',
          seedingIds: order,
          settings: { groupCount: groups, seedOrdering: ['groups.seed_optimized'], ...(childCount ? { matchesChildCount: childCount } : {}) },
        });
      }
      await storage.flush();
      await m.update(MatchItem, { id: item.id }, { status: 'drawn', lot: [...lot.draws] });
      await m.insert(MatchChange, { itemId, action: 'draw', before: null as never, after: { draws: lot.draws } as never, userId: principal.userId, reason: null });
    });
    return this.view(itemId);
  }

  /**
   * Groups feeding a knockout: once every group match is played, the organizer makes the
   * knockout from the groups' standings (settings.advance from each), crossed as
   * crossedGroupLines says. Refused while a group match is unplayed.
   */
  async drawKnockout(principal: Principal, itemId: number): Promise<MatchItemView> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    await inTransaction(this.dataSource, async (m) => {
      const item = await this.itemOf(itemId, m, true);
      if (item.format !== 'groups_knockout') throw new MatchesError('conflict', MatchesErrorCode.BadFormat, '只有小组赛加淘汰赛的项目有第二阶段', { field: 'format' });
      const stages = await m.find(MatchStage, { where: { itemId }, order: { number: 'ASC' } });
      if (stages.length !== 1) throw new MatchesError('conflict', stages.length ? MatchesErrorCode.AlreadyDrawn : MatchesErrorCode.NotDrawn, stages.length ? '淘汰赛阶段已经抽签' : '小组赛尚未抽签', { field: 'itemId' });
      const settings = item.settings as unknown as MatchSettings;
      const groups = await this.groupStandings(m, stages[0].id, settings);
      if (!groups.complete) throw new MatchesError('conflict', MatchesErrorCode.RoundIncomplete, '小组赛尚有比赛未完成', { field: 'itemId' });
      const lines = crossedGroupLines(groups.ranked.map((g) => g.map((r) => Number(r.player))), settings.advance ?? 2);
      const storage = new BracketsStorage(m);
      const bm = new BracketsManager(storage);
      const childCount = settings.bestOf && settings.bestOf > 1 ? settings.bestOf : 0;
      await bm.create.stage({
        tournamentId: itemId,
        name: '淘汰赛',
        type: 'single_elimination',
        number: 2,
        seedingIds: lines,
        settings: { size: lines.length, seedOrdering: ['natural'], consolationFinal: Boolean(settings.thirdPlace), ...(childCount ? { matchesChildCount: childCount } : {}) },
      });
      await storage.flush();
      await m.insert(MatchChange, { itemId, action: 'draw', before: null as never, after: { knockout: lines } as never, userId: principal.userId, reason: null });
    });
    return this.view(itemId);
  }

  /** Each group's standings (participant ids as strings), and whether every group match has a result. */
  async groupStandings(m: EntityManager, stageId: number, settings: MatchSettings) {
    const groups = await m.find(MatchGroup, { where: { stageId }, order: { number: 'ASC' } });
    const matches = await m.find(MatchMatch, { where: { stageId } });
    let complete = true;
    const ranked = groups.map((g) => {
      const ms = matches.filter((x) => x.groupId === g.id);
      const players = new Set<string>();
      const results: RoundRobinResult[] = [];
      for (const x of ms) {
        if (x.opponent1?.id != null) players.add(String(x.opponent1.id));
        if (x.opponent2?.id != null) players.add(String(x.opponent2.id));
        if (x.opponent1?.id == null || x.opponent2?.id == null) continue;
        if (x.status < STATUS.completed) {
          complete = false;
          continue;
        }
        const r1 = x.opponent1.result;
        const winner = r1 === 'win' || x.opponent2.forfeit ? 'a' : x.opponent2.result === 'win' || x.opponent1.forfeit ? 'b' : null;
        results.push({ a: String(x.opponent1.id), b: String(x.opponent2.id), winner, games: { a: x.opponent1.score ?? 0, b: x.opponent2.score ?? 0 } });
      }
      return rule(() => roundRobinStandings([...players].sort((a, b) => Number(a) - Number(b)), results, settings.points ?? { win: 2, draw: 1, loss: 0 }, settings.tieBreaks ?? []));
    });
    return { complete, ranked };
  }

  /**
   * Bumps the item's version (a first result also moves a drawn item to running) and asks the
   * worker to re-tally it, in the caller's transaction; with `audit`, writes the audit rows first.
   * The version's row lock is taken by the last statements: results of other matches wait for it
   * only while this transaction ends.
   */
  async changed(m: EntityManager, item: Pick<MatchItem, 'id' | 'itemId'>, audit?: MatchAudit): Promise<void> {
    for (const [sql, params] of this.changeStatements(item, audit)) await m.query(sql, params);
  }

  /**
   * The statements of `changed`, for a transaction that ends with them (inTransactionClosing).
   * The new version goes from the UPDATE to the outbox row through LAST_INSERT_ID(expr), MySQL's
   * sequence idiom (also MariaDB's): the server hands it on, no round trip reads it. The audit
   * row comes first: its own insert id would replace the version.
   */
  changeStatements(item: Pick<MatchItem, 'id' | 'itemId'>, audit?: MatchAudit | MatchAudit[]): Statement[] {
    const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
    const audits = audit ? [audit].flat() : [];
    return [
      ...(audits.length
        ? ([
            [
              'INSERT INTO match_changes (item_id, target_id, action, `before`, `after`, reason, user_id) VALUES ?',
              [audits.map((a) => [item.itemId, a.targetId, a.action, json(a.before), json(a.after), a.reason, a.userId])],
            ],
          ] satisfies Statement[])
        : []),
      ["UPDATE match_items SET version = LAST_INSERT_ID(version + 1), status = IF(status = 'drawn', 'running', status) WHERE id = ?", [item.id]],
      outboxStatement('tally.item', { itemId: item.itemId, version: 0 }, { field: 'version', sql: 'LAST_INSERT_ID()' }),
    ];
  }

  /** The item's audit, newest first: draws, results, corrections, reopenings, hand pairings. Organizers of the event. */
  async changes(principal: Principal, itemId: number): Promise<MatchChange[]> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    await this.itemOf(itemId);
    return this.dataSource.manager.find(MatchChange, { where: { itemId }, order: { id: 'DESC' }, take: 1000 });
  }
}
