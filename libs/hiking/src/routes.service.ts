import { ItemCatalog } from '@app/events';
import { forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { scheduleCutoffs } from './cutoff-schedule';
import { coordinatesProblem, HikingErrorCode, personalCutoff } from './domain';
import { fromDomain, HikingError } from './hiking-errors';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingRoute } from './hiking-route.entity';
import { HikingWave } from './hiking-wave.entity';
import { RouteAccess } from './route-access';
import { setupChanged } from './scan-setup';

export interface RouteInput {
  distanceM: number;
  referenceStartAt: Date;
  teamMin?: number;
  teamMax?: number;
  teamGapMs?: number;
  skewLimitMs?: number;
  overdueMarginMs?: number;
  incompleteTeamScan?: 'flag' | 'refuse';
  notifyContacts?: boolean;
}

/** What may change on a route once made: all but its reference start. */
export type RouteSettings = Partial<Omit<RouteInput, 'referenceStartAt'>>;

export interface CheckpointInput {
  /** An existing checkpoint of the route, moved or edited; absent: a new one. */
  id?: number;
  name: string;
  distanceM: number;
  location?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  opensAt?: Date | null;
  arrivalCutoffAt?: Date | null;
  departureCutoffAt?: Date | null;
}

export interface RouteView extends HikingRoute {
  checkpoints: HikingCheckpoint[];
  waves: HikingWave[];
}

/** Organizers set up a hiking event: routes (items of the event), their checkpoints, the start waves. */
@Injectable()
export class RoutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: ItemCatalog,
    private readonly access: RouteAccess,
  ) {}

  /** Makes an item of a hiking event a route, so its registration, results and awards are the route's. */
  async create(principal: Principal, itemId: number, input: RouteInput): Promise<RouteView> {
    const item = (await this.catalog.items([itemId])).get(itemId);
    if (!item) throw new HikingError('not_found', HikingErrorCode.NotHikingItem, `项目不存在：${itemId}`);
    await this.access.assertOrganizerOf(principal, item.organisationId);
    if (item.eventKind !== 'hiking') throw new HikingError('unprocessable', HikingErrorCode.NotHikingItem, '只有徒步（毅行）活动的项目可以设为路线', { field: 'itemId' });
    const teamMin = input.teamMin ?? 4;
    const teamMax = input.teamMax ?? 6;
    if (teamMin > teamMax) throw new HikingError('invalid', HikingErrorCode.TeamSize, '队伍人数下限不能大于上限', { field: 'teamMin' });
    if (await this.dataSource.manager.existsBy(HikingRoute, { itemId })) throw new HikingError('conflict', HikingErrorCode.RouteExists, '该项目已设为路线');
    const saved = await this.dataSource.manager.save(HikingRoute, { itemId, eventId: item.eventId, name: item.name, ...input, teamMin, teamMax });
    return this.view(saved.id);
  }

  /** Changes a route's settings; the scan path reads them again at its next batch. */
  async update(principal: Principal, routeId: number, input: RouteSettings): Promise<RouteView> {
    await this.dataSource.transaction(async (m) => {
      await this.access.organizerRoute(principal, routeId, m);
      const [route] = await m.query('SELECT team_min AS teamMin, team_max AS teamMax FROM hiking_routes WHERE id = ? FOR UPDATE', [routeId]);
      if ((input.teamMin ?? route.teamMin) > (input.teamMax ?? route.teamMax)) {
        throw new HikingError('invalid', HikingErrorCode.TeamSize, '队伍人数下限不能大于上限', { field: input.teamMin === undefined ? 'teamMax' : 'teamMin' });
      }
      if (Object.keys(input).length) await m.update(HikingRoute, { id: routeId }, input);
      await setupChanged(m, { routeId });
    });
    return this.view(routeId);
  }

  async get(principal: Principal, routeId: number): Promise<RouteView> {
    await this.access.organizerRoute(principal, routeId);
    return this.view(routeId);
  }

  /**
   * Sets the route's checkpoints in order (the first is the start, the last the finish). An existing
   * one named by its id keeps its staff and scans (a list without ids keeps them by position); cut-off
   * jobs are scheduled for every wave, and a moved cut-off leaves its stale jobs to do nothing.
   */
  async setCheckpoints(principal: Principal, routeId: number, list: CheckpointInput[]): Promise<RouteView> {
    await this.dataSource.transaction(async (m) => {
      const route = await this.access.organizerRoute(principal, routeId, m);
      await m.query('SELECT id FROM hiking_routes WHERE id = ? FOR UPDATE', [routeId]);
      validateCheckpoints(route, list);
      const existing = await m.find(HikingCheckpoint, { where: { routeId }, order: { seq: 'ASC' } });
      const ids = keptIds(existing, list);
      const scanned = new Set<number>(
        existing.length ? (await m.query('SELECT DISTINCT checkpoint_id AS id FROM hiking_scans WHERE checkpoint_id IN (?)', [existing.map((c) => c.id)])).map((r: { id: number }) => Number(r.id)) : [],
      );
      // A scanned checkpoint stays where it is: walkers' last checkpoints and the board count by its place.
      for (const c of existing) {
        const seq = ids.indexOf(c.id);
        if (scanned.has(c.id) && seq !== c.seq) {
          const why = seq === -1 ? '已有扫码记录的打卡点不能删除' : '已有扫码记录的打卡点不能调整顺序';
          throw new HikingError('conflict', HikingErrorCode.CheckpointsInvalid, `${why}：${c.name}`, { field: 'checkpoints' });
        }
      }
      const gone = existing.filter((c) => !ids.includes(c.id)).map((c) => c.id);
      if (gone.length) await m.delete(HikingCheckpoint, gone);
      // Seqs move up out of the way first: the unique (route, seq) key holds at every step.
      if (existing.length) await m.query('UPDATE hiking_checkpoints SET seq = seq + 1000 WHERE route_id = ?', [routeId]);
      const saved: HikingCheckpoint[] = [];
      for (const [seq, c] of list.entries()) {
        const row = { routeId, seq, name: c.name, distanceM: c.distanceM, location: c.location ?? null, latitude: c.latitude ?? null, longitude: c.longitude ?? null, opensAt: c.opensAt ?? null, arrivalCutoffAt: c.arrivalCutoffAt ?? null, departureCutoffAt: c.departureCutoffAt ?? null };
        saved.push(await m.save(HikingCheckpoint, ids[seq] ? { ...row, id: ids[seq] } : row));
      }
      await scheduleCutoffs(m, route, saved, await m.findBy(HikingWave, { eventId: route.eventId }));
      await setupChanged(m, { routeId });
    });
    return this.view(routeId);
  }

  /** Moves one checkpoint's cut-offs (weather, a late start): new jobs at the new instants. */
  async moveCutoffs(principal: Principal, checkpointId: number, input: { arrivalCutoffAt?: Date | null; departureCutoffAt?: Date | null }): Promise<HikingCheckpoint> {
    return this.dataSource.transaction(async (m) => {
      const cp = await m.findOneBy(HikingCheckpoint, { id: checkpointId });
      if (!cp) throw new HikingError('not_found', HikingErrorCode.CheckpointNotFound, `打卡点不存在：${checkpointId}`);
      const route = await this.access.organizerRoute(principal, cp.routeId, m);
      if (input.arrivalCutoffAt !== undefined) cp.arrivalCutoffAt = input.arrivalCutoffAt;
      if (input.departureCutoffAt !== undefined) cp.departureCutoffAt = input.departureCutoffAt;
      for (const [field, at] of [['arrivalCutoffAt', cp.arrivalCutoffAt], ['departureCutoffAt', cp.departureCutoffAt]] as const) {
        if (at) checked(() => personalCutoff(at.getTime(), route.referenceStartAt.getTime(), route.referenceStartAt.getTime()), field);
      }
      const saved = await m.save(HikingCheckpoint, cp);
      await scheduleCutoffs(m, route, [saved], await m.findBy(HikingWave, { eventId: route.eventId }));
      return saved;
    });
  }

  /** A start wave of the route's event; every route's cut-offs are scheduled for it. */
  async addWave(principal: Principal, routeId: number, input: { name: string; startsAt: Date }): Promise<HikingWave> {
    return this.dataSource.transaction(async (m) => {
      const route = await this.access.organizerRoute(principal, routeId, m);
      const wave = await m.save(HikingWave, { eventId: route.eventId, name: input.name, startsAt: input.startsAt });
      await this.scheduleWave(m, route.eventId, wave);
      await setupChanged(m, { eventId: route.eventId });
      return wave;
    });
  }

  /** A late start: the wave's walkers' cut-offs move with it. */
  async moveWave(principal: Principal, waveId: number, startsAt: Date): Promise<HikingWave> {
    return this.dataSource.transaction(async (m) => {
      const wave = await m.findOneBy(HikingWave, { id: waveId });
      if (!wave) throw new HikingError('not_found', HikingErrorCode.WaveNotFound, `出发批次不存在：${waveId}`);
      const [route] = await m.findBy(HikingRoute, { eventId: wave.eventId });
      if (!route || !this.access.isOrganizer(principal, await this.access.withFacts(route, m))) throw forbidden();
      wave.startsAt = startsAt;
      const saved = await m.save(HikingWave, wave);
      await this.scheduleWave(m, wave.eventId, saved);
      await setupChanged(m, { eventId: wave.eventId });
      return saved;
    });
  }

  private async scheduleWave(m: EntityManager, eventId: number, wave: HikingWave): Promise<void> {
    for (const route of await m.findBy(HikingRoute, { eventId })) {
      await scheduleCutoffs(m, route, await m.findBy(HikingCheckpoint, { routeId: route.id }), [wave]);
    }
  }

  private async view(routeId: number): Promise<RouteView> {
    const m = this.dataSource.manager;
    const route = await m.findOneByOrFail(HikingRoute, { id: routeId });
    const checkpoints = await m.find(HikingCheckpoint, { where: { routeId }, order: { seq: 'ASC' } });
    const waves = await m.find(HikingWave, { where: { eventId: route.eventId }, order: { startsAt: 'ASC', id: 'ASC' } });
    return { ...route, checkpoints, waves };
  }
}

function checked<T>(fn: () => T, field: string): T {
  try {
    return fn();
  } catch (err) {
    throw fromDomain(err, field);
  }
}

/** At least a start and a finish; the start at 0 m; distances strictly growing; coordinates both or neither; no cut-off before the route's start. */
function validateCheckpoints(route: HikingRoute, list: CheckpointInput[]): void {
  const bad = (field: string, message: string) => new HikingError('invalid', HikingErrorCode.CheckpointsInvalid, message, { field });
  if (list.length < 2) throw bad('checkpoints', '路线至少要有起点和终点两个打卡点');
  if (list[0].distanceM !== 0) throw bad('checkpoints[0].distanceM', '起点的距离必须为 0');
  list.forEach((c, i) => {
    if (i > 0 && c.distanceM <= list[i - 1].distanceM) throw bad(`checkpoints[${i}].distanceM`, '打卡点距离必须逐个增加');
    const place = coordinatesProblem(c);
    if (place) throw bad(`checkpoints[${i}].${place.field}`, place.message);
    for (const key of ['arrivalCutoffAt', 'departureCutoffAt'] as const) {
      const at = c[key];
      if (at) checked(() => personalCutoff(at.getTime(), route.referenceStartAt.getTime(), route.referenceStartAt.getTime()), `checkpoints[${i}].${key}`);
    }
  });
}

/**
 * Which existing checkpoint each listed one is (undefined: a new one). By id when the list names any
 * (each id one of the route's, once); a list without ids keeps the checkpoints by position.
 */
function keptIds(existing: readonly HikingCheckpoint[], list: readonly CheckpointInput[]): (number | undefined)[] {
  if (!list.some((c) => c.id !== undefined)) return list.map((_, seq) => existing[seq]?.id);
  const own = new Set(existing.map((c) => c.id));
  const seen = new Set<number>();
  return list.map((c, i) => {
    if (c.id === undefined) return undefined;
    if (!own.has(c.id) || seen.has(c.id)) {
      throw new HikingError('invalid', HikingErrorCode.CheckpointsInvalid, own.has(c.id) ? `打卡点 ${c.id} 重复列出` : `打卡点 ${c.id} 不属于本路线`, { field: `checkpoints[${i}].id` });
    }
    seen.add(c.id);
    return c.id;
  });
}
