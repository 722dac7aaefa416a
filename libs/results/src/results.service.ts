import { EventsService } from '@app/events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ResultRow {
  entryId: number;
  place: number | null;
  total: string | null;
  status: string;
  realName: string;
  organisationName: string;
  breakdown: unknown;
}

export interface ItemResultsView {
  itemId: number;
  itemName: string;
  eventId: number;
  /** The score version these results reflect; results lag marks by the tally's few milliseconds. */
  scoreVersion: number;
  talliedAt: Date | null;
  results: ResultRow[];
}

@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async forItem(itemId: number): Promise<ItemResultsView> {
    const { item, event } = await this.events.item(itemId);
    const [tally] = await this.dataSource.query('SELECT tallied_version AS v, tallied_at AS at FROM item_tallies WHERE item_id = ?', [itemId]);
    const rows: (ResultRow & { breakdown: unknown })[] = await this.dataSource.query(
      'SELECT r.entry_id AS entryId, r.place, r.total, r.status, u.real_name AS realName, o.name AS organisationName, r.breakdown ' +
        'FROM item_results r JOIN entries e ON e.id = r.entry_id JOIN users u ON u.id = e.user_id JOIN organisations o ON o.id = e.organisation_id ' +
        'WHERE r.item_id = ? ORDER BY r.place IS NULL, r.place, r.entry_id',
      [itemId],
    );
    return {
      itemId,
      itemName: item.name,
      eventId: event.id,
      scoreVersion: Number(tally?.v ?? 0),
      talliedAt: tally?.at ?? null,
      results: rows.map((r) => ({
        ...r,
        entryId: Number(r.entryId),
        place: r.place === null ? null : Number(r.place),
        breakdown: typeof r.breakdown === 'string' ? JSON.parse(r.breakdown) : r.breakdown,
      })),
    };
  }
}
