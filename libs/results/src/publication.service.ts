import { beijingIso, beijingTime } from '@app/common';
import { inTransaction, jsonColumn } from '@app/database';
import { EventsService } from '@app/events';
import { enqueue, notifyAudience, notifyPeople } from '@app/queue';
import { forbidden, type Principal } from '@app/identity';
import { EntryWorkflowService } from '@app/registration';
import { ScoreSheetsService, ScoringService } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type PublicationCommand, type PublicationState, transitionPublication } from './domain';
import { APPEAL_LIMITS, type AttachmentInput, checkAttachments, detectedType } from './appeal-files';
import { ResultsError, ResultsErrorCode } from './results-error';
import { ResultsSettingsService } from './results-settings.service';

export interface PublicationView {
  itemId: number;
  status: PublicationState['status'];
  noticeStartedAt: string | null;
  noticeEndsAt: string | null;
  finalizedAt: string | null;
  reopenCount: number;
  openAppeals: number;
}


export interface AppealView {
  id: number;
  itemId: number;
  entryId: number;
  realName: string;
  organisationName: string;
  filedBy: number;
  filedByName: string;
  filedAt: Date;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolvedBy: number | null;
  resolvedAt: Date | null;
  resolutionReason: string | null;
  attachments: { id: number; fileName: string; contentType: string; size: number }[];
}

export interface AuditView {
  id: number;
  action: string;
  appealId: number | null;
  by: number;
  byName: string;
  at: Date;
  reason: string | null;
  detail: unknown;
}

export interface CorrectedMark {
  judgeId: number;
  entryId: number;
  criterion?: string;
  value: string | null;
}

/**
 * Staged publication of an item's results (the rules are in domain/publication.ts):
 * provisional → public notice with appeals → final, frozen until an audited
 * reopening. Each step takes the item's publication row lock, runs the pure
 * transition, and writes the new state with its audit row in one transaction.
 */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly entries: EntryWorkflowService,
    private readonly scoring: ScoringService,
    private readonly sheets: ScoreSheetsService,
    private readonly settings: ResultsSettingsService,
  ) {}

  /** Public. */
  async get(itemId: number): Promise<PublicationView> {
    await this.events.item(itemId);
    return this.view(this.dataSource.manager, itemId);
  }

  /** Organizers of the event: provisional → public notice, for the event's notice period. */
  async publish(principal: Principal, itemId: number): Promise<PublicationView> {
    const eventId = await this.assertOrganizer(principal, itemId);
    const { noticeDays } = await this.settings.get(eventId);
    return this.step(principal, itemId, { type: 'PUBLISH_NOTICE', at: now(), noticeDays }, {}, async (m) => {
      // A notice opens the appeal window over the results: with none, there is nothing to appeal against.
      const [tallied] = await m.query('SELECT EXISTS(SELECT 1 FROM item_results WHERE item_id = ?) AS yes', [itemId]);
      if (!Number(tallied.yes)) {
        throw new ResultsError('conflict', ResultsErrorCode.NoResults, '该项目还没有任何成绩，不能进入公示', { field: null, itemId });
      }
      const [r] = await m.query(
        `SELECT i.name AS item, e.name AS event, p.notice_ends_at AS endsAt
           FROM event_items i JOIN events e ON e.id = i.event_id JOIN result_publications p ON p.item_id = i.id WHERE i.id = ?`,
        [itemId],
      );
      // Everyone with a place in the item hears of it, in the same transaction as the notice itself.
      await notifyAudience(m, 'results.published', { event: r.event, item: r.item, noticeEndsAt: beijingTime(r.endsAt) }, { kind: 'item-entrants', id: itemId, statuses: ['approved'] });
    });
  }

  /** Organizers: back to provisional during the notice (results must change); the reason is kept. */
  async retract(principal: Principal, itemId: number, reason: string): Promise<PublicationView> {
    await this.assertOrganizer(principal, itemId);
    return this.step(principal, itemId, { type: 'RETRACT', at: now(), reason }, { reason });
  }

  /** Organizers: once the notice has ended with every appeal decided. Marks are frozen from then on. */
  async finalize(principal: Principal, itemId: number): Promise<PublicationView> {
    await this.assertOrganizer(principal, itemId);
    return this.step(principal, itemId, { type: 'FINALIZE', at: now() }, {}, async (m) => {
      await this.scoring.setResultsFinal(m, itemId, true);
      // Final results earn their awards: the worker grants them by the item's award rules.
      await enqueue(m, 'awards.item', { itemId, run: Date.now() });
    });
  }

  /** Organizers: final results opened for correction, with a reason in the audit; a new notice must follow. */
  async reopen(principal: Principal, itemId: number, reason: string): Promise<PublicationView> {
    await this.assertOrganizer(principal, itemId);
    return this.step(principal, itemId, { type: 'REOPEN', at: now(), reason }, { reason }, (m) => this.scoring.setResultsFinal(m, itemId, false));
  }

  /** The contestant (or a team member) and delegation leaders over the entry, during the notice. */
  async fileAppeal(principal: Principal, itemId: number, input: { entryId: number; reason: string; attachments: AttachmentInput[] }): Promise<AppealView> {
    const entry = await this.entries.view(input.entryId).catch(() => null);
    if (!entry || entry.itemId !== itemId) {
      throw new ResultsError('unprocessable', ResultsErrorCode.EntryNotInItem, `报名记录 ${input.entryId} 不属于该项目`, { field: 'entryId' });
    }
    const own = entry.userId === principal.userId || entry.members?.some((mb) => mb.userId === principal.userId);
    if (!own) await this.entries.assertOverEntry(principal, entry, ['delegation_leader']);
    await checkAttachments(input.attachments);
    let appealId = 0;
    await inTransaction(this.dataSource, async (m) => {
      const state = await this.lock(m, itemId);
      await this.assertMayAppeal(m, input.entryId);
      const res = await m.query('INSERT INTO result_appeals (item_id, entry_id, filed_by, reason) VALUES (?, ?, ?, ?)', [itemId, input.entryId, principal.userId, input.reason]);
      appealId = Number(res.insertId);
      await this.apply(m, principal, itemId, state, { type: 'FILE_APPEAL', at: now(), appealId: String(appealId) }, { appealId, reason: input.reason });
      if (input.attachments.length) {
        await m.query('INSERT INTO appeal_attachments (appeal_id, file_name, content_type, size, content) VALUES ?', [
          input.attachments.map((a) => [appealId, a.fileName, a.contentType, a.content.length, a.content]),
        ]);
      }
    });
    return (await this.appealViews({ id: appealId }))[0];
  }

  /**
   * Organizers decide an appeal with a reason. Upholding it corrects the marks named, through the
   * audited mark-change path (the reason names the appeal), and the item is re-tallied; the
   * decision and the correction commit together or not at all.
   */
  async decide(principal: Principal, appealId: number, decision: 'uphold' | 'dismiss', reason: string, marks: CorrectedMark[] = [], round?: number): Promise<AppealView> {
    const appeal = await this.appeal(appealId);
    await this.assertOrganizer(principal, appeal.itemId);
    if (decision === 'uphold' && !marks.length) {
      throw new ResultsError('invalid', ResultsErrorCode.CorrectionRequired, '申诉成立须同时给出更正的成绩 marks', { field: 'marks' });
    }
    const correct = marks.length ? await this.sheets.prepareCorrection(principal, appeal.itemId, marks, `申诉 #${appealId} 成立：${reason}`, round) : undefined;
    const resolution = decision === 'uphold' ? 'UPHELD' : 'REJECTED';
    await inTransaction(this.dataSource, async (m) => {
      const state = await this.lock(m, appeal.itemId);
      await this.apply(m, principal, appeal.itemId, state, { type: 'RESOLVE_APPEAL', at: now(), appealId: String(appealId), resolution }, {
        appealId,
        reason,
        action: decision === 'uphold' ? 'UPHOLD_APPEAL' : 'DISMISS_APPEAL',
        detail: marks.length ? { marks } : undefined,
      });
      if (correct) await correct(m);
      await m.query('UPDATE result_appeals SET status = ?, resolved_by = ?, resolved_at = NOW(3), resolution_reason = ? WHERE id = ?', [
        decision === 'uphold' ? 'upheld' : 'dismissed',
        principal.userId,
        reason,
        appealId,
      ]);
      const [r] = await m.query('SELECT i.name AS item, e.name AS event FROM event_items i JOIN events e ON e.id = i.event_id WHERE i.id = ?', [appeal.itemId]);
      await notifyPeople(m, 'appeal.decided', { event: r.event, item: r.item, decision: decision === 'uphold' ? '申诉成立 (upheld)' : '申诉不成立 (dismissed)', reason }, [
        { userId: appeal.filedBy, ref: `appeal-${appealId}-decided` },
      ]);
    });
    return (await this.appealViews({ id: appealId }))[0];
  }

  /** Organizers see every appeal of the item; anyone else the appeals they filed. */
  async appeals(principal: Principal, itemId: number): Promise<AppealView[]> {
    const organizer = await this.isOrganizer(principal, itemId);
    return this.appealViews(organizer ? { itemId } : { itemId, filedBy: principal.userId });
  }

  /** The file itself: organizers of the event and the person who filed the appeal. */
  async attachment(principal: Principal, appealId: number, attachmentId: number): Promise<AttachmentInput> {
    const appeal = await this.appeal(appealId);
    if (appeal.filedBy !== principal.userId && !(await this.isOrganizer(principal, appeal.itemId))) throw forbidden();
    const [row] = await this.dataSource.query(
      'SELECT file_name AS fileName, content_type AS contentType, content FROM appeal_attachments WHERE id = ? AND appeal_id = ?',
      [attachmentId, appealId],
    );
    if (!row) throw new ResultsError('not_found', ResultsErrorCode.AttachmentNotFound, `附件不存在：${attachmentId}`);
    // Served as what the bytes are (a file stored before types were checked included), else as opaque bytes.
    return { ...row, contentType: (await detectedType(row.content)) ?? 'application/octet-stream' };
  }

  /** One undecided appeal per entry at a time, and APPEAL_LIMITS.maxAppealsPerEntry in all; runs under the item's publication lock. */
  private async assertMayAppeal(m: EntityManager, entryId: number): Promise<void> {
    const [row] = await m.query("SELECT COUNT(*) AS total, COALESCE(SUM(status = 'open'), 0) AS open FROM result_appeals WHERE entry_id = ?", [entryId]);
    if (Number(row.open) > 0) {
      throw new ResultsError('conflict', ResultsErrorCode.AppealAlreadyOpen, '该成绩已有一项申诉尚未处理，请等待处理结果', { field: 'entryId', entryId });
    }
    const max = APPEAL_LIMITS.maxAppealsPerEntry;
    if (Number(row.total) >= max) {
      throw new ResultsError('conflict', ResultsErrorCode.TooManyAppeals, `每项成绩最多申诉 ${max} 次`, { field: 'entryId', entryId, maxAppeals: max });
    }
  }

  /** Organizers: every publication step and appeal decision of the item, oldest first, with who, when and why. */
  async audit(principal: Principal, itemId: number): Promise<AuditView[]> {
    await this.assertOrganizer(principal, itemId);
    const rows: AuditView[] = await this.dataSource.query(
      'SELECT a.id, a.action, a.appeal_id AS appealId, a.by, u.real_name AS byName, a.at, a.reason, a.detail ' +
        'FROM result_audit a JOIN users u ON u.id = a.by WHERE a.item_id = ? ORDER BY a.id',
      [itemId],
    );
    return rows.map((r) => ({ ...r, detail: jsonColumn(r.detail) }));
  }

  private async step(
    principal: Principal,
    itemId: number,
    command: PublicationCommand,
    audit: { reason?: string } = {},
    alongside?: (m: EntityManager) => Promise<void>,
  ): Promise<PublicationView> {
    return inTransaction(this.dataSource, async (m) => {
      const state = await this.lock(m, itemId);
      await this.apply(m, principal, itemId, state, command, audit);
      if (alongside) await alongside(m);
      return this.view(m, itemId);
    });
  }

  /** Runs the pure transition; a refusal becomes a 409/422 naming the rule. Writes the state and the audit row. */
  private async apply(
    m: EntityManager,
    principal: Principal,
    itemId: number,
    state: PublicationState,
    command: PublicationCommand,
    audit: { appealId?: number; reason?: string; action?: string; detail?: unknown },
  ): Promise<void> {
    const res = transitionPublication(state, command);
    if (!res.ok) {
      const kind = res.error.code === 'REASON_REQUIRED' || res.error.code === 'INVALID_NOTICE_PERIOD' ? 'invalid' : 'conflict';
      throw new ResultsError(kind, `${ResultsErrorCode.Publication}${res.error.code}`, res.error.message, { status: state.status });
    }
    const next = res.value;
    await m.query(
      'UPDATE result_publications SET status = ?, notice_started_at = ?, notice_ends_at = ?, finalized_at = ?, reopen_count = ? WHERE item_id = ?',
      [next.status, toDate(next.noticeStartedAt), toDate(next.noticeEndsAt), toDate(next.finalizedAt), next.reopenCount, itemId],
    );
    await m.query('INSERT INTO result_audit (item_id, action, appeal_id, `by`, reason, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      itemId,
      audit.action ?? command.type,
      audit.appealId ?? null,
      principal.userId,
      audit.reason ?? null,
      JSON.stringify({ from: state.status, to: next.status, ...(audit.detail ? (audit.detail as object) : {}) }),
    ]);
  }

  /** The item's publication state, its row locked; appeals are those of the current notice. */
  private async lock(m: EntityManager, itemId: number): Promise<PublicationState> {
    await m.query('INSERT IGNORE INTO result_publications (item_id) VALUES (?)', [itemId]);
    const [row] = await m.query(
      'SELECT status, notice_started_at AS noticeStartedAt, notice_ends_at AS noticeEndsAt, finalized_at AS finalizedAt, reopen_count AS reopenCount ' +
        'FROM result_publications WHERE item_id = ? FOR UPDATE',
      [itemId],
    );
    const appeals: { id: number; filedAt: Date; status: string }[] = row.noticeStartedAt
      ? await m.query('SELECT id, filed_at AS filedAt, status FROM result_appeals WHERE item_id = ? AND filed_at >= ?', [itemId, row.noticeStartedAt])
      : [];
    return {
      status: row.status,
      noticeStartedAt: row.noticeStartedAt?.toISOString(),
      noticeEndsAt: row.noticeEndsAt?.toISOString(),
      finalizedAt: row.finalizedAt?.toISOString(),
      reopenCount: Number(row.reopenCount),
      appeals: appeals.map((a) => ({
        appealId: String(a.id),
        filedAt: a.filedAt.toISOString(),
        ...(a.status === 'open' ? {} : { resolution: a.status === 'upheld' ? ('UPHELD' as const) : ('REJECTED' as const) }),
      })),
    };
  }

  private async view(m: EntityManager, itemId: number): Promise<PublicationView> {
    const [row] = await m.query(
      'SELECT p.status, p.notice_started_at AS noticeStartedAt, p.notice_ends_at AS noticeEndsAt, p.finalized_at AS finalizedAt, p.reopen_count AS reopenCount, ' +
        "(SELECT COUNT(*) FROM result_appeals a WHERE a.item_id = p.item_id AND a.status = 'open') AS openAppeals FROM result_publications p WHERE p.item_id = ?",
      [itemId],
    );
    return {
      itemId,
      status: row?.status ?? 'PROVISIONAL',
      // Shown to contestants (appeals until when): ISO 8601 with the Beijing offset.
      noticeStartedAt: beijingIso(row?.noticeStartedAt),
      noticeEndsAt: beijingIso(row?.noticeEndsAt),
      finalizedAt: beijingIso(row?.finalizedAt),
      reopenCount: Number(row?.reopenCount ?? 0),
      openAppeals: Number(row?.openAppeals ?? 0),
    };
  }

  private async appeal(appealId: number): Promise<{ itemId: number; filedBy: number }> {
    const [row] = await this.dataSource.query('SELECT item_id AS itemId, filed_by AS filedBy FROM result_appeals WHERE id = ?', [appealId]);
    if (!row) throw new ResultsError('not_found', ResultsErrorCode.AppealNotFound, `申诉不存在：${appealId}`);
    return { itemId: Number(row.itemId), filedBy: Number(row.filedBy) };
  }

  private async appealViews(f: { id?: number; itemId?: number; filedBy?: number }): Promise<AppealView[]> {
    const where: string[] = [];
    const params: number[] = [];
    for (const [col, v] of [['a.id', f.id], ['a.item_id', f.itemId], ['a.filed_by', f.filedBy]] as const) {
      if (v === undefined) continue;
      where.push(`${col} = ?`);
      params.push(v);
    }
    const rows: (Omit<AppealView, 'attachments'> & { attachments: AppealView['attachments'] | string | null })[] = await this.dataSource.query(
      'SELECT a.id, a.item_id AS itemId, a.entry_id AS entryId, u.real_name AS realName, o.name AS organisationName, a.filed_by AS filedBy, ' +
        'f.real_name AS filedByName, a.filed_at AS filedAt, a.reason, a.status, a.resolved_by AS resolvedBy, a.resolved_at AS resolvedAt, ' +
        'a.resolution_reason AS resolutionReason, ' +
        "(SELECT JSON_ARRAYAGG(JSON_OBJECT('id', t.id, 'fileName', t.file_name, 'contentType', t.content_type, 'size', t.size)) FROM appeal_attachments t WHERE t.appeal_id = a.id) AS attachments " +
        'FROM result_appeals a JOIN entries e ON e.id = a.entry_id JOIN users u ON u.id = e.user_id JOIN organisations o ON o.id = e.organisation_id ' +
        `JOIN users f ON f.id = a.filed_by WHERE ${where.join(' AND ')} ORDER BY a.id`,
      params,
    );
    return rows.map((r) => ({ ...r, attachments: r.attachments ? jsonColumn(r.attachments) : [] }));
  }

  private async assertOrganizer(principal: Principal, itemId: number): Promise<number> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    return event.id;
  }

  private async isOrganizer(principal: Principal, itemId: number): Promise<boolean> {
    const { event } = await this.events.item(itemId);
    return this.events.manages(principal, event);
  }
}

function now(): string {
  return new Date().toISOString();
}

function toDate(iso: string | undefined): Date | null {
  return iso ? new Date(iso) : null;
}
