import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One entry's walkers on one route: how many started and how many finished. */
export interface HikingEntryFigures {
  itemId: number;
  eventId: number;
  routeName: string;
  entryId: number;
  started: number;
  finished: number;
}

/**
 * Hiking's read port for the year's statistics: per route and entry, the walkers who started
 * (anyone past registered: the start scan or the wave's gun started them) and those who finished.
 * A route belongs to the year its reference start falls in, in Beijing time. The reader places
 * entries and events in organisations; hiking knows only its own tables.
 */
@Injectable()
export class HikingFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofYear(year: number): Promise<HikingEntryFigures[]> {
    // Beijing midnight of 1 January, as UTC instants.
    const from = new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
    const to = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000);
    const rows: HikingEntryFigures[] = await this.dataSource.query(
      `SELECT r.item_id AS itemId, r.event_id AS eventId, r.name AS routeName, w.entry_id AS entryId,
              SUM(w.status <> 'registered') AS started, SUM(w.status = 'finished') AS finished
         FROM hiking_routes r JOIN hiking_walkers w ON w.route_id = r.id
        WHERE r.reference_start_at >= ? AND r.reference_start_at < ?
        GROUP BY r.item_id, r.event_id, r.name, w.entry_id ORDER BY r.item_id, w.entry_id`,
      [from, to],
    );
    return rows.map((r) => ({ itemId: Number(r.itemId), eventId: Number(r.eventId), routeName: r.routeName, entryId: Number(r.entryId), started: Number(r.started), finished: Number(r.finished) }));
  }
}
