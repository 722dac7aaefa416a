import { inTransaction } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, type Principal, UsersService } from '@app/identity';
import { enqueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { checkMark, type MarkRange, type SchemeConfig, ScoringInputError, validateSchemeConfig } from './domain';
import { ScoringError, ScoringErrorCode } from './scoring-error';

export interface JudgeSeat {
  seat: number;
  userId: number;
  realName: string;
}

export interface SubmittedMark {
  entryId: number;
  judgeId: number;
  criterion: string;
  value: string;
  scoreVersion: number;
}

/** Everything a tally needs about one item, read in the tally's own transaction. */
export interface ItemMarks {
  scheme: SchemeConfig;
  version: number;
  judgeIds: number[];
  entryIds: number[];
  /** entry id → criterion → judge id → mark text */
  marks: Map<number, Map<string, Map<number, string>>>;
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

  /** Organizers put a judge on the panel; the person must hold the judge role within the event's organisation tree. */
  async assignJudge(principal: Principal, itemId: number, userId: number): Promise<JudgeSeat[]> {
    const { event } = await this.events.item(itemId);
    const eventPath = await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    const judge = await this.users.view(userId);
    const qualified = judge.roles.some((r) => r.role === 'judge' && (eventPath.startsWith(r.path) || r.path.startsWith(eventPath)));
    if (!qualified) {
      throw new ScoringError('unprocessable', ScoringErrorCode.NotAJudge, `${judge.realName}不是本赛事组织范围内的裁判`, { field: 'userId' });
    }
    await this.dataSource.query('INSERT IGNORE INTO judge_assignments (item_id, user_id, assigned_by) VALUES (?, ?, ?)', [
      itemId,
      userId,
      principal.userId,
    ]);
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
   * A judge on the panel records a mark. The mark, the item's new score version
   * and the tally job commit together, so a mark is never left untallied.
   */
  async submitMark(principal: Principal, itemId: number, input: { entryId: number; value: string; criterion?: string }): Promise<SubmittedMark> {
    const scheme = await this.schemeOf(itemId);
    const [assigned] = await this.dataSource.query('SELECT 1 AS ok FROM judge_assignments WHERE item_id = ? AND user_id = ?', [
      itemId,
      principal.userId,
    ]);
    if (!assigned) throw new ScoringError('forbidden', ScoringErrorCode.NotAssigned, '您不是该项目的评委，不能评分');

    const { key, range } = criterionOf(scheme, input.criterion);
    let value: string;
    try {
      value = range ? checkMark(input.value, 'value', range).toFixed() : input.value;
    } catch (err) {
      if (err instanceof ScoringInputError) {
        throw new ScoringError('invalid', ScoringErrorCode.InvalidMark, err.message, { field: 'value', reason: err.code });
      }
      throw err;
    }
    const [entry] = await this.dataSource.query("SELECT 1 AS ok FROM entries WHERE id = ? AND item_id = ? AND status = 'approved'", [
      input.entryId,
      itemId,
    ]);
    if (!entry) {
      throw new ScoringError('unprocessable', ScoringErrorCode.EntryNotInItem, `报名记录 ${input.entryId} 不是该项目的有效参赛者`, {
        field: 'entryId',
      });
    }
    const scoreVersion = await inTransaction(this.dataSource, async (m) => {
      await m.query(
        'INSERT INTO marks (item_id, entry_id, judge_id, criterion, value) VALUES (?, ?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE value = VALUES(value)',
        [itemId, input.entryId, principal.userId, key, value],
      );
      return this.enqueueTally(m, itemId);
    });
    return { entryId: input.entryId, judgeId: principal.userId, criterion: key, value, scoreVersion };
  }

  /** Reads the item's scheme, panel, entries and marks through the caller's transaction (one consistent snapshot). */
  async itemMarks(manager: EntityManager, itemId: number): Promise<ItemMarks | null> {
    const [scoring] = await manager.query('SELECT scheme, score_version AS version FROM item_scoring WHERE item_id = ?', [itemId]);
    if (!scoring) return null;
    const judges: { userId: number }[] = await manager.query('SELECT user_id AS userId FROM judge_assignments WHERE item_id = ? ORDER BY id', [
      itemId,
    ]);
    const entries: { id: number }[] = await manager.query("SELECT id FROM entries WHERE item_id = ? AND status = 'approved' ORDER BY id", [itemId]);
    const rows: { entryId: number; judgeId: number; criterion: string; value: string }[] = await manager.query(
      'SELECT entry_id AS entryId, judge_id AS judgeId, criterion, value FROM marks WHERE item_id = ?',
      [itemId],
    );
    const marks = new Map<number, Map<string, Map<number, string>>>();
    for (const r of rows) {
      const byCriterion = marks.get(r.entryId) ?? new Map<string, Map<number, string>>();
      const byJudge = byCriterion.get(r.criterion) ?? new Map<number, string>();
      byJudge.set(r.judgeId, r.value);
      byCriterion.set(r.criterion, byJudge);
      marks.set(r.entryId, byCriterion);
    }
    return {
      scheme: parseJson(scoring.scheme),
      version: Number(scoring.version),
      judgeIds: judges.map((j) => Number(j.userId)),
      entryIds: entries.map((e) => Number(e.id)),
      marks,
    };
  }

  private async seats(itemId: number): Promise<JudgeSeat[]> {
    const rows: { userId: number; realName: string }[] = await this.dataSource.query(
      'SELECT ja.user_id AS userId, u.real_name AS realName FROM judge_assignments ja JOIN users u ON u.id = ja.user_id WHERE ja.item_id = ? ORDER BY ja.id',
      [itemId],
    );
    return rows.map((r, i) => ({ seat: i + 1, userId: Number(r.userId), realName: r.realName }));
  }

  /** Bumps the item's score version and writes the tally job for it; returns the new version. */
  private async enqueueTally(m: EntityManager, itemId: number): Promise<number> {
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

/** The criterion a mark is for (the only one when the scheme has one) and its allowed range. */
function criterionOf(scheme: SchemeConfig, requested?: string): { key: string; range?: MarkRange } {
  if (scheme.kind !== 'judge-panel') {
    throw new ScoringError('conflict', ScoringErrorCode.KindNotEnterable, `计分方式「${scheme.kind}」暂不支持逐评委录入分数`, { kind: scheme.kind });
  }
  const criteria = scheme.criteria;
  const criterion = requested ? criteria.find((c) => c.key === requested) : criteria.length === 1 ? criteria[0] : undefined;
  if (!criterion) {
    throw new ScoringError('invalid', ScoringErrorCode.UnknownCriterion, `criterion 必须是以下之一：${criteria.map((c) => c.key).join('、')}`, {
      field: 'criterion',
    });
  }
  return { key: criterion.key, range: criterion.marks ?? scheme.marks };
}

