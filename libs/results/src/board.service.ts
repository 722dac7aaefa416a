import { inTransaction, jsonColumn } from '@app/database';
import { type Event, EventsService, ItemCatalog } from '@app/events';
import type { Principal } from '@app/identity';
import { Injectable, type MessageEvent } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { concatMap, filter, finalize, interval, map, merge, type Observable, of, share } from 'rxjs';
import { LiveResults, type LiveUpdate } from './live-results';
import { ResultsService } from './results.service';
import { type ResultsSettings, ResultsSettingsService } from './results-settings.service';
import { type Standings, StandingsService } from './standings.service';

export interface BoardItem {
  itemId: number;
  name: string;
  entryType: string;
  publication: 'PROVISIONAL' | 'NOTICE' | 'FINAL';
  scoreVersion: number;
  talliedAt: Date | null;
}

export interface Board extends Standings {
  eventId: number;
  eventName: string;
  /** The public view is the snapshot taken at frozenAt; organizers still see live data. */
  frozen: boolean;
  frozenAt: Date | null;
  /** Whether these figures are live (false: the public snapshot of a frozen board). */
  live: boolean;
  /** True until every item's results are final. */
  provisional: boolean;
  generatedAt: Date;
  items: BoardItem[];
}

const HEARTBEAT_MS = 25_000;

/**
 * An event's results board (delegation points, medal table, items), its live
 * stream, and the scoreboard freeze: while frozen the public is served the
 * snapshot taken at the freeze and its stream stays quiet, as in programming
 * contests; organizers keep seeing live data.
 */
@Injectable()
export class BoardService {
  private readonly streams = new Map<number, Observable<MessageEvent>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly catalog: ItemCatalog,
    private readonly settings: ResultsSettingsService,
    private readonly standings: StandingsService,
    private readonly results: ResultsService,
    private readonly live: LiveResults,
  ) {}

  /** Public; an organizer of the event (signed in) gets live data while the board is frozen. */
  async board(eventId: number, principal?: Principal): Promise<Board> {
    const event = await this.events.event(eventId);
    const settings = await this.settings.get(eventId);
    if (settings.frozenAt && !(await this.events.manages(principal, event))) {
      const [snap] = await this.dataSource.query('SELECT body FROM board_snapshots WHERE event_id = ? AND item_id = 0 AND round_id = 0', [eventId]);
      if (snap) return { ...jsonColumn<Board>(snap.body), frozen: true, frozenAt: settings.frozenAt, live: false };
    }
    return this.liveBoard(event, settings);
  }

  /**
   * Public: the board at once, then after every tally of one of the event's items a `results`
   * message with the item, its score version and the new board; `board` again when the board is
   * frozen or unfrozen. One computation per update is shared by every listener in this process.
   */
  /** The board first, read before the stream opens, so an unknown event is a 404 rather than an error event on a 200 stream. */
  async stream(eventId: number): Promise<Observable<MessageEvent>> {
    const board = await this.board(eventId);
    let updates = this.streams.get(eventId);
    if (!updates) {
      updates = this.live.of(eventId).pipe(
        concatMap((u) => this.message(u)),
        filter((m): m is MessageEvent => m !== null),
        finalize(() => this.streams.delete(eventId)),
        share(),
      );
      this.streams.set(eventId, updates);
    }
    const first = of<MessageEvent>({ type: 'board', data: board });
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(first, updates, heartbeat);
  }

  /** Organizers of the event: the public view stops here until unfreeze. */
  async freeze(principal: Principal, eventId: number): Promise<Board> {
    const event = await this.events.assertManager(principal, eventId);
    const board = await this.liveBoard(event, await this.settings.get(eventId));
    const snapshots: [number, number, string][] = [[0, 0, JSON.stringify(board)]];
    for (const item of board.items) {
      const latest = await this.results.liveView(item.itemId, undefined, false);
      snapshots.push([item.itemId, 0, JSON.stringify(latest)]);
      for (const round of latest.rounds) snapshots.push([item.itemId, round.id, JSON.stringify(await this.results.liveView(item.itemId, round.id, false))]);
    }
    await inTransaction(this.dataSource, async (m) => {
      await m.query('DELETE FROM board_snapshots WHERE event_id = ?', [eventId]);
      await m.query('INSERT INTO board_snapshots (event_id, item_id, round_id, body) VALUES ?', [snapshots.map((s) => [eventId, ...s])]);
      await this.settings.ensureRow(m, eventId);
      await m.query('UPDATE event_results_settings SET frozen_at = NOW(3), frozen_by = ? WHERE event_id = ?', [principal.userId, eventId]);
    });
    await this.live.announce({ eventId, itemId: 0, scoreVersion: 0 });
    return this.board(eventId, principal);
  }

  /** Organizers of the event: the public sees live data again. */
  async unfreeze(principal: Principal, eventId: number): Promise<Board> {
    await this.events.assertManager(principal, eventId);
    await inTransaction(this.dataSource, async (m) => {
      await m.query('UPDATE event_results_settings SET frozen_at = NULL, frozen_by = NULL WHERE event_id = ?', [eventId]);
      await m.query('DELETE FROM board_snapshots WHERE event_id = ?', [eventId]);
    });
    await this.live.announce({ eventId, itemId: 0, scoreVersion: 0 });
    return this.board(eventId, principal);
  }

  private async liveBoard(event: Event, settings: ResultsSettings): Promise<Board> {
    const eventId = event.id;
    const itemIds = await this.catalog.itemIdsOf(eventId);
    const facts = await this.catalog.items(itemIds);
    const [standings, tallies, publications] = await Promise.all([
      this.standings.compute(eventId, settings, facts),
      this.ofItems<{ itemId: number; scoreVersion: number; talliedAt: Date | null }>(
        'SELECT item_id AS itemId, tallied_version AS scoreVersion, tallied_at AS talliedAt FROM item_tallies WHERE item_id IN (?)',
        itemIds,
      ),
      this.ofItems<{ itemId: number; status: BoardItem['publication'] }>('SELECT item_id AS itemId, status FROM result_publications WHERE item_id IN (?)', itemIds),
    ]);
    const items: BoardItem[] = itemIds.map((itemId) => {
      const item = facts.get(itemId)!;
      const tally = tallies.get(itemId);
      return {
        itemId,
        name: item.name,
        entryType: item.entryType,
        publication: publications.get(itemId)?.status ?? 'PROVISIONAL',
        scoreVersion: Number(tally?.scoreVersion ?? 0),
        talliedAt: tally?.talliedAt ?? null,
      };
    });
    return {
      eventId,
      eventName: event.name,
      frozen: settings.frozenAt !== null,
      frozenAt: settings.frozenAt,
      live: true,
      provisional: items.some((i) => i.publication !== 'FINAL'),
      generatedAt: new Date(),
      ...standings,
      items,
    };
  }

  /** Rows of results' own tables by item id, keyed by it. */
  private async ofItems<T extends { itemId: number }>(sql: string, itemIds: number[]): Promise<Map<number, T>> {
    if (!itemIds.length) return new Map();
    const rows: T[] = await this.dataSource.query(sql, [itemIds]);
    return new Map(rows.map((r) => [Number(r.itemId), r]));
  }

  /** What the public stream says about one update; nothing about a tally while the board is frozen. */
  private async message(u: LiveUpdate): Promise<MessageEvent | null> {
    const board = await this.board(u.eventId);
    if (u.itemId === 0) return { type: 'board', data: board };
    if (board.frozen) return null;
    return { type: 'results', data: { eventId: u.eventId, itemId: u.itemId, scoreVersion: u.scoreVersion, board } };
  }
}
