import { AppConfig } from '@app/config';
import type { SqlRunner } from '@app/database';
import { ItemCatalog } from '@app/events';
import { PeopleDirectory, type Principal } from '@app/identity';
import { EntryDirectory } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type CheckpointSplit, HikingErrorCode, walkerSplits } from './domain';
import { HikingError } from './hiking-errors';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingStandings } from './hiking-standings';
import { RouteAccess } from './route-access';

/** The counted passings of these walkers, with their wave's gun: what splits are made of. */
export async function splitsOf(sql: SqlRunner, walkerIds: number[]): Promise<Map<number, CheckpointSplit[]>> {
  if (!walkerIds.length) return new Map();
  const rows: { walkerId: number; seq: number; at: Date; gunAt: Date }[] = await sql.query(
    `SELECT s.walker_id AS walkerId, c.seq, s.corrected_at AS at, v.starts_at AS gunAt
       FROM hiking_scans s JOIN hiking_walkers w ON w.id = s.walker_id JOIN hiking_waves v ON v.id = w.wave_id
       JOIN hiking_checkpoints c ON c.id = s.checkpoint_id AND c.route_id = w.route_id
      WHERE s.walker_id IN (?) AND s.counted = 1`,
    [walkerIds],
  );
  const byWalker = new Map<number, { scans: { seq: number; at: number }[]; gunAt: number }>();
  for (const r of rows) {
    const w = byWalker.get(Number(r.walkerId)) ?? { scans: [], gunAt: new Date(r.gunAt).getTime() };
    w.scans.push({ seq: Number(r.seq), at: new Date(r.at).getTime() });
    byWalker.set(Number(r.walkerId), w);
  }
  return new Map([...byWalker].map(([id, w]) => [id, walkerSplits(w.scans, w.gunAt)]));
}

/** Still out on the trail: a public page must not say where they are (the safety board does, to staff). */
const WALKING = new Set(['started', 'on_course']);

/**
 * What the pages read beyond the organizers' set-up: a staff member's checkpoints, a walker's own
 * walks, a route's outline for the board's map, and the results with splits per segment.
 */
@Injectable()
export class HikingViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly catalog: ItemCatalog,
    private readonly entries: EntryDirectory,
    private readonly people: PeopleDirectory,
    private readonly standings: HikingStandings,
    private readonly config: AppConfig,
  ) {}

  /** The checkpoints the caller is assigned to as staff, by route then order. */
  async myCheckpoints(principal: Principal) {
    const rows: { checkpointId: number; seq: number; name: string; routeId: number; routeName: string; eventId: number; itemId: number }[] = await this.dataSource.query(
      `SELECT c.id AS checkpointId, c.seq, c.name, r.id AS routeId, r.name AS routeName, r.event_id AS eventId, r.item_id AS itemId
         FROM hiking_checkpoint_staff s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id JOIN hiking_routes r ON r.id = c.route_id
        WHERE s.user_id = ? ORDER BY r.id, c.seq`,
      [principal.userId],
    );
    const items = await this.catalog.items(rows.map((r) => Number(r.itemId)));
    return rows.map(({ itemId, ...r }) => ({ ...r, checkpointId: Number(r.checkpointId), routeId: Number(r.routeId), eventId: Number(r.eventId), eventName: items.get(Number(itemId))?.eventName ?? '' }));
  }

  /** The caller's own walks, newest first, with where they were last scanned. */
  async myWalkers(principal: Principal) {
    const rows: { id: number; routeId: number; routeName: string; eventId: number; itemId: number; status: string; bib: string | null; lost: number; lastCheckpointSeq: number | null; lastCheckpointName: string | null; lastScanAt: Date | null }[] =
      await this.dataSource.query(
        `SELECT w.id, w.route_id AS routeId, r.name AS routeName, r.event_id AS eventId, r.item_id AS itemId, w.status, w.bib, w.lost,
                w.last_checkpoint_seq AS lastCheckpointSeq, c.name AS lastCheckpointName, w.last_scan_at AS lastScanAt
           FROM hiking_walkers w JOIN hiking_routes r ON r.id = w.route_id
           LEFT JOIN hiking_checkpoints c ON c.route_id = w.route_id AND c.seq = w.last_checkpoint_seq
          WHERE w.user_id = ? ORDER BY w.id DESC`,
        [principal.userId],
      );
    const items = await this.catalog.items(rows.map((r) => Number(r.itemId)));
    return rows.map(({ itemId, ...r }) => ({ ...r, id: Number(r.id), routeId: Number(r.routeId), eventId: Number(r.eventId), lost: !!Number(r.lost), eventName: items.get(Number(itemId))?.eventName ?? '' }));
  }

  /** A route's checkpoints for the board's map, and which of them the caller staffs. */
  async outline(principal: Principal, routeId: number) {
    const route = await this.access.route(routeId);
    await this.access.assertStaffOrOrganizer(principal, route);
    const checkpoints = await this.dataSource.manager.find(HikingCheckpoint, { where: { routeId }, order: { seq: 'ASC' } });
    const assigned = await this.access.staffCheckpoints(principal.userId, route.eventId);
    return {
      id: route.id,
      name: route.name,
      eventId: route.eventId,
      eventName: route.eventName,
      distanceM: route.distanceM,
      organizer: this.access.isOrganizer(principal, route),
      checkpoints: checkpoints.map((c) => ({ id: c.id, seq: c.seq, name: c.name, distanceM: c.distanceM, location: c.location, latitude: c.latitude, longitude: c.longitude, assigned: assigned.has(c.id) })),
      mapTiles: this.config.HIKING_MAP_TILES,
    };
  }

  /** The routes of an event, for its organizers' pages; an event without routes is not found, as the scans API says. */
  async eventRoutes(principal: Principal, eventId: number) {
    const rows: { id: number; itemId: number; name: string; distanceM: number }[] = await this.dataSource.query(
      'SELECT id, item_id AS itemId, name, distance_m AS distanceM FROM hiking_routes WHERE event_id = ? ORDER BY id',
      [eventId],
    );
    if (!rows.length) throw new HikingError('not_found', HikingErrorCode.RouteNotFound, `本活动没有路线：${eventId}`);
    await this.access.organizerRoute(principal, Number(rows[0].id));
    return rows.map((r) => ({ id: Number(r.id), itemId: Number(r.itemId), name: r.name, distanceM: Number(r.distanceM) }));
  }

  /**
   * The results: teams in rank order with gun, net and team time, and each member's splits per
   * segment. Public, like every result list, except where a walker still on the trail is.
   */
  async results(routeId: number) {
    const route = await this.access.route(routeId);
    const checkpoints = await this.dataSource.manager.find(HikingCheckpoint, { where: { routeId }, order: { seq: 'ASC' } });
    const ranked = (await this.standings.standings(route.itemId, this.dataSource))?.rows ?? [];
    const walkers: { id: number; entryId: number; userId: number; status: string }[] = await this.dataSource.query(
      'SELECT id, entry_id AS entryId, user_id AS userId, status FROM hiking_walkers WHERE route_id = ? ORDER BY entry_id, id',
      [routeId],
    );
    const [entries, names, splits] = await Promise.all([
      this.entries.entries(ranked.map((r) => r.entryId)),
      this.people.people(walkers.map((w) => Number(w.userId))),
      splitsOf(this.dataSource, walkers.filter((w) => !WALKING.has(w.status)).map((w) => Number(w.id))),
    ]);
    return {
      routeId,
      name: route.name,
      eventId: route.eventId,
      eventName: route.eventName,
      checkpoints: checkpoints.map((c) => ({ seq: c.seq, name: c.name, distanceM: c.distanceM })),
      teams: ranked.map((r) => {
        const entry = entries.get(r.entryId);
        const detail = r.detail as { gunTime: string | null; netTime: string | null; complete: boolean };
        const members = walkers.filter((w) => Number(w.entryId) === r.entryId);
        return {
          entryId: r.entryId,
          name: entry?.teamName ?? names.get(Number(members[0]?.userId))?.realName ?? '',
          bib: entry?.bib ?? null,
          place: r.place,
          status: r.status,
          gunTime: detail.gunTime,
          netTime: detail.netTime,
          complete: detail.complete,
          members: members.map((w) => ({
            walkerId: Number(w.id),
            realName: names.get(Number(w.userId))?.realName ?? '',
            status: w.status,
            splits: WALKING.has(w.status) ? null : (splits.get(Number(w.id)) ?? []).map((s) => ({ seq: s.seq, at: new Date(s.at), segmentMs: s.segmentMs, elapsedMs: s.elapsedMs })),
          })),
        };
      }),
    };
  }
}
