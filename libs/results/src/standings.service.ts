import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { allocatePlacingPoints, buildMedalTable, type DelegationPoints, type ItemResults, type MedalTableRow } from './domain';
import { medalOrdering, placingTable, type ResultsSettings } from './results-settings.service';

export interface Standings {
  /** Delegation points, best first; tied totals are split by countback (more 1st places, then 2nd…). */
  points: (DelegationPoints & { organisationId: number; name: string })[];
  medals: (MedalTableRow & { organisationId: number })[];
}

/**
 * Delegation standings and the medal table of an event, derived from its item
 * results on every read: an item counts its final (or only) round, with the
 * places among those who score (guests and DNS/DNF/DQ skipped, ties kept),
 * which the tally stores. Only rows within the points table or the podium are
 * read, a few per item whatever the field size.
 */
@Injectable()
export class StandingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(eventId: number, settings: ResultsSettings): Promise<Standings> {
    const depth = Math.max(settings.pointsIndividual.length, settings.pointsRelay.length, 3);
    const [rows, delegations] = await Promise.all([
      this.dataSource.query(
        'SELECT r.item_id AS itemId, r.entry_id AS entryId, r.scoring_place AS place, e.organisation_id AS orgId, i.entry_type AS entryType ' +
          // Item by item through the (item, scoring place) index; left to itself the optimizer scans every result of the table.
        'FROM event_items i STRAIGHT_JOIN item_results r FORCE INDEX (idx_item_results_scoring) ON r.item_id = i.id AND r.scoring_place <= ? ' +
          'JOIN entries e ON e.id = r.entry_id LEFT JOIN item_rounds ro ON ro.id = r.round_id ' +
          'WHERE i.event_id = ? AND (r.round_id = 0 OR ro.qualification IS NULL)',
        [depth, eventId],
      ) as Promise<{ itemId: number; entryId: number; place: number; orgId: number; entryType: string }[]>,
      this.dataSource.query(
        'SELECT o.id, o.name FROM organisations o WHERE o.id IN ' +
          "(SELECT DISTINCT organisation_id FROM entries WHERE event_id = ? AND status = 'approved' AND guest = 0)",
        [eventId],
      ) as Promise<{ id: number; name: string }[]>,
    ]);
    const byItem = new Map<number, ItemResults & { rows: ItemResults['rows'][number][] }>();
    for (const r of rows) {
      const itemId = Number(r.itemId);
      let item = byItem.get(itemId);
      if (!item) byItem.set(itemId, (item = { itemId: String(itemId), isRelay: r.entryType !== 'individual', rows: [] }));
      item.rows.push({ entryId: String(r.entryId), delegationId: String(r.orgId), place: Number(r.place), status: 'OK', guest: false });
    }
    const items = [...byItem.values()];
    const names = Object.fromEntries(delegations.map((d) => [String(d.id), d.name]));
    const ids = Object.keys(names);
    const { totals } = allocatePlacingPoints(items, placingTable(settings), ids);
    const medals = buildMedalTable(items, medalOrdering(settings), { delegationNames: names, delegationIds: ids });
    return {
      points: totals.map((t) => ({ ...t, organisationId: Number(t.delegationId), name: names[t.delegationId] ?? '' })),
      medals: medals.map((m) => ({ ...m, organisationId: Number(m.delegationId) })),
    };
  }
}
