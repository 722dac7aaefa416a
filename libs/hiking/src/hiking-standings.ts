import type { SqlRunner } from '@app/database';
import { type ExternalStandings, type StandingsSource, StandingsSources } from '@app/results';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DROPPED_STATUSES, rankTeams, type TeamStanding, teamAtCheckpoint, teamTimes, type WalkerStatus } from './domain';
import { entryStatus, formatDuration } from './standing-rows';

interface WalkerRow {
  id: number;
  entryId: number;
  userId: number;
  status: WalkerStatus;
  startedAt: Date | null;
  waveStartsAt: Date;
  finishAt: number | null;
}

/**
 * A hiking route's finish order, for results: gun time from the wave's start and net time from
 * the own start scan; a team's time is its last member in, and a team whose starters all finished
 * within the route's gap ranks above one that did not (Trailwalker: a team finishes together).
 */
@Injectable()
export class HikingStandings implements StandingsSource, OnModuleInit {
  readonly name = 'hiking';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: StandingsSources,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async owns(itemIds: number[], sql: SqlRunner = this.dataSource): Promise<Set<number>> {
    if (!itemIds.length) return new Set();
    const rows: { itemId: number }[] = await sql.query('SELECT item_id AS itemId FROM hiking_routes WHERE item_id IN (?)', [itemIds]);
    return new Set(rows.map((r) => Number(r.itemId)));
  }

  async standings(itemId: number, sql: SqlRunner): Promise<ExternalStandings | null> {
    const [route]: { id: number; version: number; gapMs: number }[] = await sql.query(
      'SELECT id, standings_version AS version, team_gap_ms AS gapMs FROM hiking_routes WHERE item_id = ?',
      [itemId],
    );
    if (!route) return null;
    const [finish]: { id: number }[] = await sql.query('SELECT id FROM hiking_checkpoints WHERE route_id = ? ORDER BY seq DESC LIMIT 1', [route.id]);
    // The finish time is the counted passage at the route's last checkpoint, either way, kept on the
    // walker (domain/passages.ts): only those two values come over, not every walker's passages.
    const walkers: WalkerRow[] = (
      await sql.query(
        `SELECT w.id, w.entry_id AS entryId, w.user_id AS userId, w.status, w.started_at AS startedAt, v.starts_at AS waveStartsAt,
                JSON_VALUE(w.passages, ?) AS finishIn, JSON_VALUE(w.passages, ?) AS finishOut
           FROM hiking_walkers w JOIN hiking_waves v ON v.id = w.wave_id WHERE w.route_id = ? ORDER BY w.entry_id, w.id`,
        [`$."${finish?.id ?? 0}i"`, `$."${finish?.id ?? 0}o"`, route.id],
      )
    ).map(({ finishIn, finishOut, ...w }: Omit<WalkerRow, 'finishAt'> & { finishIn: string | null; finishOut: string | null }) => {
      const times = [finishIn, finishOut].filter((t) => t !== null).map(Number);
      return { ...w, finishAt: times.length ? Math.min(...times) : null };
    });
    const entries = new Map<number, WalkerRow[]>();
    for (const w of walkers) entries.set(Number(w.entryId), [...(entries.get(Number(w.entryId)) ?? []), w]);
    const standings: (TeamStanding & { gunMs: number | null; netMs: number | null; finished: number })[] = [];
    for (const [entryId, members] of entries) {
      const finished = members.filter((w) => w.status === 'finished' && w.finishAt !== null);
      const arrivals = new Map(finished.map((w) => [String(w.id), w.finishAt!]));
      const team = teamAtCheckpoint(members.map((w) => ({ walkerId: String(w.id), status: w.status })), arrivals, Number(route.gapMs));
      const started = members.filter((w) => w.status !== 'registered');
      const complete = team.complete && !started.some((w) => DROPPED_STATUSES.includes(w.status));
      const times = team.lastInAt === null ? null : teamTimes(team.lastInAt, new Date(members[0].waveStartsAt).getTime(), finished.map((w) => (w.startedAt ? new Date(w.startedAt).getTime() : null)));
      standings.push({ teamId: String(entryId), complete, timeMs: times?.gunMs ?? null, gunMs: times?.gunMs ?? null, netMs: times?.netMs ?? null, finished: finished.length });
    }
    const byEntry = new Map(standings.map((s) => [s.teamId, s]));
    const rows = rankTeams(standings).map((r) => {
      const s = byEntry.get(r.teamId)!;
      const members = entries.get(Number(r.teamId))!;
      return {
        entryId: Number(r.teamId),
        place: r.place,
        total: s.gunMs === null ? null : formatDuration(s.gunMs),
        status: entryStatus(members.map((w) => w.status), s.gunMs !== null),
        // Who walked in, so a completion certificate goes to them and not to a member who dropped out.
        finishers: members.filter((w) => w.status === 'finished').map((w) => Number(w.userId)),
        detail: { gunTime: s.gunMs === null ? null : formatDuration(s.gunMs), netTime: s.netMs === null ? null : formatDuration(s.netMs), complete: r.complete, finished: s.finished, members: members.length },
      };
    });
    return { version: Number(route.version), rows };
  }
}
