import { inTransaction, jsonColumn } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, coversPath, forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { blockingProblems, checkCell, ScoringInputError, type SchemeConfig } from './domain';
import type { SheetStatus } from './score-sheet.entity';
import { ScoringError, ScoringErrorCode } from './scoring-error';
import { ScoringService } from './scoring.service';

export interface SheetCell {
  entryId: number;
  criterion: string;
  value: string;
}

export interface SheetEntry {
  entryId: number;
  bib: string | null;
  /** heat and lane within the round; null for an item without rounds */
  heat: number | null;
  lane: number | null;
  realName: string;
  organisationName: string;
}

export interface SheetView {
  itemId: number;
  /** 0 for an item without rounds */
  roundId: number;
  judgeId: number;
  status: SheetStatus;
  version: number;
  submittedAt: Date | null;
  lockedAt: Date | null;
  /** the contestants this judge scores */
  entries: SheetEntry[];
  marks: SheetCell[];
  /** e.g. a conflict of interest the event only warns about */
  warnings: { code: string; entryId: number; message: string }[];
}

export interface SheetChange {
  /** the version the change was made from */
  version: number;
  /** a null value removes the mark */
  marks: { entryId: number; criterion?: string; value: string | null }[];
  /** required once the sheet is submitted */
  reason?: string;
}

export interface MarkChangeView {
  id: number;
  roundId: number;
  entryId: number;
  judgeId: number;
  criterion: string;
  before: string | null;
  after: string | null;
  reason: string;
  changedBy: number;
  changedByName: string;
  changedAt: Date;
}

/** One checked cell; a null value removes the mark. */
interface Cell {
  entryId: number;
  criterion: string;
  value: string | null;
}

interface Seat {
  chief: boolean;
  entryIds: number[] | null;
}

/** Which sheet: one judge's, for one item and round (0 when the item has no rounds). */
interface SheetKey {
  itemId: number;
  roundId: number;
  judgeId: number;
}

type Standing = 'judge' | 'chief' | 'organizer';

/**
 * Score sheets: a judge fills their own sheet while it is a draft and submits
 * it; the chief judge locks it. After submission a mark changes only through
 * the chief judge or an organizer, with a reason, and every such change is
 * kept. Each save names the version it was made from: the later of two
 * concurrent saves gets 409 with the current version, never a silent overwrite.
 * Only submitted and locked sheets count in the results.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly scoring: ScoringService,
    private readonly access: AccessService,
  ) {}

  /** The judge themselves, the item's chief judge, organizers of the event. */
  async sheet(principal: Principal, itemId: number, judgeId: number, round?: number): Promise<SheetView> {
    const { key, seat } = await this.standing(principal, itemId, judgeId, round);
    return this.view(this.dataSource.manager, key, seat, []);
  }

  async save(principal: Principal, itemId: number, judgeId: number, change: SheetChange, round?: number): Promise<SheetView> {
    const { key, standing, seat, ownOrgPaths, conflictRule } = await this.standing(principal, itemId, judgeId, round, 'write');
    const scheme = await this.scoring.schemeOf(itemId);
    const cells = change.marks.map((m, i) => this.checked(scheme, m, i));
    const warnings: SheetView['warnings'] = [];
    return inTransaction(this.dataSource, async (m) => {
      const sheet = await this.lockSheet(m, key, change.version);
      const reason = change.reason?.trim();
      if (sheet.status === 'draft') {
        if (standing !== 'judge') throw new ScoringError('conflict', ScoringErrorCode.SheetIsDraft, '评分表尚未提交，只能由评委本人填写');
      } else {
        if (standing === 'judge') {
          throw new ScoringError('conflict', ScoringErrorCode.SheetSubmitted, '评分表已提交，修改须由裁判长或组织者进行并说明理由', { status: sheet.status });
        }
        if (!reason) throw new ScoringError('invalid', ScoringErrorCode.ReasonRequired, '修改已提交的评分须填写理由 reason', { field: 'reason' });
      }
      const entries = await this.entriesOf(m, key, seat, cells.map((c) => c.entryId));
      for (const [i, cell] of cells.entries()) {
        const entry = entries.get(cell.entryId);
        if (!entry) {
          throw new ScoringError('unprocessable', ScoringErrorCode.EntryNotInItem, `报名记录 ${cell.entryId} 不在该评委的评分范围内`, {
            field: `marks[${i}].entryId`,
          });
        }
        if (standing === 'judge' && ownOrgPaths.some((p) => entry.path.startsWith(p))) {
          const message = `评委与参赛者 ${entry.realName} 同属一个单位（利益冲突）`;
          if (conflictRule === 'block') {
            throw new ScoringError('forbidden', ScoringErrorCode.ConflictOfInterest, `${message}，本赛事不允许其评分`, { field: `marks[${i}].entryId` });
          }
          warnings.push({ code: 'CONFLICT_OF_INTEREST', entryId: cell.entryId, message });
        }
      }
      await this.write(m, key, cells, sheet.status === 'draft' ? null : { reason: reason!, by: principal.userId });
      await m.query('UPDATE score_sheets SET version = version + 1 WHERE id = ?', [sheet.id]);
      // Draft marks do not count yet; a correction to a counted sheet re-tallies the item.
      if (sheet.status !== 'draft') await this.scoring.enqueueTally(m, itemId);
      return this.view(m, key, seat, warnings);
    });
  }

  /**
   * Corrections to submitted marks as one step of a larger change (an upheld appeal): checked
   * now, written later in the caller's transaction through the audited path, each with the
   * reason, against the sheets' current versions. The chief judge and organizers of the event.
   */
  async prepareCorrection(
    principal: Principal,
    itemId: number,
    marks: (SheetChange['marks'][number] & { judgeId: number })[],
    reason: string,
    round?: number,
  ): Promise<(m: EntityManager) => Promise<void>> {
    const scheme = await this.scoring.schemeOf(itemId);
    const sheets = new Map<number, { key: SheetKey; seat: Seat; cells: Cell[] }>();
    for (const [i, mark] of marks.entries()) {
      let sheet = sheets.get(mark.judgeId);
      if (!sheet) {
        const { key, standing, seat } = await this.standing(principal, itemId, mark.judgeId, round, 'write');
        if (standing === 'judge') throw forbidden('更正已提交的评分须由裁判长或组织者进行');
        sheets.set(mark.judgeId, (sheet = { key, seat, cells: [] }));
      }
      sheet.cells.push(this.checked(scheme, mark, i));
    }
    return async (m) => {
      for (const { key, seat, cells } of sheets.values()) {
        const sheet = await this.lockSheet(m, key, null);
        if (sheet.status === 'draft') throw new ScoringError('conflict', ScoringErrorCode.SheetIsDraft, `评委 ${key.judgeId} 的评分表尚未提交，不能更正`);
        const entries = await this.entriesOf(m, key, seat, cells.map((c) => c.entryId));
        const missing = cells.findIndex((c) => !entries.has(c.entryId));
        if (missing >= 0) {
          throw new ScoringError('unprocessable', ScoringErrorCode.EntryNotInItem, `报名记录 ${cells[missing].entryId} 不在评委 ${key.judgeId} 的评分范围内`, {
            field: `marks[${marks.findIndex((x) => x.judgeId === key.judgeId && x.entryId === cells[missing].entryId)}].entryId`,
          });
        }
        await this.write(m, key, cells, { reason, by: principal.userId });
        await m.query('UPDATE score_sheets SET version = version + 1 WHERE id = ?', [sheet.id]);
      }
      await this.scoring.enqueueTally(m, itemId);
    };
  }

  /** One mark into the caller's own sheet, at its current version: the quick path of a judge's tablet. */
  async enterOne(principal: Principal, itemId: number, mark: { entryId: number; criterion?: string; value: string }, round?: number): Promise<SheetView> {
    const [row] = await this.dataSource.query('SELECT version FROM score_sheets WHERE item_id = ? AND round_id = ? AND judge_id = ?', [
      itemId,
      round ?? 0,
      principal.userId,
    ]);
    return this.save(principal, itemId, principal.userId, { version: Number(row?.version ?? 0), marks: [mark] }, round);
  }

  /** The judge hands in their sheet; refused while a rule of the scheme blocks it (a WorldSkills judgement gap). */
  async submit(principal: Principal, itemId: number, judgeId: number, version: number, round?: number): Promise<SheetView> {
    const { key, standing, seat } = await this.standing(principal, itemId, judgeId, round, 'write');
    if (standing !== 'judge') throw forbidden('只有评委本人可以提交自己的评分表');
    const scheme = await this.scoring.schemeOf(itemId);
    return inTransaction(this.dataSource, async (m) => {
      const sheet = await this.lockSheet(m, key, version);
      if (sheet.status !== 'draft') throw new ScoringError('conflict', ScoringErrorCode.SheetSubmitted, '评分表已提交', { status: sheet.status });
      const problems = await this.problems(m, key, scheme);
      if (problems.length) {
        throw new ScoringError('unprocessable', ScoringErrorCode.SheetBlocked, `评分表不能提交：${problems.map((p) => p.message).join('；')}`,
          problems.map((p) => p.toJSON()),
        );
      }
      await m.query("UPDATE score_sheets SET status = 'submitted', submitted_at = NOW(3), version = version + 1 WHERE id = ?", [sheet.id]);
      await this.scoring.enqueueTally(m, itemId);
      return this.view(m, key, seat, []);
    });
  }

  /** The chief judge (or an organizer) locks a submitted sheet. */
  async lock(principal: Principal, itemId: number, judgeId: number, version: number, round?: number): Promise<SheetView> {
    const { key, standing, seat } = await this.standing(principal, itemId, judgeId, round);
    if (standing === 'judge') throw forbidden('只有裁判长或组织者可以锁定评分表');
    return inTransaction(this.dataSource, async (m) => {
      const sheet = await this.lockSheet(m, key, version);
      if (sheet.status !== 'submitted') {
        throw new ScoringError('conflict', ScoringErrorCode.SheetNotSubmitted, '只有已提交的评分表可以锁定', { status: sheet.status });
      }
      await m.query("UPDATE score_sheets SET status = 'locked', locked_at = NOW(3), locked_by = ?, version = version + 1 WHERE id = ?", [
        principal.userId,
        sheet.id,
      ]);
      return this.view(m, key, seat, []);
    });
  }

  /** Every change to a submitted mark of the item, oldest first: organizers of the event. */
  async changes(principal: Principal, itemId: number): Promise<MarkChangeView[]> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const rows: MarkChangeView[] = await this.dataSource.query(
      `SELECT c.id, c.round_id AS roundId, c.entry_id AS entryId, c.judge_id AS judgeId, c.criterion, c.before_value AS \`before\`, c.after_value AS \`after\`,
              c.reason, c.changed_by AS changedBy, u.real_name AS changedByName, c.changed_at AS changedAt
         FROM mark_changes c JOIN users u ON u.id = c.changed_by WHERE c.item_id = ? ORDER BY c.id`,
      [itemId],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), roundId: Number(r.roundId), entryId: Number(r.entryId), judgeId: Number(r.judgeId), changedBy: Number(r.changedBy) }));
  }

  /**
   * Who the caller is to this sheet: the judge on it, the item's chief judge, or an organizer
   * of the event; anyone else is refused. A seat counts only for the rounds it covers. With it,
   * the event's conflict-of-interest rule. Writes to a round already closed by qualification
   * are refused: the next round was drawn from its results.
   */
  private async standing(principal: Principal, itemId: number, judgeId: number, round: number | undefined, intent: 'read' | 'write' = 'read') {
    const { event } = await this.events.item(itemId);
    const eventPath = await this.access.pathOf(event.organisationId);
    const { roundId, status } = await this.scoring.roundOf(this.dataSource.manager, itemId, round);
    const rows: (Seat & { userId: number; roundIds: unknown })[] = await this.dataSource.query(
      'SELECT user_id AS userId, chief, entry_ids AS entryIds, round_ids AS roundIds FROM judge_assignments WHERE item_id = ? AND user_id IN (?, ?)',
      [itemId, judgeId, principal.userId],
    );
    const seats = rows.filter((s) => !roundId || (jsonColumn(s.roundIds as number[] | null)?.includes(roundId) ?? true));
    const seatOf = (userId: number) => seats.find((s) => Number(s.userId) === userId);
    const seat = seatOf(judgeId);
    let standing: Standing | null = null;
    if (coversPath(principal.roles, ['organizer'], eventPath)) standing = 'organizer';
    if (seatOf(principal.userId)?.chief) standing = 'chief';
    if (principal.userId === judgeId && seat) standing = 'judge';
    if (!standing) throw new ScoringError('forbidden', ScoringErrorCode.NotAssigned, '您不是该项目的评委，不能查看或填写该评分表');
    if (!seat) throw new ScoringError('not_found', ScoringErrorCode.NotAssigned, `用户 ${judgeId} 不是该项目（该轮次）的评委`, { field: 'judgeId' });
    if (intent === 'write' && status === 'closed') {
      throw new ScoringError('conflict', ScoringErrorCode.RoundClosed, '该轮次已完成晋级，评分不能再修改', { field: 'round' });
    }
    // The judge's own organisations below the event's: scoring one of their people is a conflict.
    const ownOrgPaths = principal.roles.map((r) => r.path).filter((p) => p.startsWith(eventPath) && p !== eventPath);
    return { key: { itemId, roundId, judgeId }, standing, seat: { chief: Boolean(seat.chief), entryIds: jsonColumn(seat.entryIds) }, ownOrgPaths, conflictRule: event.conflictOfInterest };
  }

  private checked(scheme: SchemeConfig, m: SheetChange['marks'][number], i: number): Cell {
    const criterion = m.criterion ?? this.scoring.onlyCriterion(scheme, `marks[${i}].criterion`);
    if (m.value === null) return { entryId: m.entryId, criterion, value: null };
    try {
      const cell = checkCell(scheme, criterion, m.value);
      return { entryId: m.entryId, criterion: cell.key, value: cell.value };
    } catch (err) {
      if (!(err instanceof ScoringInputError)) throw err;
      const field = err.field === 'key' ? `marks[${i}].criterion` : `marks[${i}].value`;
      throw new ScoringError('invalid', ScoringErrorCode.InvalidMark, err.message, { field, reason: err.code });
    }
  }

  /** Creates the sheet on first use, locks it, and checks the caller saw its latest version (null: take the current one). */
  private async lockSheet(m: EntityManager, key: SheetKey, version: number | null): Promise<{ id: number; status: SheetStatus }> {
    const where = [key.itemId, key.roundId, key.judgeId];
    // An exclusive lock from the start, new row or not: INSERT IGNORE would take a shared one, and two
    // saves of one sheet each holding it and asking for FOR UPDATE's exclusive lock deadlock.
    await m.query('INSERT INTO score_sheets (item_id, round_id, judge_id) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE id = id', where);
    const [sheet] = await m.query('SELECT id, status, version FROM score_sheets WHERE item_id = ? AND round_id = ? AND judge_id = ? FOR UPDATE', where);
    if (version !== null && Number(sheet.version) !== version) {
      throw new ScoringError('conflict', ScoringErrorCode.SheetChanged, `评分表已被他人修改（当前版本 ${sheet.version}），请刷新后重试`, {
        field: 'version',
        currentVersion: Number(sheet.version),
        status: sheet.status,
      });
    }
    return { id: Number(sheet.id), status: sheet.status };
  }

  /** Writes the cells in a few statements whatever their number; after submission each change is kept with its reason. */
  private async write(m: EntityManager, key: SheetKey, cells: Cell[], audit: { reason: string; by: number } | null): Promise<void> {
    if (!cells.length) return;
    const { itemId, roundId, judgeId } = key;
    const keyOf = (c: { entryId: number; criterion: string }) => `${c.entryId}\u0000${c.criterion}`;
    const old: { entryId: number; criterion: string; value: string }[] = await m.query(
      'SELECT entry_id AS entryId, criterion, value FROM marks WHERE round_id = ? AND judge_id = ? AND (entry_id, criterion) IN (?) FOR UPDATE',
      [roundId, judgeId, cells.map((c) => [c.entryId, c.criterion])],
    );
    const before = new Map(old.map((r) => [keyOf({ entryId: Number(r.entryId), criterion: r.criterion }), r.value]));
    // The last value given for a cell wins, as it would written one by one.
    const changed = [...new Map(cells.map((c) => [keyOf(c), c])).values()].filter((c) => (before.get(keyOf(c)) ?? null) !== c.value);
    const removed = changed.filter((c) => c.value === null);
    const set = changed.filter((c) => c.value !== null);
    if (removed.length) {
      await m.query('DELETE FROM marks WHERE round_id = ? AND judge_id = ? AND (entry_id, criterion) IN (?)', [roundId, judgeId, removed.map((c) => [c.entryId, c.criterion])]);
    }
    if (set.length) {
      await m.query('INSERT INTO marks (item_id, round_id, entry_id, judge_id, criterion, value) VALUES ? ON DUPLICATE KEY UPDATE value = VALUES(value)', [
        set.map((c) => [itemId, roundId, c.entryId, judgeId, c.criterion, c.value]),
      ]);
    }
    if (audit && changed.length) {
      await m.query('INSERT INTO mark_changes (item_id, round_id, entry_id, judge_id, criterion, before_value, after_value, reason, changed_by) VALUES ?', [
        changed.map((c) => [itemId, roundId, c.entryId, judgeId, c.criterion, before.get(keyOf(c)) ?? null, c.value, audit.reason, audit.by]),
      ]);
    }
  }

  /** The approved entries of the item (of the round) that the seat scores, by id, with what a sheet shows of them. */
  private async entriesOf(m: EntityManager, key: SheetKey, seat: Seat, only?: number[]): Promise<Map<number, SheetEntry & { path: string }>> {
    if (only && !only.length) return new Map();
    const rows: (SheetEntry & { path: string })[] = await m.query(
      `SELECT e.id AS entryId, e.bib, r.heat, r.lane, u.real_name AS realName, o.name AS organisationName, o.path
         FROM entries e JOIN users u ON u.id = e.user_id JOIN organisations o ON o.id = e.organisation_id
         ${key.roundId ? 'JOIN' : 'LEFT JOIN'} round_entries r ON r.entry_id = e.id AND r.round_id = ?
        WHERE e.item_id = ? AND e.status = 'approved'${only ? ' AND e.id IN (?)' : ''} ORDER BY r.heat, r.lane, e.bib, e.id`,
      [key.roundId, key.itemId, ...(only ? [only] : [])],
    );
    const mine = rows.filter((r) => !seat.entryIds || seat.entryIds.includes(Number(r.entryId)));
    return new Map(mine.map((r) => [Number(r.entryId), { ...r, entryId: Number(r.entryId) }]));
  }

  private async view(m: EntityManager, key: SheetKey, seat: Seat, warnings: SheetView['warnings']): Promise<SheetView> {
    const where = [key.itemId, key.roundId, key.judgeId];
    const [sheet] = await m.query(
      'SELECT status, version, submitted_at AS submittedAt, locked_at AS lockedAt FROM score_sheets WHERE item_id = ? AND round_id = ? AND judge_id = ?',
      where,
    );
    const entries = [...(await this.entriesOf(m, key, seat)).values()].map(({ path: _path, ...e }) => e);
    const marks: SheetCell[] = await m.query(
      'SELECT entry_id AS entryId, criterion, value FROM marks WHERE item_id = ? AND round_id = ? AND judge_id = ? ORDER BY entry_id, criterion',
      where,
    );
    return {
      ...key,
      status: sheet?.status ?? 'draft',
      version: Number(sheet?.version ?? 0),
      submittedAt: sheet?.submittedAt ?? null,
      lockedAt: sheet?.lockedAt ?? null,
      entries,
      marks: marks.map((c) => ({ ...c, entryId: Number(c.entryId) })),
      warnings,
    };
  }

  /** What blocks submission, over the marks of the whole panel (a judgement gap involves the other judges' scores). */
  private async problems(m: EntityManager, key: SheetKey, scheme: SchemeConfig): Promise<ScoringInputError[]> {
    const data = await this.scoring.itemMarks(m, key.itemId, { includeDrafts: true, roundId: key.roundId });
    if (!data) return [];
    // Only disagreements block: a mark another judge has not entered yet must not stop this one.
    return data.entryIds.flatMap((entryId) => {
      const cells = data.cells.get(entryId);
      if (!cells) return [];
      return blockingProblems(scheme, cells, data.judgeIds)
        .filter((p) => p.code === 'JUDGEMENT_GAP')
        .map((p) => new ScoringInputError(p.code, `entries[${entryId}].${p.field}`, `报名记录 ${entryId}：${p.message}`));
    });
  }
}
