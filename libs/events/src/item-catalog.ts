import { type SqlRunner, uniqueIds } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EntryType } from './event-item.entity';
import type { EventKind, EventStatus } from './event.entity';

/** An item with what other contexts need of its event, flat. */
export interface ItemFacts {
  id: number;
  name: string;
  entryType: EntryType;
  startsAt: Date | null;
  eventId: number;
  eventName: string;
  eventKind: EventKind;
  eventStatus: EventStatus;
  /** The organising organisation: the scope an organizer must cover. */
  organisationId: number;
  startsOn: string | null;
  endsOn: string | null;
}

/**
 * Events' read port: items and their events by id, in bulk, as plain rows. Other contexts keep item
 * and event ids in their own rows and ask here; they never read `events` or `event_items`. Pass the
 * caller's transaction to read in its snapshot.
 */
@Injectable()
export class ItemCatalog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items(ids: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, ItemFacts>> {
    const wanted = uniqueIds(ids);
    if (!wanted.length) return new Map();
    const rows: ItemFacts[] = await sql.query(
      `SELECT i.id, i.name, i.entry_type AS entryType, i.starts_at AS startsAt, e.id AS eventId, e.name AS eventName, e.kind AS eventKind,
              e.status AS eventStatus, e.organisation_id AS organisationId, DATE_FORMAT(e.starts_on, '%Y-%m-%d') AS startsOn,
              DATE_FORMAT(e.ends_on, '%Y-%m-%d') AS endsOn
         FROM event_items i JOIN events e ON e.id = i.event_id WHERE i.id IN (?)`,
      [wanted],
    );
    return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), eventId: Number(r.eventId), organisationId: Number(r.organisationId) }]));
  }

  /** The ids of an event's items, in the order they were added. */
  async itemIdsOf(eventId: number, sql: SqlRunner = this.dataSource): Promise<number[]> {
    const rows: { id: number }[] = await sql.query('SELECT id FROM event_items WHERE event_id = ? ORDER BY id', [eventId]);
    return rows.map((r) => Number(r.id));
  }
}
