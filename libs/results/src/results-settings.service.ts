import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { EntryDirectory, EntryWorkflowService } from '@app/registration';
import { RoundDirectory, ScoringService } from '@app/scoring';
import { inTransaction, jsonColumn } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type MedalOrdering, type PlacingPointsTable, ResultsDomainError, WORKERS_GAMES_POINTS, allocatePlacingPoints, buildMedalTable, DEFAULT_NOTICE_DAYS } from './domain';
import { ResultsError, ResultsErrorCode } from './results-error';

export interface ResultsSettings {
  pointsIndividual: string[];
  pointsRelay: string[];
  medalOrder: 'gold-first' | 'weighted';
  medalWeights: { gold: string; silver: string; bronze: string } | null;
  noticeDays: number;
  frozenAt: Date | null;
}

export interface ItemRecords {
  itemId: number;
  meetRecord: string | null;
  meetHolder: string | null;
  allTimeRecord: string | null;
  allTimeHolder: string | null;
}

const DEFAULTS: ResultsSettings = {
  pointsIndividual: WORKERS_GAMES_POINTS.individual.map(String),
  pointsRelay: WORKERS_GAMES_POINTS.relay.map(String),
  medalOrder: 'gold-first',
  medalWeights: null,
  noticeDays: DEFAULT_NOTICE_DAYS,
  frozenAt: null,
};

export const placingTable = (s: ResultsSettings): PlacingPointsTable => ({ individual: s.pointsIndividual, relay: s.pointsRelay });
export const medalOrdering = (s: ResultsSettings): MedalOrdering =>
  s.medalOrder === 'weighted' ? { mode: 'weighted', ...(s.medalWeights ? { weights: s.medalWeights } : {}) } : { mode: 'gold-first' };

/** Each event's placing-points tables, medal-table order and notice period; each item's records. */
@Injectable()
export class ResultsSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly scoring: ScoringService,
    private readonly rounds: RoundDirectory,
    private readonly entries: EntryDirectory,
    private readonly workflow: EntryWorkflowService,
  ) {}

  async get(eventId: number): Promise<ResultsSettings> {
    await this.events.event(eventId);
    const [row] = await this.dataSource.query(
      'SELECT points_individual AS pointsIndividual, points_relay AS pointsRelay, medal_order AS medalOrder, medal_weights AS medalWeights, ' +
        'notice_days AS noticeDays, frozen_at AS frozenAt FROM event_results_settings WHERE event_id = ?',
      [eventId],
    );
    if (!row) return { ...DEFAULTS };
    return {
      pointsIndividual: jsonColumn(row.pointsIndividual),
      pointsRelay: jsonColumn(row.pointsRelay),
      medalOrder: row.medalOrder,
      medalWeights: row.medalWeights === null ? null : jsonColumn(row.medalWeights),
      noticeDays: Number(row.noticeDays),
      frozenAt: row.frozenAt,
    };
  }

  /** Organizers of the event. What is left out keeps its value; the tables are checked by the code that uses them. */
  async put(principal: Principal, eventId: number, change: Partial<Omit<ResultsSettings, 'frozenAt'>>): Promise<ResultsSettings> {
    await this.events.assertManager(principal, eventId);
    const next = { ...(await this.get(eventId)), ...change };
    try {
      allocatePlacingPoints([], placingTable(next));
      buildMedalTable([], medalOrdering(next));
    } catch (err) {
      if (!(err instanceof ResultsDomainError)) throw err;
      throw new ResultsError('invalid', ResultsErrorCode.InvalidSettings, err.message, { field: err.code === 'INVALID_MEDAL_WEIGHTS' ? 'medalWeights' : 'points' });
    }
    await this.dataSource.query(
      'INSERT INTO event_results_settings (event_id, points_individual, points_relay, medal_order, medal_weights, notice_days) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON DUPLICATE KEY UPDATE points_individual = VALUES(points_individual), points_relay = VALUES(points_relay), medal_order = VALUES(medal_order), ' +
        'medal_weights = VALUES(medal_weights), notice_days = VALUES(notice_days)',
      [eventId, JSON.stringify(next.pointsIndividual), JSON.stringify(next.pointsRelay), next.medalOrder, next.medalWeights && JSON.stringify(next.medalWeights), next.noticeDays],
    );
    return this.get(eventId);
  }

  /** The event's settings row, created with the defaults if it is missing (to hold the freeze). */
  async ensureRow(m: EntityManager, eventId: number): Promise<void> {
    await m.query('INSERT IGNORE INTO event_results_settings (event_id, points_individual, points_relay) VALUES (?, ?, ?)', [
      eventId,
      JSON.stringify(DEFAULTS.pointsIndividual),
      JSON.stringify(DEFAULTS.pointsRelay),
    ]);
  }

  /**
   * Organizers of the event mark an entry as a guest (特邀/表演) or take the mark off; the item is
   * re-tallied, so places among those who score, points and medals follow.
   */
  async setGuest(principal: Principal, entryId: number, guest: boolean): Promise<{ entryId: number; guest: boolean }> {
    const entry = (await this.entries.entries([entryId])).get(entryId);
    if (!entry) throw new ResultsError('not_found', ResultsErrorCode.EntryNotFound, `报名记录不存在：${entryId}`);
    await this.events.assertManager(principal, entry.eventId);
    await inTransaction(this.dataSource, async (m) => {
      await this.workflow.setGuest(m, entryId, guest);
      await this.retally(m, entry.itemId);
    });
    return { entryId, guest };
  }

  async records(itemId: number): Promise<ItemRecords> {
    await this.events.item(itemId);
    const [row] = await this.dataSource.query(
      'SELECT meet_record AS meetRecord, meet_holder AS meetHolder, all_time_record AS allTimeRecord, all_time_holder AS allTimeHolder FROM item_records WHERE item_id = ?',
      [itemId],
    );
    return { itemId, meetRecord: null, meetHolder: null, allTimeRecord: null, allTimeHolder: null, ...row };
  }

  /**
   * Organizers of the event set the records as they stood before the meet, in the unit of the
   * item's total (seconds, metres, points). The item is re-tallied, so its flags follow.
   */
  async putRecords(principal: Principal, itemId: number, records: Omit<ItemRecords, 'itemId'>): Promise<ItemRecords> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    for (const field of ['meetRecord', 'allTimeRecord'] as const) {
      const v = records[field];
      if (v !== null && !/^\d{1,9}(\.\d{1,4})?$/.test(v)) {
        throw new ResultsError('invalid', ResultsErrorCode.InvalidRecord, `${field} 必须是十进制数（计时项目以秒为单位，如 10.05）`, { field });
      }
    }
    await inTransaction(this.dataSource, async (m) => {
      await m.query(
        'INSERT INTO item_records (item_id, meet_record, meet_holder, all_time_record, all_time_holder) VALUES (?, ?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE meet_record = VALUES(meet_record), meet_holder = VALUES(meet_holder), all_time_record = VALUES(all_time_record), all_time_holder = VALUES(all_time_holder)',
        [itemId, records.meetRecord, records.meetHolder, records.allTimeRecord, records.allTimeHolder],
      );
      await this.retally(m, itemId);
    });
    return this.records(itemId);
  }

  /** Re-tallies an item that is scored already (one without a scheme has no results to change). */
  private async retally(m: EntityManager, itemId: number): Promise<void> {
    const scored = await this.rounds.scoreVersions([itemId], m);
    if (scored.has(itemId)) await this.scoring.enqueueTally(m, itemId);
  }
}
