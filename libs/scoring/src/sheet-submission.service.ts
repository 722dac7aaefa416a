import { inTransaction } from '@app/database';
import { forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { blockingProblems, type SchemeConfig, ScoringInputError } from './domain';
import { ScoringError, ScoringErrorCode } from './scoring-error';
import { ScoringService } from './scoring.service';
import { lockSheet, SheetAccess, type SheetKey } from './sheet-access';
import { type SheetView, SheetViews } from './sheet-views';

/**
 * A sheet's hand-in and lock: the judge submits their sheet, from when on it counts in the
 * results and changes only through the chief judge or an organizer; the chief judge locks it.
 */
@Injectable()
export class SheetSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoring: ScoringService,
    private readonly access: SheetAccess,
    private readonly views: SheetViews,
  ) {}

  /** The judge hands in their sheet; refused while a rule of the scheme blocks it (a WorldSkills judgement gap). */
  async submit(principal: Principal, itemId: number, judgeId: number, version: number, round?: number): Promise<SheetView> {
    const { key, standing, seat } = await this.access.standing(principal, itemId, judgeId, round, 'write');
    if (standing !== 'judge') throw forbidden('只有评委本人可以提交自己的评分表');
    const scheme = await this.scoring.schemeOf(itemId);
    return inTransaction(this.dataSource, async (m) => {
      const sheet = await lockSheet(m, key, version);
      if (sheet.status !== 'draft') throw new ScoringError('conflict', ScoringErrorCode.SheetSubmitted, '评分表已提交', { status: sheet.status });
      const problems = await this.problems(m, key, scheme);
      if (problems.length) {
        throw new ScoringError('unprocessable', ScoringErrorCode.SheetBlocked, `评分表不能提交：${problems.map((p) => p.message).join('；')}`,
          problems.map((p) => p.toJSON()),
        );
      }
      await m.query("UPDATE score_sheets SET status = 'submitted', submitted_at = NOW(3), version = version + 1 WHERE id = ?", [sheet.id]);
      await this.scoring.enqueueTally(m, itemId);
      return this.views.view(m, key, seat, []);
    });
  }

  /** The chief judge (or an organizer) locks a submitted sheet. */
  async lock(principal: Principal, itemId: number, judgeId: number, version: number, round?: number): Promise<SheetView> {
    const { key, standing, seat } = await this.access.standing(principal, itemId, judgeId, round);
    if (standing === 'judge') throw forbidden('只有裁判长或组织者可以锁定评分表');
    return inTransaction(this.dataSource, async (m) => {
      const sheet = await lockSheet(m, key, version);
      if (sheet.status !== 'submitted') {
        throw new ScoringError('conflict', ScoringErrorCode.SheetNotSubmitted, '只有已提交的评分表可以锁定', { status: sheet.status });
      }
      await m.query("UPDATE score_sheets SET status = 'locked', locked_at = NOW(3), locked_by = ?, version = version + 1 WHERE id = ?", [
        principal.userId,
        sheet.id,
      ]);
      return this.views.view(m, key, seat, []);
    });
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
