import { AppConfig } from '@app/config';
import { insertRows, inTransaction, SESSION_ISOLATION } from '@app/database';
import { ItemCatalog } from '@app/events';
import { setTimeout as sleep } from 'node:timers/promises';
import { EntryDirectory } from '@app/registration';
import { RoundDirectory, type SchemeConfig, ScoringService, tallyItem, totalDirection } from '@app/scoring';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { annotateResults, type RecordFlag, type ResultContext } from './domain';
import { LiveResults } from './live-results';
import { type StandingsSource, StandingsSources } from './standings-sources';

/** One result row as stored: the scheme input, or for an entry not scored the breakdown saying why, as JSON text. */
interface ResultRow {
  roundId: number;
  entryId: number;
  place: number | null;
  total: string | null;
  status: string;
  scoringPlace: number | null;
  meetRecord: RecordFlag;
  allTimeRecord: RecordFlag;
  input: string | null;
  breakdown: string | null;
}

const RESULT_COLUMNS = ['item_id', 'round_id', 'entry_id', 'place', 'scoring_place', 'total', 'status', 'meet_record', 'all_time_record', 'input', 'breakdown', 'score_version'];

type ItemContext = Omit<ResultContext, 'direction'> & TallyContext;

interface Ranked {
  rows: ResultRow[];
  scoreVersion: number;
  scheme: SchemeConfig | null;
}

interface TallyContext {
  eventId: number;
  talliedVersion: number;
  runs: number;
  rounds: number[];
}

export interface TallyOutcome {
  itemId: number;
  ran: boolean;
  version: number;
  entries: number;
}

@Injectable()
export class TallyService {
  private readonly logger = new Logger(TallyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoring: ScoringService,
    private readonly catalog: ItemCatalog,
    private readonly rounds: RoundDirectory,
    private readonly entries: EntryDirectory,
    private readonly live: LiveResults,
    private readonly config: AppConfig,
    private readonly sources: StandingsSources,
  ) {}

  /**
   * Re-ranks one item. Tallies of one item take turns on the item's tally row;
   * a job whose version is already reflected returns at once, so a burst of
   * jobs does the work once. The new results replace the old ones in the same
   * transaction: a crash mid-tally leaves the previous results whole.
   */
  async tally(itemId: number, version: number): Promise<TallyOutcome> {
    const outcome = await this.rank(itemId, version);
    // After the commit, so a listener that reads the results sees these.
    if (outcome.ran) await this.live.announce({ eventId: outcome.eventId, itemId, scoreVersion: outcome.version });
    return outcome;
  }

  private rank(itemId: number, version: number): Promise<TallyOutcome & { eventId: number }> {
    // READ COMMITTED, the sessions' own level, costs no statement; every read below comes after
    // the lock, and itemMarks reads the version before the marks, so no marks read are older than
    // the version the results are stamped with (see below).
    return inTransaction(
      this.dataSource,
      async (m) => {
        // Takes the item's tally row lock (an exclusive lock, whether the row is new or not).
        await m.query('INSERT INTO item_tallies (item_id, tallied_version, runs) VALUES (?, 0, 0) ON DUPLICATE KEY UPDATE item_id = item_id', [itemId]);
        const ctx = await this.context(m, itemId, version);
        if (!('eventId' in ctx)) return { itemId, eventId: 0, ran: false, version: ctx.talliedVersion, entries: 0 };

        const source = await this.sources.sourceOf(itemId, m);
        const ranked = source ? await this.externalRows(m, itemId, source, ctx) : await this.scoredRows(m, itemId, version, ctx);
        if (!ranked) return { itemId, eventId: ctx.eventId, ran: false, version, entries: 0 };
        const { rows, scoreVersion, scheme } = ranked;

        // Only a tally writes results, and counts its run: a first one has none to compare with.
        await this.replaceResults(m, itemId, scoreVersion, rows, ctx.runs === 0);
        // The scheme with the rows it explains, in the same transaction: a breakdown is always computed with the scheme its input was scored with.
        await m.query('UPDATE item_tallies SET tallied_version = ?, runs = runs + 1, tallied_at = NOW(3), scheme = ? WHERE item_id = ?', [
          scoreVersion,
          JSON.stringify(scheme),
          itemId,
        ]);
        if (this.config.FAULT_TALLY_PAUSE_MS) await sleep(this.config.FAULT_TALLY_PAUSE_MS);
        this.logger.log(`tallied item ${itemId} at score version ${scoreVersion}: ${rows.length} results`);
        return { itemId, eventId: ctx.eventId, ran: true, version: scoreVersion, entries: rows.length };
      },
      undefined,
      SESSION_ISOLATION,
    );
  }

  /** A scored item's results: its panel's marks ranked by its scheme, round by round (each round is its own results list). */
  private async scoredRows(m: EntityManager, itemId: number, version: number, ctx: ItemContext): Promise<Ranked | null> {
    const rows: ResultRow[] = [];
    let scoreVersion = version;
    let scheme: SchemeConfig | null = null;
    for (const roundId of ctx.rounds.length ? ctx.rounds : [0]) {
      const data = await this.scoring.itemMarks(m, itemId, { roundId });
      if (!data) return null;
      // Stamped with the first version read, which every round's marks are at least as new as
      // (each statement sees what was committed when it ran): a change after it has a higher
      // version, whose job then tallies again.
      if (scheme === null) {
        scoreVersion = data.version;
        scheme = data.scheme;
      }
      // Breakdowns are computed on read from the inputs kept here, so the tally does not write them out.
      const ranked = tallyItem(data, { breakdowns: false });
      const notes = annotateResults(ranked, { ...ctx, direction: totalDirection(data.scheme) });
      for (const r of ranked) {
        const n = notes.get(r.entryId)!;
        // The input, not the breakdown ten times its size: ResultsService computes the breakdown from it on request.
        const scored = r.input !== undefined;
        rows.push({
          roundId,
          entryId: r.entryId,
          place: r.place,
          total: r.total,
          status: r.status,
          scoringPlace: n.scoringPlace,
          meetRecord: n.meetRecord,
          allTimeRecord: n.allTimeRecord,
          input: scored ? JSON.stringify(r.input) : null,
          breakdown: scored ? null : JSON.stringify(r.breakdown ?? null),
        });
      }
    }
    return { rows, scoreVersion, scheme };
  }

  /**
   * The results of an item another context ranks (a hiking route, a match item), through the
   * standings port: stored like a scored item's, with the source's detail as the breakdown and no
   * record check (a time or points there is no record of).
   */
  private async externalRows(m: EntityManager, itemId: number, source: StandingsSource, ctx: ItemContext): Promise<Ranked | null> {
    const standings = await source.standings(itemId, m);
    if (!standings) return null;
    const notes = annotateResults(standings.rows, { ...ctx, meetRecord: null, allTimeRecord: null, direction: 'higher' });
    const rows = standings.rows.map((r) => ({
      roundId: 0,
      entryId: r.entryId,
      place: r.place,
      total: r.total,
      status: r.status,
      scoringPlace: notes.get(r.entryId)!.scoringPlace,
      meetRecord: null,
      allTimeRecord: null,
      input: null,
      breakdown: JSON.stringify(r.finishers ? { ...(r.detail ?? {}), finishers: r.finishers } : (r.detail ?? null)),
    }));
    return { rows, scoreVersion: standings.version, scheme: null };
  }

  /**
   * What the tally needs besides the marks: its own state and the item's records in one statement;
   * then, unless the version is reflected already, the item's event, its rounds in order and its
   * guests (who score nothing) from their owners, in the same snapshot.
   */
  private async context(m: EntityManager, itemId: number, version: number): Promise<ItemContext | { talliedVersion: number }> {
    const [row] = await m.query(
      'SELECT t.tallied_version AS talliedVersion, t.runs, rec.meet_record AS meetRecord, rec.all_time_record AS allTimeRecord ' +
        'FROM item_tallies t LEFT JOIN item_records rec ON rec.item_id = t.item_id WHERE t.item_id = ?',
      [itemId],
    );
    const talliedVersion = Number(row.talliedVersion);
    if (talliedVersion >= version) return { talliedVersion };
    const [items, rounds, guests] = await Promise.all([this.catalog.items([itemId], m), this.rounds.roundsOf([itemId], m), this.entries.guestsOf([itemId], m)]);
    return {
      eventId: items.get(itemId)!.eventId,
      talliedVersion,
      runs: Number(row.runs),
      rounds: rounds.get(itemId)!.map((r) => r.id),
      guests: new Set(guests.get(itemId)),
      meetRecord: row.meetRecord ?? null,
      allTimeRecord: row.allTimeRecord ?? null,
    };
  }

  /**
   * Makes the item's stored results exactly `rows`, writing only the rows that differ: after one
   * mark changes, the entry and those it passed move and every other row stays as it is, with the
   * score version it was written at (nothing reads a row's version; the item's is in
   * item_tallies). Runs under the item's tally lock.
   */
  private async replaceResults(m: EntityManager, itemId: number, version: number, rows: ResultRow[], first: boolean): Promise<void> {
    const key = (r: { roundId: number; entryId: number }) => `${r.roundId}:${r.entryId}`;
    // CAST: the JSON text as stored, not parsed by the driver, to compare with the new text.
    const stored: (ResultRow & { id: number })[] = first ? [] : await m.query(
      'SELECT id, round_id AS roundId, entry_id AS entryId, place, scoring_place AS scoringPlace, total, status, meet_record AS meetRecord, ' +
        'all_time_record AS allTimeRecord, CAST(input AS CHAR) AS input, CAST(breakdown AS CHAR) AS breakdown FROM item_results WHERE item_id = ?',
      [itemId],
    );
    const before = new Map(stored.map((r) => [key({ roundId: Number(r.roundId), entryId: Number(r.entryId) }), r]));
    const changed = rows.filter((r) => {
      const old = before.get(key(r));
      before.delete(key(r));
      return (
        !old ||
        old.place !== r.place ||
        old.scoringPlace !== r.scoringPlace ||
        old.total !== r.total ||
        old.status !== r.status ||
        old.meetRecord !== r.meetRecord ||
        old.allTimeRecord !== r.allTimeRecord ||
        old.input !== r.input ||
        old.breakdown !== r.breakdown
      );
    });
    if (before.size) await m.query('DELETE FROM item_results WHERE id IN (?)', [[...before.values()].map((r) => r.id)]);
    await insertRows(
      m,
      'item_results',
      RESULT_COLUMNS,
      changed.map((r) => [itemId, r.roundId, r.entryId, r.place, r.scoringPlace, r.total, r.status, r.meetRecord, r.allTimeRecord, r.input, r.breakdown, version]),
      { updateOnDuplicate: ['place', 'scoring_place', 'total', 'status', 'meet_record', 'all_time_record', 'input', 'breakdown', 'score_version'] },
    );
  }
}
