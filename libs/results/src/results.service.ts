import { jsonColumn } from '@app/database';
import { EventsService } from '@app/events';
import { type RoundRef, ScoringService } from '@app/scoring';
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
  /** heat and lane in the round, and Q/q once the round is closed; null without rounds */
  heat: number | null;
  lane: number | null;
  qualified: 'Q' | 'q' | null;
  breakdown: unknown;
}


export interface ItemResultsView {
  itemId: number;
  itemName: string;
  eventId: number;
  /** the round listed (by default the latest); null for an item without rounds */
  round: RoundRef | null;
  rounds: RoundRef[];
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
  ) {}

  /** One round's results (by default the latest round), or the item's when it runs without rounds. */
  async forItem(itemId: number, round?: number): Promise<ItemResultsView> {
    const { item, event } = await this.events.item(itemId);
    const { roundId, rounds } = await this.scoring.roundOf(this.dataSource.manager, itemId, round, { latest: true });
    const [tally] = await this.dataSource.query('SELECT tallied_version AS v, tallied_at AS at FROM item_tallies WHERE item_id = ?', [itemId]);
    const rows: (ResultRow & { breakdown: unknown })[] = await this.dataSource.query(
      'SELECT r.entry_id AS entryId, r.place, r.total, r.status, u.real_name AS realName, o.name AS organisationName, ' +
        're.heat, re.lane, re.qualified, r.breakdown ' +
        'FROM item_results r JOIN entries e ON e.id = r.entry_id JOIN users u ON u.id = e.user_id JOIN organisations o ON o.id = e.organisation_id ' +
        'LEFT JOIN round_entries re ON re.round_id = r.round_id AND re.entry_id = r.entry_id ' +
        'WHERE r.item_id = ? AND r.round_id = ? ORDER BY r.place IS NULL, r.place, re.heat, re.lane, r.entry_id',
      [itemId, roundId],
    );
    return {
      itemId,
      itemName: item.name,
      eventId: event.id,
      round: rounds.find((r) => r.id === roundId) ?? null,
      rounds,
      scoreVersion: Number(tally?.v ?? 0),
      talliedAt: tally?.at ?? null,
      results: rows.map((r) => ({
        ...r,
        entryId: Number(r.entryId),
        place: r.place === null ? null : Number(r.place),
        breakdown: jsonColumn(r.breakdown),
      })),
    };
  }
}
