import { AppConfig } from '@app/config';
import { forbidden, PeopleDirectory, type Principal } from '@app/identity';
import { EntryDirectory, ProfileDirectory } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { applyStatusEvent, checkRegroup, regroupBib, HikingErrorCode, type WalkerStatus } from './domain';
import { fromDomain, HikingError, walkerNotFound } from './hiking-errors';
import { HikingCheckpointStaff } from './hiking-checkpoint-staff.entity';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingRegroup } from './hiking-regroup.entity';
import { HikingWalker } from './hiking-walker.entity';
import { startSweeps } from './overdue-sweep';
import { startAtGun } from './wave-gun';
import { HikingWave } from './hiking-wave.entity';
import { alertOrganizers } from './alerts';
import { noticeContacts } from './contact-notices';
import { BoardLive } from './board-live';
import { RouteAccess } from './route-access';
import { setupChanged } from './scan-setup';
import { auditStatus, standingsChanged } from './standings-version';

export interface EnrolResult {
  enrolled: number;
  /** Entries not enrolled, with why (a team outside the route's size range). */
  refused: { entryId: number; code: string; message: string }[];
}

/** The walkers of a route (from registration's approved entries), their staff, and drops by people. */
@Injectable()
export class WalkersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly entries: EntryDirectory,
    private readonly people: PeopleDirectory,
    private readonly profiles: ProfileDirectory,
    private readonly live: BoardLive,
    private readonly config: AppConfig,
  ) {}

  /**
   * Every approved entry of the route's item becomes walkers in a wave: a team entry one walker per
   * member (captain first, as registration lists them), within the route's team size range.
   * Enrolling again adds only the entries approved since.
   */
  async enrol(principal: Principal, routeId: number, waveId: number): Promise<EnrolResult> {
    return this.dataSource.transaction(async (m) => {
      const route = await this.access.organizerRoute(principal, routeId, m);
      const wave = await m.findOneBy(HikingWave, { id: waveId });
      if (!wave || wave.eventId !== route.eventId) throw new HikingError('not_found', HikingErrorCode.WaveNotFound, `出发批次不存在：${waveId}`, { field: 'waveId' });
      const list = await this.entries.within({ itemId: route.itemId }, ['approved'], m);
      const people = await this.entries.people(list.map((e) => e.id), m);
      const rows: unknown[][] = [];
      const refused: EnrolResult['refused'] = [];
      for (const e of list) {
        const members = people.get(e.id) ?? [e.userId];
        const team = e.teamName !== null;
        if (team && (members.length < route.teamMin || members.length > route.teamMax)) {
          refused.push({ entryId: e.id, code: HikingErrorCode.TeamSize, message: `队伍人数 ${members.length} 不在 ${route.teamMin}–${route.teamMax} 人之间` });
          continue;
        }
        members.forEach((userId, i) => rows.push([e.id, userId, routeId, e.bib, team && i === 0, waveId, team ? e.id : null]));
      }
      let enrolled = 0;
      if (rows.length) {
        const res = await m.query('INSERT IGNORE INTO hiking_walkers (entry_id, user_id, route_id, bib, captain, wave_id, team_entry_id) VALUES ?', [rows]);
        enrolled = Number(res.affectedRows ?? 0);
      }
      // Enrolled after their wave's gun: started at once, as the gun's job would have.
      if (enrolled && wave.startsAt.getTime() <= Date.now()) {
        await startAtGun(m, routeId, waveId);
        await startSweeps(m, routeId, this.config.HIKING_SWEEP_MS);
      }
      return { enrolled, refused };
    });
  }

  async list(principal: Principal, routeId: number) {
    const route = await this.access.route(routeId);
    await this.access.assertStaffOrOrganizer(principal, route);
    const walkers = await this.dataSource.manager.find(HikingWalker, { where: { routeId }, order: { bib: 'ASC', id: 'ASC' } });
    const names = await this.people.people(walkers.map((w) => w.userId));
    return walkers.map((w) => ({ ...w, realName: names.get(w.userId)?.realName ?? '' }));
  }

  /** The walker themself, or organizers and staff of the event. */
  async get(principal: Principal, walkerId: number) {
    const walker = await this.dataSource.manager.findOneBy(HikingWalker, { id: walkerId });
    if (!walker) throw walkerNotFound(walkerId);
    if (walker.userId !== principal.userId) await this.access.assertStaffOrOrganizer(principal, await this.access.route(walker.routeId));
    const scans = await this.dataSource.query(
      `SELECT s.id, s.checkpoint_id AS checkpointId, c.seq, c.name AS checkpointName, s.direction, s.raw_at AS rawAt, s.corrected_at AS correctedAt, s.counted, s.flags
         FROM hiking_scans s JOIN hiking_checkpoints c ON c.id = s.checkpoint_id WHERE s.walker_id = ? ORDER BY s.corrected_at, s.id`,
      [walkerId],
    );
    const changes = await this.dataSource.query(
      'SELECT from_status AS fromStatus, to_status AS toStatus, reason, actor_id AS actorId, created_at AS at FROM hiking_status_changes WHERE walker_id = ? ORDER BY id',
      [walkerId],
    );
    return { ...walker, changes, scans: scans.map((s: { counted: number; flags: string }) => ({ ...s, counted: Boolean(Number(s.counted)), flags: s.flags ? s.flags.split(',') : [] })) };
  }

  /** Staff are assigned per checkpoint; they scan there and nowhere else. */
  async assignStaff(principal: Principal, checkpointId: number, userId: number) {
    const cp = await this.dataSource.manager.findOneBy(HikingCheckpoint, { id: checkpointId });
    if (!cp) throw new HikingError('not_found', HikingErrorCode.CheckpointNotFound, `打卡点不存在：${checkpointId}`);
    await this.access.organizerRoute(principal, cp.routeId);
    if (!(await this.people.people([userId])).has(userId)) throw new HikingError('not_found', HikingErrorCode.NotStaff, `用户不存在：${userId}`, { field: 'userId' });
    await this.dataSource.transaction(async (m) => {
      await m.query('INSERT IGNORE INTO hiking_checkpoint_staff (checkpoint_id, user_id) VALUES (?, ?)', [checkpointId, userId]);
      await setupChanged(m, { routeId: cp.routeId });
    });
    return this.dataSource.manager.findOneByOrFail(HikingCheckpointStaff, { checkpointId, userId });
  }

  /**
   * "I am out": a walker withdraws themself from their phone (for safety: staff stop looking for
   * them), or staff and organizers withdraw anyone. The drop names its reason and checkpoint.
   */
  withdraw(principal: Principal, walkerId: number, reason: string, checkpointId: number | null) {
    return this.drop(principal, walkerId, 'withdraw', reason, checkpointId);
  }

  /** Organizers of the event disqualify a walker (a breach of the rules, also found at the finish). */
  disqualify(principal: Principal, walkerId: number, reason: string, checkpointId: number | null) {
    return this.drop(principal, walkerId, 'disqualify', reason, checkpointId);
  }

  /**
   * Staff (or organizers) approve a regrouping: walkers still on the course from teams broken by
   * withdrawals become one new team of the route's allowed size (domain/teams.ts). Each walker keeps
   * their entry, scans and statuses; the audit records the new team and who approved it.
   */
  async regroup(principal: Principal, routeId: number, input: { name: string; walkerIds: number[] }) {
    const result = await this.dataSource.transaction(async (m) => {
      const route = await this.access.route(routeId, m);
      await this.access.assertStaffOrOrganizer(principal, route);
      const ids = [...new Set(input.walkerIds)];
      type Row = { id: number; teamEntryId: number | null; regroupId: number | null; status: WalkerStatus };
      const cols = 'id, team_entry_id AS teamEntryId, regroup_id AS regroupId, status';
      // Locked in id order, as scan batches lock walkers, so the two never deadlock.
      const picked: Row[] = await m.query(`SELECT ${cols} FROM hiking_walkers WHERE id IN (?) AND route_id = ? ORDER BY id FOR UPDATE`, [ids, routeId]);
      const unknown = ids.find((id) => !picked.some((p) => Number(p.id) === id));
      if (unknown !== undefined) throw new HikingError('not_found', HikingErrorCode.WalkerNotFound, `本路线没有此队员：${unknown}`, { field: 'walkerIds' });
      const teamOf = (w: Row) => (w.regroupId !== null ? `r${w.regroupId}` : w.teamEntryId !== null ? `e${w.teamEntryId}` : null);
      const entries = [...new Set(picked.map((p) => p.teamEntryId).filter((x): x is number => x !== null))];
      const regroups = [...new Set(picked.map((p) => p.regroupId).filter((x): x is number => x !== null))];
      const teams = new Set(picked.map(teamOf).filter((x) => x !== null));
      const around: Row[] = entries.length || regroups.length
        ? await m.query(`SELECT ${cols} FROM hiking_walkers WHERE route_id = ? AND (team_entry_id IN (?) OR regroup_id IN (?))`, [routeId, entries.length ? entries : [0], regroups.length ? regroups : [0]])
        : [];
      const members = [...around, ...picked.filter((p) => teamOf(p) === null)]
        .filter((w) => teamOf(w) === null || teams.has(teamOf(w)!))
        .map((w) => ({ walkerId: String(w.id), teamId: teamOf(w), status: w.status }));
      try {
        checkRegroup(members, ids.map(String), route.teamMin, route.teamMax);
      } catch (err) {
        throw fromDomain(err, 'walkerIds');
      }
      const regroup = await m.save(HikingRegroup, { routeId, name: input.name, approvedBy: principal.userId });
      await m.query('UPDATE hiking_walkers SET regroup_id = ? WHERE id IN (?)', [regroup.id, ids]);
      for (const w of picked) await auditStatus(m, Number(w.id), w.status, w.status, `重新组队「${input.name}」（原队伍 ${teamOf(w)}）`, principal.userId);
      return { id: regroup.id, routeId, name: regroup.name, bib: regroupBib(regroup.id), approvedBy: regroup.approvedBy, walkerIds: ids.sort((a, b) => a - b) };
    });
    await this.live.announce([routeId]);
    return result;
  }

  private async drop(principal: Principal, walkerId: number, type: 'withdraw' | 'disqualify', reason: string, checkpointId: number | null) {
    const walker = await this.dropInTransaction(principal, walkerId, type, reason, checkpointId);
    await this.live.announce([walker.routeId]);
    return walker;
  }

  private dropInTransaction(principal: Principal, walkerId: number, type: 'withdraw' | 'disqualify', reason: string, checkpointId: number | null) {
    return this.dataSource.transaction(async (m) => {
      const [walker] = await m.query('SELECT id FROM hiking_walkers WHERE id = ? FOR UPDATE', [walkerId]);
      if (!walker) throw walkerNotFound(walkerId);
      const w = await m.findOneByOrFail(HikingWalker, { id: walkerId });
      const route = await this.access.route(w.routeId, m);
      if (type === 'disqualify') {
        if (!this.access.isOrganizer(principal, route)) throw forbidden();
      } else if (w.userId !== principal.userId) await this.access.assertStaffOrOrganizer(principal, route);
      if (checkpointId !== null && !(await m.existsBy(HikingCheckpoint, { id: checkpointId, routeId: route.id }))) {
        throw new HikingError('not_found', HikingErrorCode.CheckpointNotFound, `打卡点不在该路线上：${checkpointId}`, { field: 'checkpointId' });
      }
      const now = Date.now();
      let next;
      try {
        next = applyStatusEvent({ status: w.status, drop: null }, { type, drop: { reason, checkpointId: checkpointId === null ? null : String(checkpointId), at: now } });
      } catch (err) {
        throw fromDomain(err, 'reason');
      }
      // The route's version first, before the walker's update share-locks the route row (see ScansService).
      await standingsChanged(m, route.id, route.itemId);
      await m.update(HikingWalker, { id: walkerId }, { status: next.status, dropReason: reason, dropCheckpointId: checkpointId, droppedAt: new Date(now) });
      await auditStatus(m, walkerId, w.status, next.status, reason, principal.userId);
      if (next.status === 'withdrawn') {
        const [at] = checkpointId !== null ? await m.findBy(HikingCheckpoint, { id: checkpointId }) : w.lastCheckpointSeq === null ? [] : await m.findBy(HikingCheckpoint, { routeId: route.id, seq: w.lastCheckpointSeq });
        await noticeContacts(m, { people: this.people, profiles: this.profiles }, route, 'withdrawn', [{ walkerId, userId: w.userId, bib: w.bib, checkpoint: at?.name ?? null }]);
      }
      return m.findOneByOrFail(HikingWalker, { id: walkerId });
    });
  }

  /** Staff could not find a walker: the board shows them lost until any later scan. */
  async setLost(principal: Principal, walkerId: number, lost: boolean) {
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT id FROM hiking_walkers WHERE id = ? FOR UPDATE', [walkerId]);
      if (!row) throw walkerNotFound(walkerId);
      const w = await m.findOneByOrFail(HikingWalker, { id: walkerId });
      const route = await this.access.route(w.routeId, m);
      await this.access.assertStaffOrOrganizer(principal, route);
      await m.update(HikingWalker, { id: walkerId }, { lost });
      // A walker newly lost raises an alert to the event's organizers, with the change.
      if (lost && !w.lost) {
        const [cp] = w.lastCheckpointSeq === null ? [] : await m.findBy(HikingCheckpoint, { routeId: route.id, seq: w.lastCheckpointSeq });
        await alertOrganizers(m, this.people, route, [{ userId: w.userId, bib: w.bib, lastCheckpoint: cp?.name ?? null, alert: '失联', ref: `lost-${walkerId}-${Date.now()}` }]);
      }
    });
    return { walkerId, lost };
  }
}
