import { EventsService } from '@app/events';
import { PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SheetKey } from './sheet-access';

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

/** One changed cell of a submitted sheet: what it held and what it holds now (null: no mark). */
export interface CellChange {
  entryId: number;
  criterion: string;
  before: string | null;
  after: string | null;
}

/** Keeps who changed a submitted mark, when, from what to what, and why. */
export async function recordMarkChanges(m: EntityManager, key: SheetKey, changes: CellChange[], audit: { reason: string; by: number }): Promise<void> {
  if (!changes.length) return;
  await m.query('INSERT INTO mark_changes (item_id, round_id, entry_id, judge_id, criterion, before_value, after_value, reason, changed_by) VALUES ?', [
    changes.map((c) => [key.itemId, key.roundId, c.entryId, key.judgeId, c.criterion, c.before, c.after, audit.reason, audit.by]),
  ]);
}

/** The audit trail of an item's submitted marks. */
@Injectable()
export class MarkChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly directory: PeopleDirectory,
  ) {}

  /** Every change to a submitted mark of the item, oldest first: organizers of the event. */
  async changes(principal: Principal, itemId: number): Promise<MarkChangeView[]> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    const rows: Omit<MarkChangeView, 'changedByName'>[] = await this.dataSource.query(
      `SELECT id, round_id AS roundId, entry_id AS entryId, judge_id AS judgeId, criterion, before_value AS \`before\`, after_value AS \`after\`,
              reason, changed_by AS changedBy, changed_at AS changedAt
         FROM mark_changes WHERE item_id = ? ORDER BY id`,
      [itemId],
    );
    const people = await this.directory.people(rows.map((r) => r.changedBy));
    return rows.map((r) => ({
      id: Number(r.id),
      roundId: Number(r.roundId),
      entryId: Number(r.entryId),
      judgeId: Number(r.judgeId),
      criterion: r.criterion,
      before: r.before,
      after: r.after,
      reason: r.reason,
      changedBy: Number(r.changedBy),
      changedByName: people.get(Number(r.changedBy))?.realName ?? '',
      changedAt: r.changedAt,
    }));
  }
}
