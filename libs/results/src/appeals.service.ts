import { inTransaction, jsonColumn } from '@app/database';
import { forbidden, PeopleDirectory, type Principal } from '@app/identity';
import { EntryDirectory, EntryWorkflowService } from '@app/registration';
import { ScoreSheetsService } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APPEAL_LIMITS, type AttachmentInput, checkAttachments, readAttachment, storeAttachments } from './appeal-files';
import { nowIso, PublicationLedger } from './publication-ledger';
import { PublicationNotices } from './publication-notices';
import { type CorrectionMark, type CorrectionProblem, planCorrection } from './domain/appeal-correction';
import { ResultsError, ResultsErrorCode } from './results-error';

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

export type CorrectedMark = CorrectionMark;

/** What an upheld appeal changes: marks of the appealed entry, and/or its reinstatement. */
export interface Correction {
  marks?: CorrectedMark[];
  /** Reverse the entry's disqualification (DNS/DNF/DQ status) and penalties. */
  reinstate?: boolean;
  /** the round of the marks, for an item run in rounds */
  round?: number;
}

type StoredAppeal = Omit<AppealView, 'realName' | 'organisationName' | 'filedByName' | 'attachments'> & { attachments: AppealView['attachments'] | string | null };

/**
 * Appeals against an item's results during its public notice: filed with evidence by the contestant
 * or a leader over the entry, decided by organizers with a reason. Each moves the item's
 * publication state (PublicationLedger) in the same transaction as the appeal itself.
 */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: PublicationLedger,
    private readonly notices: PublicationNotices,
    private readonly workflow: EntryWorkflowService,
    private readonly entries: EntryDirectory,
    private readonly directory: PeopleDirectory,
    private readonly sheets: ScoreSheetsService,
  ) {}

  /** The contestant (or a team member) and delegation leaders over the entry, during the notice. */
  async fileAppeal(principal: Principal, itemId: number, input: { entryId: number; reason: string; attachments: AttachmentInput[] }): Promise<AppealView> {
    const entry = await this.workflow.view(input.entryId).catch(() => null);
    if (!entry || entry.itemId !== itemId) {
      throw new ResultsError('unprocessable', ResultsErrorCode.EntryNotInItem, `报名记录 ${input.entryId} 不属于该项目`, { field: 'entryId' });
    }
    const own = entry.userId === principal.userId || entry.members?.some((mb) => mb.userId === principal.userId);
    if (!own) await this.workflow.assertOverEntry(principal, entry, ['delegation_leader']);
    await checkAttachments(input.attachments);
    let appealId = 0;
    await inTransaction(this.dataSource, async (m) => {
      const state = await this.ledger.lock(m, itemId);
      await this.assertMayAppeal(m, input.entryId);
      const res = await m.query('INSERT INTO result_appeals (item_id, entry_id, filed_by, reason) VALUES (?, ?, ?, ?)', [itemId, input.entryId, principal.userId, input.reason]);
      appealId = Number(res.insertId);
      await this.ledger.apply(m, principal, itemId, state, { type: 'FILE_APPEAL', at: nowIso(), appealId: String(appealId) }, { appealId, reason: input.reason });
      await storeAttachments(m, appealId, input.attachments);
    });
    return (await this.appealViews({ id: appealId }))[0];
  }

  /**
   * Organizers decide an appeal with a reason. Upholding it writes what the jury decided about the
   * appealed entry (planCorrection): corrected marks of several judges and criteria, and/or the
   * entry reinstated (a DNS/DNF/DQ status or a penalty reversed), through the audited mark-change
   * path (the reason names the appeal); the item is re-tallied. The decision and the corrections
   * commit together or not at all.
   */
  async decide(principal: Principal, appealId: number, decision: 'uphold' | 'dismiss', reason: string, correction: Correction = {}): Promise<AppealView> {
    const appeal = await this.appeal(appealId);
    await this.ledger.assertOrganizer(principal, appeal.itemId);
    let marks: CorrectedMark[] = [];
    if (decision === 'uphold') {
      const standing = correction.reinstate ? await this.sheets.standingCells(appeal.itemId, appeal.entryId, correction.round) : null;
      const plan = planCorrection(appeal.entryId, correction.marks ?? [], standing && { standing });
      if (!plan.ok) throw correctionRefused(plan.problem, appeal.entryId);
      marks = plan.marks;
    }
    const correct = marks.length ? await this.sheets.prepareCorrection(principal, appeal.itemId, marks, `申诉 #${appealId} 成立：${reason}`, correction.round) : undefined;
    const resolution = decision === 'uphold' ? 'UPHELD' : 'REJECTED';
    await inTransaction(this.dataSource, async (m) => {
      const state = await this.ledger.lock(m, appeal.itemId);
      await this.ledger.apply(m, principal, appeal.itemId, state, { type: 'RESOLVE_APPEAL', at: nowIso(), appealId: String(appealId), resolution }, {
        appealId,
        reason,
        action: decision === 'uphold' ? 'UPHOLD_APPEAL' : 'DISMISS_APPEAL',
        detail: marks.length ? { marks, ...(correction.reinstate ? { reinstated: true } : {}) } : undefined,
      });
      if (correct) await correct(m);
      await m.query('UPDATE result_appeals SET status = ?, resolved_by = ?, resolved_at = NOW(3), resolution_reason = ? WHERE id = ?', [
        decision === 'uphold' ? 'upheld' : 'dismissed',
        principal.userId,
        reason,
        appealId,
      ]);
      await this.notices.appealDecided(m, appeal.itemId, { id: appealId, filedBy: appeal.filedBy }, decision === 'uphold', reason);
    });
    return (await this.appealViews({ id: appealId }))[0];
  }

  /** Organizers see every appeal of the item; anyone else the appeals they filed. */
  async appeals(principal: Principal, itemId: number): Promise<AppealView[]> {
    const organizer = await this.ledger.isOrganizer(principal, itemId);
    return this.appealViews(organizer ? { itemId } : { itemId, filedBy: principal.userId });
  }

  /** The file itself: organizers of the event and the person who filed the appeal. */
  async attachment(principal: Principal, appealId: number, attachmentId: number): Promise<AttachmentInput> {
    const appeal = await this.appeal(appealId);
    if (appeal.filedBy !== principal.userId && !(await this.ledger.isOrganizer(principal, appeal.itemId))) throw forbidden();
    return readAttachment(this.dataSource, appealId, attachmentId);
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

  private async appeal(appealId: number): Promise<{ itemId: number; entryId: number; filedBy: number }> {
    const [row] = await this.dataSource.query('SELECT item_id AS itemId, entry_id AS entryId, filed_by AS filedBy FROM result_appeals WHERE id = ?', [appealId]);
    if (!row) throw new ResultsError('not_found', ResultsErrorCode.AppealNotFound, `申诉不存在：${appealId}`);
    return { itemId: Number(row.itemId), entryId: Number(row.entryId), filedBy: Number(row.filedBy) };
  }

  /** Appeals with the entrant's and the filer's names, their delegation and their files (not the bytes). */
  private async appealViews(f: { id?: number; itemId?: number; filedBy?: number }): Promise<AppealView[]> {
    const where: string[] = [];
    const params: number[] = [];
    for (const [col, v] of [['a.id', f.id], ['a.item_id', f.itemId], ['a.filed_by', f.filedBy]] as const) {
      if (v === undefined) continue;
      where.push(`${col} = ?`);
      params.push(v);
    }
    const rows: StoredAppeal[] = await this.dataSource.query(
      'SELECT a.id, a.item_id AS itemId, a.entry_id AS entryId, a.filed_by AS filedBy, a.filed_at AS filedAt, a.reason, a.status, a.resolved_by AS resolvedBy, ' +
        'a.resolved_at AS resolvedAt, a.resolution_reason AS resolutionReason, ' +
        "(SELECT JSON_ARRAYAGG(JSON_OBJECT('id', t.id, 'fileName', t.file_name, 'contentType', t.content_type, 'size', t.size)) FROM appeal_attachments t WHERE t.appeal_id = a.id) AS attachments " +
        `FROM result_appeals a WHERE ${where.join(' AND ')} ORDER BY a.id`,
      params,
    );
    const [labels, filers] = await Promise.all([this.entries.labels(rows.map((r) => Number(r.entryId))), this.directory.people(rows.map((r) => Number(r.filedBy)))]);
    return rows.flatMap((r) => {
      const label = labels.get(Number(r.entryId));
      const filer = filers.get(Number(r.filedBy));
      // Entries and people are never deleted; should one be missing, its appeal is left out rather than shown half.
      if (!label || !filer) return [];
      return [
        {
          id: r.id,
          itemId: r.itemId,
          entryId: r.entryId,
          realName: label.realName,
          organisationName: label.organisationName,
          filedBy: r.filedBy,
          filedByName: filer.realName,
          filedAt: r.filedAt,
          reason: r.reason,
          status: r.status,
          resolvedBy: r.resolvedBy,
          resolvedAt: r.resolvedAt,
          resolutionReason: r.resolutionReason,
          attachments: r.attachments ? jsonColumn(r.attachments) : [],
        },
      ];
    });
  }
}

function correctionRefused(problem: CorrectionProblem, entryId: number): ResultsError {
  switch (problem.code) {
    case 'required':
      return new ResultsError('invalid', ResultsErrorCode.CorrectionRequired, '申诉成立须同时给出更正的成绩 marks，或恢复该选手的成绩 reinstate', { field: 'marks' });
    case 'otherEntry':
      return new ResultsError('invalid', ResultsErrorCode.CorrectionOtherEntry, `申诉只能更正被申诉的报名记录 ${entryId} 的成绩`, { field: `marks[${problem.index}].entryId` });
    case 'twice':
      return new ResultsError('invalid', ResultsErrorCode.CorrectionTwice, '同一评委的同一评分项只能更正一次', { field: `marks[${problem.index}]` });
    case 'nothingToReinstate':
      return new ResultsError('conflict', ResultsErrorCode.NothingToReinstate, '该选手没有被取消资格或处罚，无需恢复', { field: 'reinstate' });
  }
}
