import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { Format } from './domain';
import { MatchItem } from './match-item.entity';
import { MatchOfficial } from './match-official.entity';

export interface MatchItemSummary {
  itemId: number;
  name: string;
  eventId: number;
  eventName: string;
  format: Format;
  status: MatchItem['status'];
  version: number;
}

/** A judge's assignment to a match item: the whole item, a court or board, or single matches. */
export interface MatchAssignment extends MatchItemSummary {
  courts: string[];
  matchIds: number[];
  wholeItem: boolean;
}

/** Which items are played as matches, for the pages that link to them. */
@Injectable()
export class MatchDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** The match items of an event, public like the event's items. */
  async ofEvent(eventId: number): Promise<MatchItemSummary[]> {
    const event = await this.events.get(eventId);
    if (!event.items.length) return [];
    const names = new Map(event.items.map((i) => [i.id, i.name]));
    const items = await this.dataSource.manager.find(MatchItem, { where: { itemId: In([...names.keys()]) }, order: { itemId: 'ASC' } });
    return items.map((m) => ({ itemId: m.itemId, name: names.get(m.itemId)!, eventId: event.id, eventName: event.name, format: m.format, status: m.status, version: m.version }));
  }

  /** The match items the calling judge is assigned to, with what the assignment covers. */
  async assignedTo(principal: Principal): Promise<MatchAssignment[]> {
    const rows = await this.dataSource.manager.find(MatchOfficial, { where: { userId: principal.userId }, order: { itemId: 'ASC', id: 'ASC' } });
    if (!rows.length) return [];
    const items = await this.dataSource.manager.find(MatchItem, { where: { itemId: In([...new Set(rows.map((r) => r.itemId))]) } });
    const out: MatchAssignment[] = [];
    for (const m of items) {
      // a judge holds assignments on a handful of items: one lookup each is fine
      const { item, event } = await this.events.item(m.itemId);
      const own = rows.filter((r) => r.itemId === m.itemId);
      out.push({
        itemId: m.itemId,
        name: item.name,
        eventId: event.id,
        eventName: event.name,
        format: m.format,
        status: m.status,
        version: m.version,
        wholeItem: own.some((r) => r.matchId == null && r.court == null),
        courts: [...new Set(own.flatMap((r) => (r.court ? [r.court] : [])))],
        matchIds: own.flatMap((r) => (r.matchId != null ? [r.matchId] : [])),
      });
    }
    return out;
  }
}
