import { inTransaction } from '@app/database';
import { forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { checkCell, ScoringInputError, type SchemeConfig } from './domain';
import { recordMarkChanges } from './mark-changes';
import { ScoringError, ScoringErrorCode } from './scoring-error';
import { ScoringService } from './scoring.service';
import { lockSheet, type Seat, SheetAccess, type SheetKey } from './sheet-access';
import { type SheetView, SheetViews } from './sheet-views';

export interface SheetChange {
  /** the version the change was made from */
  version: number;
  /** a null value removes the mark */
  marks: { entryId: number; criterion?: string; value: string | null }[];
  /** required once the sheet is submitted */
  reason?: string;
}

/** One checked cell; a null value removes the mark. */
interface Cell {
  entryId: number;
  criterion: string;
  value: string | null;
}

/**
 * Marks onto score sheets: a judge fills their own sheet while it is a draft (submitting and
 * locking it: SheetSubmissionService). After submission a mark changes only through the chief
 * judge or an organizer, with a reason, and every such change is kept (mark-changes.ts). Each
 * save names the version it was made from: the later of two concurrent saves gets 409 with the
 * current version, never a silent overwrite. Only submitted and locked sheets count in the results.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoring: ScoringService,
    private readonly access: SheetAccess,
    private readonly views: SheetViews,
  ) {}

  /** The judge on a draft sheet; on a submitted one, the chief judge or an organizer, with a reason. */
  async save(principal: Principal, itemId: number, judgeId: number, change: SheetChange, round?: number): Promise<SheetView> {
    const { key, standing, seat, ownOrgPaths, conflictRule } = await this.access.standing(principal, itemId, judgeId, round, 'write');
    const scheme = await this.scoring.schemeOf(itemId);
    const cells = change.marks.map((m, i) => this.checked(scheme, m, i));
    const warnings: SheetView['warnings'] = [];
    return inTransaction(this.dataSource, async (m) => {
      const sheet = await lockSheet(m, key, change.version);
      const reason = change.reason?.trim();
      if (sheet.status === 'draft') {
        if (standing !== 'judge') throw new ScoringError('conflict', ScoringErrorCode.SheetIsDraft, '评分表尚未提交，只能由评委本人填写');
      } else {
        if (standing === 'judge') {
          throw new ScoringError('conflict', ScoringErrorCode.SheetSubmitted, '评分表已提交，修改须由裁判长或组织者进行并说明理由', { status: sheet.status });
        }
        if (!reason) throw new ScoringError('invalid', ScoringErrorCode.ReasonRequired, '修改已提交的评分须填写理由 reason', { field: 'reason' });
      }
      const entries = await this.views.entriesOf(m, key, seat, cells.map((c) => c.entryId));
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
      return this.views.view(m, key, seat, warnings);
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
        const { key, standing, seat } = await this.access.standing(principal, itemId, mark.judgeId, round, 'write');
        if (standing === 'judge') throw forbidden('更正已提交的评分须由裁判长或组织者进行');
        sheets.set(mark.judgeId, (sheet = { key, seat, cells: [] }));
      }
      sheet.cells.push(this.checked(scheme, mark, i));
    }
    return async (m) => {
      for (const { key, seat, cells } of sheets.values()) {
        const sheet = await lockSheet(m, key, null);
        if (sheet.status === 'draft') throw new ScoringError('conflict', ScoringErrorCode.SheetIsDraft, `评委 ${key.judgeId} 的评分表尚未提交，不能更正`);
        const entries = await this.views.entriesOf(m, key, seat, cells.map((c) => c.entryId));
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

  /** The cells that stand against an entry outside its marks (a DNS/DNF/DQ status, a penalty), on every sheet of the round. */
  async standingCells(itemId: number, entryId: number, round?: number): Promise<{ judgeId: number; criterion: 'status' | 'penalty'; value: string }[]> {
    const rows: { judgeId: number; criterion: 'status' | 'penalty'; value: string }[] = await this.dataSource.query(
      "SELECT judge_id AS judgeId, criterion, value FROM marks WHERE item_id = ? AND round_id = ? AND entry_id = ? AND criterion IN ('status', 'penalty') ORDER BY judge_id, criterion",
      [itemId, round ?? 0, entryId],
    );
    return rows.map((r) => ({ ...r, judgeId: Number(r.judgeId) }));
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
    if (audit) {
      const changes = changed.map((c) => ({ entryId: c.entryId, criterion: c.criterion, before: before.get(keyOf(c)) ?? null, after: c.value }));
      await recordMarkChanges(m, key, changes, audit);
    }
  }
}
