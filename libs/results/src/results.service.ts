import { beijingIso } from '@app/common';
import { inTransaction, jsonColumn } from '@app/database';
import { type Event, type EventItem, EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { type EntryLabel, EntryDirectory } from '@app/registration';
import { breakdownReader, type LaneFacts, RoundDirectory, type RoundRef, type SchemeConfig, type SchemeInput, ScoringService } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { allocatePlacingPoints } from './domain';
import { placingTable, type ResultsSettings, ResultsSettingsService } from './results-settings.service';

export interface ResultRow {
  entryId: number;
  place: number | null;
  total: string | null;
  status: string;
  /** Place among those who score (guests and DNS/DNF/DQ skipped, ties kept): what points, medals and awards follow. */
  scoringPlace: number | null;
  /**
   * The points this place earns the entry's delegation under the event's points table, shared on
   * ties, exactly as the standings count them (decimal text; a share that does not terminate is
   * rounded to 4 places). null when the row scores nothing: a guest, DNS/DNF/DQ, unplaced, or a
   * heat (only an item's final or only round counts).
   */
  placingPoints: string | null;
  realName: string;
  organisationName: string;
  /** heat and lane in the round, and Q/q once the round is closed; null without rounds */
  heat: number | null;
  lane: number | null;
  qualified: 'Q' | 'q' | null;
  /** BROKEN or EQUALLED against the records as they stood before the meet. */
  meetRecord: 'BROKEN' | 'EQUALLED' | null;
  allTimeRecord: 'BROKEN' | 'EQUALLED' | null;
  /** Per criterion and per judge; for the public only once the results are published (notice or final). */
  breakdown: unknown;
}


export interface ItemResultsView {
  itemId: number;
  itemName: string;
  eventId: number;
  /** the round listed (by default the latest); null for an item without rounds */
  round: RoundRef | null;
  rounds: RoundRef[];
  /** noticeEndsAt: ISO 8601 with the Beijing offset (+08:00), as shown to contestants. */
  publication: { status: 'PROVISIONAL' | 'NOTICE' | 'FINAL'; noticeEndsAt: string | null };
  /** True when this is the public view of a frozen scoreboard: the results as they stood at the freeze. */
  frozen: boolean;
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
    private readonly scoring: ScoringService,
    private readonly entries: EntryDirectory,
    private readonly rounds: RoundDirectory,
    private readonly settings: ResultsSettingsService,
  ) {}

  /**
   * One round's results (by default the latest round), or the item's when it runs without rounds.
   * Organizers of the event see live data with every breakdown; the public sees the snapshot while
   * the event's scoreboard is frozen, and the breakdown once the results are published.
   */
  async forItem(itemId: number, round?: number, principal?: Principal): Promise<ItemResultsView> {
    const { item, event } = await this.events.item(itemId);
    const organizer = await this.events.manages(principal, event);
    if (!organizer) {
      const [frozen] = await this.dataSource.query('SELECT 1 FROM event_results_settings WHERE event_id = ? AND frozen_at IS NOT NULL', [event.id]);
      if (frozen) return this.frozenView(item, event, round);
    }
    return this.view(item, event, round, organizer);
  }

  /** The view as it stands now: for organizers, or (organizer false) as the public sees it when not frozen. */
  async liveView(itemId: number, round: number | undefined, organizer: boolean): Promise<ItemResultsView> {
    const { item, event } = await this.events.item(itemId);
    return this.view(item, event, round, organizer);
  }

  private async view(item: EventItem, event: Event, round: number | undefined, organizer: boolean): Promise<ItemResultsView> {
    const itemId = item.id;
    const { roundId, rounds } = await this.scoring.roundOf(this.dataSource.manager, itemId, round, { latest: true });
    const settings = await this.settings.get(event.id);
    // One snapshot: the rows, the version they reflect and the scheme their breakdowns are computed with, all from the same tally.
    const { state, rows, showBreakdown, counting } = await inTransaction(this.dataSource, async (m) => {
      const [state] = await m.query(
        'SELECT t.tallied_version AS v, t.tallied_at AS at, t.scheme, p.status, p.notice_ends_at AS noticeEndsAt ' +
          'FROM (SELECT ? AS item_id) i LEFT JOIN item_tallies t ON t.item_id = i.item_id LEFT JOIN result_publications p ON p.item_id = i.item_id',
        [itemId],
      );
      const showBreakdown = organizer || (state?.status ?? 'PROVISIONAL') !== 'PROVISIONAL';
      const stored: (StoredRow & { input?: unknown; breakdown?: unknown })[] = await m.query(
        'SELECT entry_id AS entryId, place, scoring_place AS scoringPlace, total, status, meet_record AS meetRecord, all_time_record AS allTimeRecord' +
          (showBreakdown ? ', input, breakdown ' : ' ') +
          'FROM item_results WHERE item_id = ? AND round_id = ?',
        [itemId, roundId],
      );
      const entryIds = stored.map((r) => Number(r.entryId));
      const [labels, lanes, itemRounds] = await Promise.all([
        this.entries.labels(entryIds, m),
        this.rounds.lanes(roundId, undefined, m),
        roundId ? this.rounds.roundsOf([itemId], m) : Promise.resolve(null),
      ]);
      // As in the standings: an item scores in its final (or only) round, never in a heat.
      const counting = !itemRounds || (itemRounds.get(itemId)?.some((r) => r.id === roundId && r.final) ?? false);
      return { state, rows: listed(stored, labels, lanes), showBreakdown, counting };
    });
    const publication = { status: state?.status ?? 'PROVISIONAL', noticeEndsAt: beijingIso(state?.noticeEndsAt) };
    const breakdown = showBreakdown ? storedBreakdowns(itemId, state?.scheme) : () => null;
    const points = counting ? placingPointsOf(rows, item.entryType !== 'individual', settings) : new Map<number, string>();
    return {
      itemId,
      itemName: item.name,
      eventId: event.id,
      round: rounds.find((r) => r.id === roundId) ?? null,
      rounds,
      publication,
      frozen: false,
      scoreVersion: Number(state?.v ?? 0),
      talliedAt: state?.at ?? null,
      results: rows.map(({ input, breakdown: stored, ...r }) => ({
        ...r,
        entryId: Number(r.entryId),
        place: r.place === null ? null : Number(r.place),
        scoringPlace: r.scoringPlace === null ? null : Number(r.scoringPlace),
        placingPoints: points.get(Number(r.entryId)) ?? null,
        breakdown: breakdown(input, stored),
      })),
    };
  }

  /** What the public saw at the freeze; an item or round that had no results then shows none. */
  private async frozenView(item: EventItem, event: Event, round?: number): Promise<ItemResultsView> {
    const [snap] = await this.dataSource.query('SELECT body FROM board_snapshots WHERE event_id = ? AND item_id = ? AND round_id = ?', [event.id, item.id, round ?? 0]);
    if (snap) return { ...jsonColumn<ItemResultsView>(snap.body), frozen: true };
    const view = await this.view(item, event, round, false);
    return { ...view, frozen: true, scoreVersion: 0, talliedAt: null, results: [] };
  }
}

type StoredRow = Pick<ResultRow, 'entryId' | 'place' | 'scoringPlace' | 'total' | 'status' | 'meetRecord' | 'allTimeRecord'>;

/**
 * Result rows with the entrant's name, delegation, heat and lane, placed first (unplaced last), then
 * by heat, lane and entry; a row whose entry registration does not know is left out.
 */
function listed<T extends StoredRow>(stored: T[], labels: Map<number, EntryLabel>, lanes: Map<number, LaneFacts>) {
  const rows = stored.flatMap((r) => {
    const label = labels.get(Number(r.entryId));
    if (!label) return [];
    const lane = lanes.get(Number(r.entryId));
    return [{ ...r, realName: label.realName, organisationName: label.organisationName, heat: lane?.heat ?? null, lane: lane?.lane ?? null, qualified: lane?.qualified ?? null }];
  });
  // As SQL orders them: NULL before any number.
  const nullsFirst = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b);
  return rows.sort(
    (a, b) =>
      (a.place === null ? 1 : 0) - (b.place === null ? 1 : 0) ||
      nullsFirst(a.place, b.place) ||
      nullsFirst(a.heat, b.heat) ||
      nullsFirst(a.lane, b.lane) ||
      Number(a.entryId) - Number(b.entryId),
  );
}

/**
 * Each scoring row's placing points, by the function the standings use, over the rows within the
 * points table as the standings read them: a row further down shares no tie with one inside it
 * (tied rows share a scoring place), so it earns "0" and the sum matches the delegation totals.
 */
function placingPointsOf(rows: readonly { entryId: number; scoringPlace: number | null }[], isRelay: boolean, settings: ResultsSettings): Map<number, string> {
  const table = placingTable(settings);
  const depth = (isRelay ? table.relay : table.individual).length;
  const scoring = rows.filter((r) => r.scoringPlace !== null);
  const within = scoring
    .filter((r) => Number(r.scoringPlace) <= depth)
    .map((r) => ({ entryId: String(r.entryId), delegationId: '', place: Number(r.scoringPlace), status: 'OK' as const, guest: false }));
  const { allocations } = allocatePlacingPoints([{ itemId: 'item', isRelay, rows: within }], table);
  const points = new Map(scoring.map((r) => [Number(r.entryId), '0']));
  for (const a of allocations) points.set(Number(a.entryId), a.points);
  return points;
}

/**
 * A result row's breakdown: computed from its input with the scheme of the tally that wrote it
 * (the same scorer, so the breakdown the tally saw), or as stored where there is no input (why an
 * entry is INCOMPLETE; rows tallied before inputs were kept). The scorer is prepared once per list.
 */
function storedBreakdowns(itemId: number, schemeText: unknown): (input: unknown, stored: unknown) => unknown {
  let read: ((input: SchemeInput) => unknown) | undefined;
  return (input, stored) => {
    if (input === null || input === undefined) return jsonColumn(stored ?? null);
    if (!read) {
      if (schemeText === null || schemeText === undefined) throw new Error(`item ${itemId}: results keep inputs but item_tallies has no scheme`);
      read = breakdownReader(jsonColumn<SchemeConfig>(schemeText as string));
    }
    return read(jsonColumn<SchemeInput>(input as string));
  };
}
