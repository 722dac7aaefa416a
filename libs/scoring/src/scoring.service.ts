import { inTransaction } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, type Principal, UsersService } from '@app/identity';
import { enqueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { cellSpecs, type SchemeConfig, validateSchemeConfig } from './domain';
import { ScoringError, ScoringErrorCode } from './scoring-error';

export interface JudgeSeat {
  seat: number;
  userId: number;
  realName: string;
  chief: boolean;
  /** the contestants (entry ids) this judge scores; null: all */
  entryIds: number[] | null;
}

export interface JudgeAssignmentInput {
  userId: number;
  chief?: boolean;
  entryIds?: number[] | null;
}

/** Everything a tally needs about one item, read in the tally's own transaction. */
export interface ItemMarks {
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
  ) {}

  /** Organizers of the event set how an item is scored; a change re-tallies the item. */
  async setScheme(principal: Principal, itemId: number, scheme: unknown): Promise<{ itemId: number; scheme: SchemeConfig }> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const problems = validateSchemeConfig(scheme);
    if (problems.length) {
      throw new ScoringError('invalid', ScoringErrorCode.InvalidScheme, `计分方案无效：${problems.map((p) => p.message).join('；')}`, {
        problems: problems.map((p) => p.toJSON()),
      });
    }
    await inTransaction(this.dataSource, async (m) => {
      await m.query(
        'INSERT INTO item_scoring (item_id, scheme, score_version) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE scheme = VALUES(scheme)',
        [itemId, JSON.stringify(scheme)],
      );
      await this.enqueueTally(m, itemId);
    });
    return { itemId, scheme: scheme as SchemeConfig };
  }

  async schemeOf(itemId: number): Promise<SchemeConfig> {
    const [row] = await this.dataSource.query('SELECT scheme FROM item_scoring WHERE item_id = ?', [itemId]);
    if (!row) throw new ScoringError('conflict', ScoringErrorCode.NoScheme, `项目 ${itemId} 尚未设置计分方案`);
    return parseJson(row.scheme);
  }

  /**
   * Organizers put a judge on the panel, optionally as chief judge and for some contestants
   * only; assigning again changes both. The person must hold the judge role within the event's
   * organisation tree.
   */
  async assignJudge(principal: Principal, itemId: number, input: JudgeAssignmentInput): Promise<JudgeSeat[]> {
    const { userId } = input;
    const { event } = await this.events.item(itemId);
    const eventPath = await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    const judge = await this.users.view(userId);
    const qualified = judge.roles.some((r) => r.role === 'judge' && (eventPath.startsWith(r.path) || r.path.startsWith(eventPath)));
    if (!qualified) {
      throw new ScoringError('unprocessable', ScoringErrorCode.NotAJudge, `${judge.realName}不是本赛事组织范围内的裁判`, { field: 'userId' });
    }
    const entryIds = input.entryIds?.length ? [...new Set(input.entryIds)] : null;
    if (entryIds) {
      const [{ n }] = await this.dataSource.query("SELECT COUNT(*) AS n FROM entries WHERE item_id = ? AND id IN (?)", [itemId, entryIds]);
      if (Number(n) !== entryIds.length) {
        throw new ScoringError('unprocessable', ScoringErrorCode.EntryNotInItem, 'entryIds 中有不属于该项目的报名记录', { field: 'entryIds' });
      }
    }
    await this.dataSource.query(
      'INSERT INTO judge_assignments (item_id, user_id, chief, entry_ids, assigned_by) VALUES (?, ?, ?, ?, ?) ' +
        'ON DUPLICATE KEY UPDATE chief = VALUES(chief), entry_ids = VALUES(entry_ids)',
      [itemId, userId, Boolean(input.chief), entryIds && JSON.stringify(entryIds), principal.userId],
    );
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
   * Reads the item's scheme, panel, entries and the marks of submitted and locked sheets (drafts
   * too on request) through the caller's transaction: one consistent snapshot.
   */
  async itemMarks(manager: EntityManager, itemId: number, opts: { includeDrafts?: boolean } = {}): Promise<ItemMarks | null> {
    const [scoring] = await manager.query('SELECT scheme, score_version AS version FROM item_scoring WHERE item_id = ?', [itemId]);
    if (!scoring) return null;
    const judges: { userId: number }[] = await manager.query('SELECT user_id AS userId FROM judge_assignments WHERE item_id = ? ORDER BY id', [
      itemId,
    ]);
    const entries: { id: number }[] = await manager.query("SELECT id FROM entries WHERE item_id = ? AND status = 'approved' ORDER BY id", [itemId]);
    const rows: { entryId: number; judgeId: number; criterion: string; value: string }[] = await manager.query(
      `SELECT m.entry_id AS entryId, m.judge_id AS judgeId, m.criterion, m.value
         FROM marks m JOIN score_sheets s ON s.item_id = m.item_id AND s.judge_id = m.judge_id
        WHERE m.item_id = ?${opts.includeDrafts ? '' : " AND s.status <> 'draft'"}`,
      [itemId],
    );
    const cells = new Map<number, Map<string, Map<number, string>>>();
    for (const r of rows) {
      const byKey = cells.get(Number(r.entryId)) ?? new Map<string, Map<number, string>>();
      const byJudge = byKey.get(r.criterion) ?? new Map<number, string>();
      byJudge.set(Number(r.judgeId), r.value);
      byKey.set(r.criterion, byJudge);
      cells.set(Number(r.entryId), byKey);
    }
    return {
      scheme: parseJson(scoring.scheme),
      version: Number(scoring.version),
      judgeIds: judges.map((j) => Number(j.userId)),
      entryIds: entries.map((e) => Number(e.id)),
      cells,
    };
  }

  /** The event organisation's path: the tree the item's judges and organizers act in. */
  eventPath(organisationId: number): Promise<string> {
    return this.access.pathOf(organisationId);
  }

  /** The key a mark is for when the caller names none: the only criterion of a one-criterion panel. */
  onlyCriterion(scheme: SchemeConfig, field: string): string {
    if (scheme.kind === 'judge-panel' && scheme.criteria.length === 1) return scheme.criteria[0].key;
    throw new ScoringError('invalid', ScoringErrorCode.UnknownCriterion, `须指明 criterion：${cellSpecs(scheme).map((c) => c.key).join('、')}`, {
      field,
    });
  }

  private async seats(itemId: number): Promise<JudgeSeat[]> {
    const rows: { userId: number; realName: string; chief: number; entryIds: string | number[] | null }[] = await this.dataSource.query(
      'SELECT ja.user_id AS userId, u.real_name AS realName, ja.chief, ja.entry_ids AS entryIds FROM judge_assignments ja JOIN users u ON u.id = ja.user_id WHERE ja.item_id = ? ORDER BY ja.id',
      [itemId],
    );
    return rows.map((r, i) => ({
      seat: i + 1,
      userId: Number(r.userId),
      realName: r.realName,
      chief: Boolean(r.chief),
      entryIds: r.entryIds == null ? null : parseJson(r.entryIds as number[]),
    }));
  }

  /** Bumps the item's score version and writes the tally job for it, in the caller's transaction; returns the new version. */
  async enqueueTally(m: EntityManager, itemId: number): Promise<number> {
    const res = await m.query('UPDATE item_scoring SET score_version = score_version + 1 WHERE item_id = ?', [itemId]);
    if (!res.affectedRows) throw new ScoringError('conflict', ScoringErrorCode.NoScheme, `项目 ${itemId} 尚未设置计分方案`);
    const [{ version }] = await m.query('SELECT score_version AS version FROM item_scoring WHERE item_id = ?', [itemId]);
    await enqueue(m, 'tally.item', { itemId, version: Number(version) });
    return Number(version);
  }
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
