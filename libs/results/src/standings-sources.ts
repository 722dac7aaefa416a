import type { SqlRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import type { ResultStatus } from './domain';

/** One entry's line in the standings of an item no judging panel scores. */
export interface ExternalStanding {
  entryId: number;
  /** Shared places stay shared (two thirds, four fifths); null = not placed. */
  place: number | null;
  /** What the board shows as the result: a time (`05:12:33`), points (`6.5`); null when not placed. */
  total: string | null;
  status: ResultStatus;
  /** Shown as the entry's breakdown: splits, tie-break values, the match record. */
  detail?: Record<string, unknown> | null;
  /**
   * For an entry whose members finish apart (a hiking team, where some members drop out): the
   * members (user ids) who finished. Kept with the result, so a completion award goes only to them.
   * Absent: every member shares the entry's result.
   */
  finishers?: number[];
}

export interface ExternalStandings {
  /** Grows with every change that can move a place; a tally job carrying a version already tallied does nothing. */
  version: number;
  rows: ExternalStanding[];
}

/**
 * Where the places of an item come from when no judging panel scores it: a hiking route's finish
 * order, a match item's knockout or Swiss standings. Results defines this port and stores what it
 * answers exactly as it stores a scored item's results, so placing points, medal tables, records'
 * places, publication and award rules work the same for every kind. The context that runs such
 * items implements it and registers it at start (`StandingsSources.register`); results never
 * imports that context, and the context never writes results' tables. To have an item re-tallied,
 * the context enqueues `tally.item` with the item and its new version, in the transaction of the
 * change.
 */
export interface StandingsSource {
  /** A short name for logs: `hiking`, `matches`. */
  readonly name: string;
  /** Which of these items this source ranks. */
  owns(itemIds: number[], sql?: SqlRunner): Promise<Set<number>>;
  /** The item's standings now, read on `sql` (the tally's transaction); null when the item has none yet. */
  standings(itemId: number, sql: SqlRunner): Promise<ExternalStandings | null>;
}

/** The registered sources; an item none of them owns is scored by its panel. */
@Injectable()
export class StandingsSources {
  private readonly sources: StandingsSource[] = [];

  register(source: StandingsSource): void {
    if (this.sources.some((s) => s.name === source.name)) throw new Error(`standings source "${source.name}" is registered twice`);
    this.sources.push(source);
  }

  async sourceOf(itemId: number, sql?: SqlRunner): Promise<StandingsSource | undefined> {
    for (const source of this.sources) if ((await source.owns([itemId], sql)).has(itemId)) return source;
    return undefined;
  }
}
