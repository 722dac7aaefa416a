import { inTransaction, jsonColumn, selectRows } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, coversPath, forbidden, PeopleDirectory, type Principal, UsersService } from '@app/identity';
import { EntryDirectory } from '@app/registration';
import { enqueue, notifyPeople } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  cellSpecs,
  computeScheme,
  type JudgeDeviationConfig,
  type JudgeDeviationReport,
  judgeDeviationReport,
  type RankedSchemeRow,
  rankScheme,
  type SchemeConfig,
  type SchemeInput,
  type SchemeResult,
  ScoringInputError,
  validateJudgeDeviationConfig,
  validateSchemeConfig,
} from './domain';
import { ScoringError, ScoringErrorCode } from './scoring-error';

export interface JudgeSeat {
  seat: number;
  userId: number;
  realName: string;
  chief: boolean;
  /** the contestants (entry ids) this judge scores; null: all */
  entryIds: number[] | null;
  /** the rounds this judge scores; null: all */
  roundIds: number[] | null;
}

export interface RoundRef {
  id: number;
  seq: number;
  name: string;
  status: 'open' | 'closed';
}

export interface JudgeAssignmentInput {
  userId: number;
  chief?: boolean;
  entryIds?: number[] | null;
  roundIds?: number[] | null;
}

/** The scheme, the score version and the panel in seat order; with `forRound`, the judges seated for all rounds or for the round bound to `?`. */
function headColumns(forRound: boolean): string {
  const round = forRound ? ' AND (j.round_ids IS NULL OR JSON_CONTAINS(j.round_ids, ?))' : '';
  return `s.scheme, s.score_version AS scoreVersion, (SELECT GROUP_CONCAT(j.user_id ORDER BY j.id) FROM judge_assignments j WHERE j.item_id = s.item_id${round}) AS judges`;
}

interface ScoringHead {
  scheme: unknown;
  scoreVersion: number | string;
  /** judge ids in seat order, comma-separated; NULL without a panel */
  judges: string | null;
}

/** Everything a tally needs about one item, read in the tally's own transaction. */
export interface ItemMarks {
  roundId: number;
  scheme: SchemeConfig;
  version: number;
  judgeIds: number[];
  entryIds: number[];
  /** entry id → cell key (criterion, aspect, time, …) → judge id → text */
  cells: Map<number, Map<string, Map<number, string>>>;
}

@Injectable()
export class ScoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly directory: PeopleDirectory,
    private readonly entries: EntryDirectory,
  ) {}

  /** Organizers of the event set how an item is scored; a change re-tallies the item. */
  async setScheme(principal: Principal, itemId: number, scheme: unknown): Promise<{ itemId: number; scheme: SchemeConfig }> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    assertValidScheme(scheme);
    await inTransaction(this.dataSource, async (m) => {
      await m.query(
        'INSERT INTO item_scoring (item_id, scheme, score_version) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE scheme = VALUES(scheme)',
        [itemId, JSON.stringify(scheme)],
      );
      await this.enqueueTally(m, itemId);
    });
    return { itemId, scheme: scheme as SchemeConfig };
  }

  /** The scheme as the public reads it (judges beside their sheet): 404 for no such item, 409 before a scheme is set. */
  async publishedScheme(itemId: number): Promise<SchemeConfig> {
    await this.events.item(itemId);
    return this.schemeOf(itemId);
  }

  async schemeOf(itemId: number): Promise<SchemeConfig> {
    const [row] = await this.dataSource.query('SELECT scheme FROM item_scoring WHERE item_id = ?', [itemId]);
    if (!row) throw new ScoringError('conflict', ScoringErrorCode.NoScheme, `项目 ${itemId} 尚未设置计分方案`);
    return jsonColumn(row.scheme);
  }

  /**
   * Organizers put a judge on the panel, optionally as chief judge and for some contestants
   * only; assigning again changes both. The person must hold the judge role within the event's
   * organisation tree.
   */
  async assignJudge(principal: Principal, itemId: number, input: JudgeAssignmentInput): Promise<JudgeSeat[]> {
    const { userId } = input;
    const { event, item: { name: item } } = await this.events.item(itemId);
    const eventPath = await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    const judge = await this.users.view(userId);
    const qualified = judge.roles.some((r) => r.role === 'judge' && (eventPath.startsWith(r.path) || r.path.startsWith(eventPath)));
    if (!qualified) {
      throw new ScoringError('unprocessable', ScoringErrorCode.NotAJudge, `${judge.realName}不是本赛事组织范围内的裁判`, { field: 'userId' });
    }
    const entryIds = input.entryIds?.length ? [...new Set(input.entryIds)] : null;
    if (entryIds) {
      const found = await this.entries.entries(entryIds);
      if (entryIds.some((id) => found.get(id)?.itemId !== itemId)) {
        throw new ScoringError('unprocessable', ScoringErrorCode.EntryNotInItem, 'entryIds 中有不属于该项目的报名记录', { field: 'entryIds' });
      }
    }
    const roundIds = input.roundIds?.length ? [...new Set(input.roundIds)] : null;
    if (roundIds) {
      const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM item_rounds WHERE item_id = ? AND id IN (?)', [itemId, roundIds]);
      if (Number(n) !== roundIds.length) {
        throw new ScoringError('unprocessable', ScoringErrorCode.RoundNotFound, 'roundIds 中有不属于该项目的轮次', { field: 'roundIds' });
      }
    }
    await inTransaction(this.dataSource, async (m) => {
      await m.query(
        'INSERT INTO judge_assignments (item_id, user_id, chief, entry_ids, round_ids, assigned_by) VALUES (?, ?, ?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE chief = VALUES(chief), entry_ids = VALUES(entry_ids), round_ids = VALUES(round_ids)',
        [itemId, userId, Boolean(input.chief), entryIds && JSON.stringify(entryIds), roundIds && JSON.stringify(roundIds), principal.userId],
      );
      await notifyPeople(m, 'judge.assigned', { event: event.name, item, role: input.chief ? '裁判长 (chief judge)' : '裁判 (judge)' }, [{ userId }]);
    });
    return this.seats(itemId);
  }

  /** The panel of an item: seen by the event's organizers and by the judges on it. */
  async panel(principal: Principal, itemId: number): Promise<JudgeSeat[]> {
    const seats = await this.seats(itemId);
    if (!seats.some((s) => s.userId === principal.userId)) {
      const { event } = await this.events.item(itemId);
      await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    }
    return seats;
  }

  /**
   * Reads the scheme, panel, entries and the marks of submitted and locked sheets (drafts too on
   * request) of an item or one of its rounds through the caller's transaction. The scheme and
   * score version come first, then the marks (with a round's line-up in the same statement), so
   * the marks are never older than the version (whatever the isolation level). The item's
   * approved entries come from registration's EntryDirectory in the same transaction. A round's
   * entries are the approved contestants drawn into it; its panel, the judges seated for all
   * rounds or for this one.
   */
  async itemMarks(manager: EntityManager, itemId: number, opts: { includeDrafts?: boolean; roundId?: number } = {}): Promise<ItemMarks | null> {
    const roundId = opts.roundId ?? 0;
    // The panel in seat order with the scheme, in one statement (a full re-tally reads this for every item).
    const [scoring]: (ScoringHead | undefined)[] = await manager.query(`SELECT ${headColumns(roundId > 0)} FROM item_scoring s WHERE s.item_id = ?`, roundId ? [String(roundId), itemId] : [itemId]);
    if (!scoring || scoring.scheme === null) return null;
    // A round's line-up (judgeId NULL) and the marks in one round trip: a full re-tally does this for every item.
    const rows = await selectRows<{ entryId: number; judgeId: number | null; criterion: string; value: string }>(
      manager,
      (roundId ? 'SELECT entry_id AS entryId, NULL AS judgeId, NULL AS criterion, NULL AS value FROM round_entries WHERE round_id = ? UNION ALL ' : '') +
        `SELECT m.entry_id AS entryId, m.judge_id AS judgeId, m.criterion, m.value
         FROM marks m JOIN score_sheets s ON s.item_id = m.item_id AND s.round_id = m.round_id AND s.judge_id = m.judge_id
        WHERE m.item_id = ? AND m.round_id = ?${opts.includeDrafts ? '' : " AND s.status <> 'draft'"}`,
      roundId ? [roundId, itemId, roundId] : [itemId, roundId],
    );
    const lineup: number[] = [];
    const cells = new Map<number, Map<string, Map<number, string>>>();
    // A million marks for a full re-tally: each map is looked up once and set only when new.
    for (const r of rows) {
      const entryId = Number(r.entryId);
      if (r.judgeId === null) {
        lineup.push(entryId);
        continue;
      }
      let byKey = cells.get(entryId);
      if (!byKey) cells.set(entryId, (byKey = new Map()));
      let byJudge = byKey.get(r.criterion);
      if (!byJudge) byKey.set(r.criterion, (byJudge = new Map()));
      byJudge.set(Number(r.judgeId), r.value);
    }
    return {
      roundId,
      scheme: jsonColumn<SchemeConfig>(scoring.scheme as string | SchemeConfig),
      version: Number(scoring.scoreVersion),
      judgeIds: scoring.judges === null ? [] : String(scoring.judges).split(',').map(Number),
      entryIds: await this.approved(manager, itemId, roundId ? lineup : null),
      cells,
    };
  }

  /**
   * A scheme checked against sample marks before the event: totals, places and the full
   * breakdown, through computeScheme and rankScheme, the code real results go through.
   */
  preview(scheme: unknown, rows: { id: string; input: unknown }[]): PreviewRow[] {
    assertValidScheme(scheme);
    const results = rows.map((row, i) => {
      try {
        return { id: row.id, result: computeScheme(scheme, row.input as SchemeInput) };
      } catch (err) {
        if (!(err instanceof ScoringInputError)) throw err;
        throw new ScoringError('invalid', ScoringErrorCode.InvalidMark, `第 ${i + 1} 行（${row.id}）：${err.message}`, {
          field: `rows[${i}].input.${err.field}`,
          reason: err.code,
        });
      }
    });
    const breakdowns = new Map(results.map((r) => [r.id, r.result]));
    return rankScheme(scheme, results).map((r) => ({ ...r, tieBreakKeys: breakdowns.get(r.id)!.tieBreakKeys, breakdown: breakdowns.get(r.id)!.breakdown }));
  }

  /**
   * ISU-style judges' evaluation of a judge-panel item from its submitted sheets: each mark's
   * deviation from the other judges' mean, flagged beyond the thresholds. Organizers of the
   * event and the item's chief judge.
   */
  async deviation(
    principal: Principal,
    itemId: number,
    cfg: Omit<JudgeDeviationConfig, 'marks'>,
    round?: number,
  ): Promise<JudgeDeviationReport & { judgeIds: number[] }> {
    const { event } = await this.events.item(itemId);
    const eventPath = await this.access.pathOf(event.organisationId);
    if (!coversPath(principal.roles, ['organizer'], eventPath)) {
      const [chief] = await this.dataSource.query('SELECT 1 AS ok FROM judge_assignments WHERE item_id = ? AND user_id = ? AND chief', [itemId, principal.userId]);
      if (!chief) throw forbidden('只有组织者或裁判长可以查看裁判偏差报告');
    }
    const problems = validateJudgeDeviationConfig(cfg);
    if (problems.length) throw new ScoringError('invalid', ScoringErrorCode.InvalidScheme, problems.map((p) => p.message).join('；'), { field: problems[0].field.replace(/^config\./, '') });
    const { roundId } = await this.roundOf(this.dataSource.manager, itemId, round);
    const data = await this.itemMarks(this.dataSource.manager, itemId, { roundId });
    if (!data) throw new ScoringError('conflict', ScoringErrorCode.NoScheme, `项目 ${itemId} 尚未设置计分方案`);
    if (data.scheme.kind !== 'judge-panel') {
      throw new ScoringError('conflict', ScoringErrorCode.WrongKind, '裁判偏差报告只适用于裁判组评分（judge-panel）');
    }
    const criteria = data.scheme.criteria.map((c) => c.key);
    const rows = data.entryIds.flatMap((entryId) =>
      criteria.map((key) => ({ key: `${entryId}:${key}`, marks: data.judgeIds.map((j) => data.cells.get(entryId)?.get(key)?.get(j) ?? null) })),
    );
    const report = judgeDeviationReport(cfg, { judges: data.judgeIds.map(String), rows: rows.filter((r) => r.marks.some((m) => m !== null)) });
    return { ...report, judgeIds: data.judgeIds };
  }

  /** The key a mark is for when the caller names none: the only criterion of a one-criterion panel. */
  onlyCriterion(scheme: SchemeConfig, field: string): string {
    if (scheme.kind === 'judge-panel' && scheme.criteria.length === 1) return scheme.criteria[0].key;
    throw new ScoringError('invalid', ScoringErrorCode.UnknownCriterion, `须指明 criterion：${cellSpecs(scheme).map((c) => c.key).join('、')}`, {
      field,
    });
  }

  /**
   * The round a sheet, a report or a result list is about: an item that runs in rounds needs one
   * of its own rounds named (or, with `latest`, defaults to its latest); an item without rounds
   * has round 0 only. With it, every round of the item, in order.
   */
  async roundOf(m: EntityManager, itemId: number, round?: number, opts: { latest?: boolean } = {}): Promise<{ roundId: number; status: 'open' | 'closed'; rounds: RoundRef[] }> {
    const rows: RoundRef[] = await m.query('SELECT id, seq, name, status FROM item_rounds WHERE item_id = ? ORDER BY seq', [itemId]);
    const rounds = rows.map((r) => ({ ...r, id: Number(r.id), seq: Number(r.seq) }));
    const wanted = round ?? (opts.latest ? rounds.at(-1)?.id : undefined);
    if (!wanted) {
      if (rounds.length) {
        throw new ScoringError('invalid', ScoringErrorCode.RoundRequired, `该项目分轮次进行，须指明轮次 round（${rounds.map((r) => r.id).join('、')}）`, { field: 'round' });
      }
      return { roundId: 0, status: 'open', rounds };
    }
    const found = rounds.find((r) => r.id === wanted);
    if (!found) throw new ScoringError('not_found', ScoringErrorCode.RoundNotFound, `轮次 ${wanted} 不属于项目 ${itemId}`, { field: 'round' });
    return { roundId: wanted, status: found.status, rounds };
  }

  /** The approved entries of the item, or of those drawn into a round, in id order. */
  private async approved(manager: EntityManager, itemId: number, lineup: number[] | null): Promise<number[]> {
    const approved = lineup
      ? [...(await this.entries.entries(lineup, manager)).values()].filter((e) => e.status === 'approved')
      : await this.entries.within({ itemId }, ['approved'], manager);
    return approved.map((e) => e.id).sort((a, b) => a - b);
  }

  private async seats(itemId: number): Promise<JudgeSeat[]> {
    const rows: { userId: number; chief: number; entryIds: string | number[] | null; roundIds: string | number[] | null }[] = await this.dataSource.query(
      'SELECT user_id AS userId, chief, entry_ids AS entryIds, round_ids AS roundIds FROM judge_assignments WHERE item_id = ? ORDER BY id',
      [itemId],
    );
    const people = await this.directory.people(rows.map((r) => r.userId));
    return rows.map((r, i) => ({
      seat: i + 1,
      userId: Number(r.userId),
      realName: people.get(Number(r.userId))?.realName ?? '',
      chief: Boolean(r.chief),
      entryIds: r.entryIds == null ? null : jsonColumn(r.entryIds as number[]),
      roundIds: r.roundIds == null ? null : jsonColumn(r.roundIds as number[]),
    }));
  }

  /** Freezes (or thaws) the item's marks while its results are final; in the caller's transaction, which then holds the row. */
  async setResultsFinal(m: EntityManager, itemId: number, final: boolean): Promise<void> {
    await m.query('UPDATE item_scoring SET results_final = ? WHERE item_id = ?', [final, itemId]);
  }

  /** Bumps the item's score version and writes the tally job for it, in the caller's transaction; returns the new version. */
  async enqueueTally(m: EntityManager, itemId: number): Promise<number> {
    const res = await m.query('UPDATE item_scoring SET score_version = score_version + 1 WHERE item_id = ?', [itemId]);
    if (!res.affectedRows) throw new ScoringError('conflict', ScoringErrorCode.NoScheme, `项目 ${itemId} 尚未设置计分方案`);
    const [{ version, final }] = await m.query('SELECT score_version AS version, results_final AS final FROM item_scoring WHERE item_id = ?', [itemId]);
    // Checked after the UPDATE, which holds the row lock finalisation also takes: no change slips past it.
    if (Number(final)) {
      throw new ScoringError('conflict', ScoringErrorCode.ResultsFinal, '该项目成绩已确认为最终成绩，修改须先由组织者说明理由重新开放');
    }
    await enqueue(m, 'tally.item', { itemId, version: Number(version) });
    return Number(version);
  }
}

export interface PreviewRow extends RankedSchemeRow<string> {
  tieBreakKeys: SchemeResult['tieBreakKeys'];
  breakdown: unknown;
}

function assertValidScheme(scheme: unknown): asserts scheme is SchemeConfig {
  const problems = validateSchemeConfig(scheme);
  if (problems.length) {
    throw new ScoringError('invalid', ScoringErrorCode.InvalidScheme, `计分方案无效：${problems.map((p) => p.message).join('；')}`,
      problems.map((p) => ({ ...p.toJSON(), field: p.field.replace(/^config\.?/, 'scheme.').replace(/\.$/, '') })),
    );
  }
}
