import { ItemCatalog, type ItemFacts } from '@app/events';
import { PeopleDirectory } from '@app/identity';
import { EntryDirectory } from '@app/registration';
import { RoundDirectory } from '@app/scoring';
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: ItemCatalog,
    private readonly rounds: RoundDirectory,
    private readonly entries: EntryDirectory,
    private readonly directory: PeopleDirectory,
  ) {}

  /** `items`: the event's items, when the caller has read them already. */
  async compute(eventId: number, settings: ResultsSettings, items?: Map<number, ItemFacts>): Promise<Standings> {
    const depth = Math.max(settings.pointsIndividual.length, settings.pointsRelay.length, 3);
    const facts = items ?? (await this.catalog.items(await this.catalog.itemIdsOf(eventId)));
    const ids = [...facts.keys()];
    const [rounds, delegations, stored] = await Promise.all([
      this.rounds.roundsOf(ids),
      this.entries.delegations({ eventId }, ['approved']).then((orgIds) => this.directory.organisations(orgIds)),
      this.scoringRows(ids, depth),
    ]);
    // An item counts its final (or only) round, never a heat.
    const counting = new Set([0, ...[...rounds.values()].flat().filter((r) => r.final).map((r) => r.id)]);
    const rows = stored.filter((r) => counting.has(r.roundId));
    const entries = await this.entries.entries(rows.map((r) => r.entryId));
    const byItem = new Map<number, ItemResults & { rows: ItemResults['rows'][number][] }>();
    for (const r of rows) {
      const entry = entries.get(r.entryId);
      if (!entry) continue;
      let item = byItem.get(r.itemId);
      if (!item) byItem.set(r.itemId, (item = { itemId: String(r.itemId), isRelay: facts.get(r.itemId)?.entryType !== 'individual', rows: [] }));
      item.rows.push({ entryId: String(r.entryId), delegationId: String(entry.organisationId), place: r.place, status: 'OK', guest: false });
    }
    const list = [...byItem.values()];
    const names = Object.fromEntries([...delegations.values()].map((d) => [String(d.id), d.name]));
    const delegationIds = Object.keys(names);
    const { totals } = allocatePlacingPoints(list, placingTable(settings), delegationIds);
    const medals = buildMedalTable(list, medalOrdering(settings), { delegationNames: names, delegationIds });
    return {
      points: totals.map((t) => ({ ...t, organisationId: Number(t.delegationId), name: names[t.delegationId] ?? '' })),
      medals: medals.map((m) => ({ ...m, organisationId: Number(m.delegationId) })),
    };
  }

  /** The rows within `depth` scoring places of these items, every round, in item and place order. */
  private async scoringRows(itemIds: number[], depth: number): Promise<{ itemId: number; roundId: number; entryId: number; place: number }[]> {
    if (!itemIds.length) return [];
    const rows: { itemId: number; roundId: number; entryId: number; place: number }[] = await this.dataSource.query(
      'SELECT item_id AS itemId, round_id AS roundId, entry_id AS entryId, scoring_place AS place ' +
        // Item by item through the (item, scoring place) index; left to itself the optimizer may scan every result of the table.
        'FROM item_results FORCE INDEX (idx_item_results_scoring) WHERE item_id IN (?) AND scoring_place <= ? ORDER BY item_id, scoring_place, id',
      [itemIds, depth],
    );
    return rows.map((r) => ({ itemId: Number(r.itemId), roundId: Number(r.roundId), entryId: Number(r.entryId), place: Number(r.place) }));
  }
}
