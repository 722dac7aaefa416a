import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { inTransaction, jsonColumn } from '@app/database';
import { enqueue, JobQueues } from '@app/queue';
import { ResultDirectory } from '@app/results';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AwardsError, AwardsErrorCode } from './awards-error';
import { allocateAwards, AwardsDomainError, type AwardRule, type RankedEntry } from './domain';

export interface AwardRulesView {
  eventId: number;
  /** 0: the event's rules, for every item without its own. */
  itemId: number;
  rules: AwardRule[];
  /** Where the rules an item uses come from: its own, the event's, or none. */
  source: 'item' | 'event' | 'none';
}

/** A field the rules are tried on when saved, so a broken rule is refused then, not when results are final. */
const PROBE: RankedEntry[] = [
  { entryId: '1', personIds: ['1'], place: 1, total: '100', status: 'OK' },
  { entryId: '2', personIds: ['2'], place: 2, total: '90', status: 'OK' },
  { entryId: '3', personIds: ['3'], place: 2, total: '90', status: 'OK' },
  { entryId: '4', personIds: ['4'], place: null, total: null, status: 'DNF' },
];

/** Award rules as data, per item or for a whole event; organizers of the event set them, anyone may read them. */
@Injectable()
export class AwardRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly queues: JobQueues,
    private readonly results: ResultDirectory,
  ) {}

  async set(principal: Principal, eventId: number, itemId: number, rules: AwardRule[]): Promise<AwardRulesView> {
    await this.events.assertManager(principal, eventId);
    if (itemId) await this.itemOf(eventId, itemId);
    try {
      allocateAwards(PROBE, rules);
    } catch (err) {
      if (!(err instanceof AwardsDomainError)) throw err;
      throw new AwardsError('invalid', AwardsErrorCode.InvalidRules, `评奖规则无效（rules）：${err.message}`, { field: 'rules', reason: err.code });
    }
    await this.dataSource.query(
      'INSERT INTO award_rule_sets (event_id, item_id, rules, updated_by) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE rules = VALUES(rules), updated_by = VALUES(updated_by)',
      [eventId, itemId, JSON.stringify(rules), principal.userId],
    );
    return this.get(eventId, itemId);
  }

  /** The rules an item is awarded by: its own, else its event's. */
  async get(eventId: number, itemId: number): Promise<AwardRulesView> {
    if (itemId) await this.itemOf(eventId, itemId);
    else await this.events.event(eventId);
    const rows: { itemId: number; rules: AwardRule[] | string }[] = await this.dataSource.query(
      'SELECT item_id AS itemId, rules FROM award_rule_sets WHERE event_id = ? AND item_id IN (0, ?) ORDER BY item_id DESC',
      [eventId, itemId],
    );
    const row = rows[0];
    return {
      eventId,
      itemId,
      rules: row ? jsonColumn<AwardRule[]>(row.rules) : [],
      source: !row ? 'none' : Number(row.itemId) === 0 ? 'event' : 'item',
    };
  }

  async eventOf(itemId: number): Promise<number> {
    return (await this.events.item(itemId)).item.eventId;
  }

  /** Organizers of the event: the award job again, for results that are final (new rules, say). */
  async requestGrant(principal: Principal, itemId: number): Promise<{ itemId: number; jobId: string }> {
    const eventId = await this.eventOf(itemId);
    await this.events.assertManager(principal, eventId);
    const payload = { itemId, run: Date.now() };
    await inTransaction(this.dataSource, async (m) => {
      if ((await this.results.publicationStatus(itemId, m)) !== 'FINAL') throw new AwardsError('conflict', AwardsErrorCode.NotFinal, `项目 ${itemId} 的成绩尚未最终确认，不能评奖`);
      await enqueue(m, 'awards.item', payload);
    });
    return { itemId, jobId: this.queues.jobId('awards.item', payload) };
  }

  private async itemOf(eventId: number, itemId: number): Promise<void> {
    const { item } = await this.events.item(itemId);
    if (item.eventId !== eventId) throw new AwardsError('not_found', AwardsErrorCode.ItemNotInEvent, `项目 ${itemId} 不属于赛事 ${eventId}`, { field: 'itemId' });
  }
}
