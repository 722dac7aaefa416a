import { jsonColumn } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, coversPath, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SheetStatus } from './score-sheet.entity';
import { ScoringError, ScoringErrorCode } from './scoring-error';
import { ScoringService } from './scoring.service';

/** Which sheet: one judge's, for one item and round (0 when the item has no rounds). */
export interface SheetKey {
  itemId: number;
  roundId: number;
  judgeId: number;
}

/** The judge's seat on the panel: chief or not, and the contestants it scores (null: all). */
export interface Seat {
  chief: boolean;
  entryIds: number[] | null;
}

export type Standing = 'judge' | 'chief' | 'organizer';

export interface SheetStanding {
  key: SheetKey;
  standing: Standing;
  seat: Seat;
  /** the caller's own organisations below the event's: scoring one of their people is a conflict of interest */
  ownOrgPaths: string[];
  conflictRule: 'warn' | 'block';
}

/** Who may read or write a score sheet, and the sheet's lock. */
@Injectable()
export class SheetAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly scoring: ScoringService,
  ) {}

  /**
   * Who the caller is to this sheet: the judge on it, the item's chief judge, or an organizer
   * of the event; anyone else is refused. A seat counts only for the rounds it covers. With it,
   * the event's conflict-of-interest rule. Writes to a round already closed by qualification
   * are refused: the next round was drawn from its results.
   */
  async standing(principal: Principal, itemId: number, judgeId: number, round: number | undefined, intent: 'read' | 'write' = 'read'): Promise<SheetStanding> {
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
    const ownOrgPaths = principal.roles.map((r) => r.path).filter((p) => p.startsWith(eventPath) && p !== eventPath);
    return { key: { itemId, roundId, judgeId }, standing, seat: { chief: Boolean(seat.chief), entryIds: jsonColumn(seat.entryIds) }, ownOrgPaths, conflictRule: event.conflictOfInterest };
  }
}

/** Creates the sheet on first use, locks it, and checks the caller saw its latest version (null: take the current one). */
export async function lockSheet(m: EntityManager, key: SheetKey, version: number | null): Promise<{ id: number; status: SheetStatus }> {
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
