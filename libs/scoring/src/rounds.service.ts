import { inTransaction, jsonColumn } from '@app/database';
import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { EntryDirectory } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type InputStatus,
  qualify,
  type QualificationConfig,
  type QualificationEntry,
  type QualificationResult,
  seedNextRound,
  validateQualificationConfig,
} from './domain';
import type { RoundStatus } from './item-round.entity';
import { ScoringError, ScoringErrorCode } from './scoring-error';
import { ScoringService } from './scoring.service';
import { tallyItem } from './tally-item';

/** Who goes through from a round: the first `byPlace` of each heat (Q), then the next `byPerformance` best (q). */
export type RoundQualification = Omit<QualificationConfig, 'better'>;

export interface RoundInput {
  name: string;
  heats?: number;
  /** absent for a final */
  qualification?: RoundQualification | null;
}

export interface FirstRoundInput extends RoundInput {
  /** an explicit start list; without it every approved entry is dealt into the heats in bib order */
  entries?: { entryId: number; heat: number; lane: number }[];
}

export interface QualifyInput {
  next: RoundInput;
  /** entry ids chosen by drawing lots, when a tie at the last qualifying place leaves too little room */
  drawn?: number[];
}

export interface RoundEntryView {
  entryId: number;
  heat: number;
  lane: number;
  qualified: 'Q' | 'q' | null;
  bib: string | null;
  realName: string;
  organisationName: string;
}

export interface RoundView {
  id: number;
  itemId: number;
  seq: number;
  name: string;
  heats: number;
  qualification: RoundQualification | null;
  status: RoundStatus;
  entries: RoundEntryView[];
}

export interface QualifyOutcome {
  round: RoundView;
  next: RoundView;
  /** the lots that were drawn, as the rule required them */
  draws: QualificationResult['draws'];
}

/**
 * Rounds of an item: heats → semi-finals → final. The first round takes the item's approved
 * entries; each later round is drawn from the qualifiers of the one before, by the rule the
 * organizer set on it (World Athletics TR 20/21: Q by place in the heat, q by performance).
 */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly scoring: ScoringService,
    private readonly entries: EntryDirectory,
  ) {}

  /** Organizers of the event. Only before any mark of the item is entered without rounds. */
  async createFirst(principal: Principal, itemId: number, input: FirstRoundInput): Promise<RoundView> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const heats = input.heats ?? 1;
    checkQualification(input.qualification, 'qualification');
    const roundId = await inTransaction(this.dataSource, async (m) => {
      const [existing] = await m.query('SELECT id FROM item_rounds WHERE item_id = ? LIMIT 1 FOR UPDATE', [itemId]);
      if (existing) throw new ScoringError('conflict', ScoringErrorCode.RoundsExist, '该项目已设置轮次，后续轮次由晋级产生');
      const [marked] = await m.query('SELECT 1 AS x FROM score_sheets WHERE item_id = ? AND round_id = 0 LIMIT 1', [itemId]);
      if (marked) throw new ScoringError('conflict', ScoringErrorCode.RoundsExist, '该项目已按不分轮次录入评分，不能再分轮次');
      const approved = await this.entries.within({ itemId }, ['approved'], m);
      if (!approved.length) throw new ScoringError('unprocessable', ScoringErrorCode.RoundIncomplete, '该项目还没有审核通过的报名，无法编排轮次');
      const lineup = input.entries ?? approved.map((e, i) => ({ entryId: Number(e.id), heat: (i % heats) + 1, lane: Math.floor(i / heats) + 1 }));
      checkLineup(lineup, new Set(approved.map((e) => Number(e.id))), heats);
      return this.insertRound(m, itemId, 1, { ...input, heats }, lineup);
    });
    return this.view(this.dataSource.manager, roundId);
  }

  /** Public: the rounds of an item with their start lists and who went through. */
  async list(itemId: number): Promise<RoundView[]> {
    await this.events.item(itemId);
    const rounds: { id: number }[] = await this.dataSource.query('SELECT id FROM item_rounds WHERE item_id = ? ORDER BY seq', [itemId]);
    return this.views(this.dataSource.manager, rounds.map((r) => Number(r.id)));
  }

  /**
   * Organizers of the event: closes a round and draws its qualifiers into the next. The round is
   * ranked from its submitted sheets in this transaction, through the code the tally uses, so the
   * qualifiers are those of the marks as they stand. A tie that leaves too little room needs the
   * lots drawn first (409 with the groups); the winners are then sent as `drawn`.
   */
  async qualify(principal: Principal, itemId: number, roundId: number, input: QualifyInput): Promise<QualifyOutcome> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    checkQualification(input.next.qualification, 'next.qualification');
    const { nextId, draws } = await inTransaction(this.dataSource, async (m) => {
      const [round] = await m.query('SELECT seq, qualification, status FROM item_rounds WHERE id = ? AND item_id = ? FOR UPDATE', [roundId, itemId]);
      if (!round) throw new ScoringError('not_found', ScoringErrorCode.RoundNotFound, `轮次 ${roundId} 不属于项目 ${itemId}`, { field: 'roundId' });
      if (round.status === 'closed') throw new ScoringError('conflict', ScoringErrorCode.RoundClosed, '该轮次已完成晋级');
      const rule = jsonColumn<RoundQualification | null>(round.qualification);
      if (!rule) throw new ScoringError('conflict', ScoringErrorCode.RoundIsFinal, '该轮次没有晋级规则（决赛）');

      const data = await this.scoring.itemMarks(m, itemId, { roundId });
      if (!data) throw new ScoringError('conflict', ScoringErrorCode.NoScheme, `项目 ${itemId} 尚未设置计分方案`);
      const results = tallyItem(data);
      const missing = results.filter((r) => r.status === 'INCOMPLETE').map((r) => r.entryId);
      if (missing.length) {
        throw new ScoringError('conflict', ScoringErrorCode.RoundIncomplete, `还有 ${missing.length} 名选手没有完整成绩，不能确定晋级`, { entryIds: missing });
      }
      const heats = new Map<number, number>(
        (await m.query('SELECT entry_id AS entryId, heat FROM round_entries WHERE round_id = ?', [roundId])).map((r: { entryId: number; heat: number }) => [
          Number(r.entryId),
          Number(r.heat),
        ]),
      );
      const better = data.scheme.kind === 'timed' ? 'lower' : 'higher';
      const entries: QualificationEntry[] = results.map((r) => ({
        id: String(r.entryId),
        heat: String(heats.get(r.entryId)),
        performance: r.total,
        // Equal official times are split at 1/1000 s (TR 21): the timed scheme keeps the raw time.
        raw: (r.breakdown as { raw?: string } | null)?.raw ?? r.total,
        // No valid mark (NM) goes nowhere, like a non-finisher.
        status: (r.status === 'NM' ? 'DNF' : r.status) as InputStatus,
      }));
      const outcome = qualify({ ...rule, better }, entries);
      const qualified = resolveDraws(outcome, input.drawn);

      await m.query('UPDATE round_entries SET qualified = NULL WHERE round_id = ?', [roundId]);
      for (const mark of ['Q', 'q'] as const) {
        const ids = [...qualified].filter(([, q]) => q === mark).map(([id]) => Number(id));
        if (ids.length) await m.query('UPDATE round_entries SET qualified = ? WHERE round_id = ? AND entry_id IN (?)', [mark, roundId, ids]);
      }
      await m.query("UPDATE item_rounds SET status = 'closed' WHERE id = ?", [roundId]);

      const byId = new Map(outcome.rows.map((r, i) => [r.id, { row: r, performance: entries[i].performance ?? null }]));
      const nextHeats = input.next.heats ?? 1;
      const seeded = seedNextRound(
        [...qualified].map(([id, q]) => ({ id, qualified: q, place: byId.get(id)!.row.place, performance: byId.get(id)!.performance })),
        nextHeats,
        better,
      );
      const nextId = await this.insertRound(
        m,
        itemId,
        Number(round.seq) + 1,
        { ...input.next, heats: nextHeats },
        seeded.map((s) => ({ entryId: Number(s.id), heat: s.heat, lane: s.lane })),
      );
      await this.scoring.enqueueTally(m, itemId);
      return { nextId, draws: outcome.draws };
    });
    return { round: await this.view(this.dataSource.manager, roundId), next: await this.view(this.dataSource.manager, nextId), draws };
  }

  private async insertRound(m: EntityManager, itemId: number, seq: number, input: RoundInput, lineup: { entryId: number; heat: number; lane: number }[]): Promise<number> {
    const res = await m.query('INSERT INTO item_rounds (item_id, seq, name, heats, qualification) VALUES (?, ?, ?, ?, ?)', [
      itemId,
      seq,
      input.name,
      input.heats,
      input.qualification ? JSON.stringify(input.qualification) : null,
    ]);
    const roundId = Number(res.insertId);
    if (lineup.length) await m.query('INSERT INTO round_entries (round_id, entry_id, heat, lane) VALUES ?', [lineup.map((e) => [roundId, e.entryId, e.heat, e.lane])]);
    return roundId;
  }

  private async view(m: EntityManager, roundId: number): Promise<RoundView> {
    return (await this.views(m, [roundId]))[0];
  }

  /** Rounds with their start lists, names from registration's EntryDirectory: a few reads whatever their number. */
  private async views(m: EntityManager, roundIds: number[]): Promise<RoundView[]> {
    if (!roundIds.length) return [];
    const rounds: { id: number; itemId: number; seq: number; name: string; heats: number; qualification: unknown; status: RoundStatus }[] = await m.query(
      'SELECT id, item_id AS itemId, seq, name, heats, qualification, status FROM item_rounds WHERE id IN (?)',
      [roundIds],
    );
    const lineups: { roundId: number; entryId: number; heat: number; lane: number; qualified: 'Q' | 'q' | null }[] = await m.query(
      'SELECT round_id AS roundId, entry_id AS entryId, heat, lane, qualified FROM round_entries WHERE round_id IN (?) ORDER BY heat, lane',
      [roundIds],
    );
    const labels = await this.entries.labels(lineups.map((r) => r.entryId), m);
    const byId = new Map(rounds.map((r) => [Number(r.id), r]));
    return roundIds.map((id) => {
      const round = byId.get(id)!;
      return {
        id: Number(round.id),
        itemId: Number(round.itemId),
        seq: Number(round.seq),
        name: round.name,
        heats: Number(round.heats),
        qualification: jsonColumn(round.qualification as RoundQualification | string | null),
        status: round.status,
        entries: lineups
          .filter((r) => Number(r.roundId) === id)
          .map((r) => {
            const e = labels.get(Number(r.entryId));
            return { entryId: Number(r.entryId), heat: r.heat, lane: r.lane, qualified: r.qualified, bib: e?.bib ?? null, realName: e?.realName ?? '', organisationName: e?.organisationName ?? '' };
          }),
      };
    });
  }
}

function checkQualification(rule: RoundQualification | null | undefined, field: string): void {
  if (!rule) return;
  const problems = validateQualificationConfig({ ...rule, better: 'lower' });
  if (problems.length) {
    throw new ScoringError('invalid', ScoringErrorCode.InvalidScheme, problems.map((p) => p.message).join('；'), {
      field: problems[0].field.replace(/^config/, field),
    });
  }
}

/** An explicit start list: approved entries of the item, each once, in a heat that exists, one per lane. */
function checkLineup(lineup: { entryId: number; heat: number; lane: number }[], approved: Set<number>, heats: number): void {
  const seen = new Set<number>();
  const lanes = new Set<string>();
  lineup.forEach((e, i) => {
    const field = `entries[${i}]`;
    if (!approved.has(e.entryId)) throw new ScoringError('unprocessable', ScoringErrorCode.EntryNotInItem, `报名记录 ${e.entryId} 不是该项目审核通过的报名`, { field: `${field}.entryId` });
    if (seen.has(e.entryId)) throw new ScoringError('invalid', ScoringErrorCode.InvalidLineup, `报名记录 ${e.entryId} 重复出现`, { field: `${field}.entryId` });
    if (e.heat > heats) throw new ScoringError('invalid', ScoringErrorCode.InvalidLineup, `组次 ${e.heat} 超出分组数 ${heats}`, { field: `${field}.heat` });
    if (lanes.has(`${e.heat}/${e.lane}`)) throw new ScoringError('invalid', ScoringErrorCode.InvalidLineup, `第 ${e.heat} 组第 ${e.lane} 道已有选手`, { field: `${field}.lane` });
    seen.add(e.entryId);
    lanes.add(`${e.heat}/${e.lane}`);
  });
}

/**
 * The qualifiers once any lots are drawn: every tied group that must draw needs exactly as many
 * of its members in `drawn` as it has places; they go through as Q or q by what the tie was for.
 */
function resolveDraws(outcome: QualificationResult, drawn: number[] | undefined): Map<string, 'Q' | 'q'> {
  const qualified = new Map<string, 'Q' | 'q'>();
  for (const r of outcome.rows) if (r.qualified) qualified.set(r.id, r.qualified);
  if (!outcome.draws.length) {
    if (drawn?.length) throw new ScoringError('invalid', ScoringErrorCode.DrawRequired, '本轮晋级无需抽签', { field: 'drawn' });
    return qualified;
  }
  if (!drawn) {
    throw new ScoringError('conflict', ScoringErrorCode.DrawRequired, '末位晋级名额出现并列且名额不足，须先抽签决定（见 draws），再以 drawn 提交中签者', {
      draws: outcome.draws.map((d) => ({ ...d, ids: d.ids.map(Number) })),
    });
  }
  const chosen = new Set(drawn.map(String));
  const inGroups = new Set(outcome.draws.flatMap((d) => d.ids));
  for (const id of chosen) {
    if (!inGroups.has(id)) throw new ScoringError('invalid', ScoringErrorCode.DrawRequired, `报名记录 ${id} 不在抽签名单中`, { field: 'drawn' });
  }
  for (const d of outcome.draws) {
    const winners = d.ids.filter((id) => chosen.has(id));
    if (winners.length !== d.places) {
      throw new ScoringError('invalid', ScoringErrorCode.DrawRequired, `抽签组 ${d.ids.join('、')} 须恰好选出 ${d.places} 人`, { field: 'drawn' });
    }
    winners.forEach((id) => qualified.set(id, d.basis === 'place' ? 'Q' : 'q'));
  }
  return qualified;
}
