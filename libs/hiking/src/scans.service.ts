import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { applyStatusEvent, classifyScan, teamScan, correctUpload, type Cutoff, DROPPED_STATUSES, HikingErrorCode, type KnownScan, lateScanEffect, type WalkerStatus } from './domain';
import { HikingError, routeNotFound } from './hiking-errors';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingRoute } from './hiking-route.entity';
import type { StoredScanFlag } from './hiking-scan.entity';
import { HikingWalker } from './hiking-walker.entity';
import { HikingWave } from './hiking-wave.entity';
import { BoardLive } from './board-live';
import { RouteAccess } from './route-access';
import { FAR_SKEW_MS, type ScanInput, type ScanOutcome, type ScanUploadInput, type ScanUploadResult } from './scan-upload';
import { auditStatus, standingsChanged } from './standings-version';

interface Target {
  index: number;
  scan: ScanInput;
  checkpoint: HikingCheckpoint;
  walkerIds: number[];
  /** A team's QR with a member still walking missing, on a route that flags rather than refuses it. */
  teamIncomplete?: true;
}

interface StoredScan extends KnownScan {
  id: number | null;
  walkerId: number;
}

const refuse = (index: number, code: HikingErrorCode, field: string, message: string): ScanOutcome => ({ index, outcome: 'refused', code, field: `scans[${index}].${field}`, message });

/**
 * Scans from staff devices, one at a time or an offline device's backlog. A bad scan in a batch is
 * refused by its index and the rest are kept; nothing accepted is dropped, whatever its flags.
 */
@Injectable()
export class ScansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RouteAccess,
    private readonly live: BoardLive,
  ) {}

  async upload(principal: Principal, eventId: number, input: ScanUploadInput): Promise<ScanUploadResult> {
    const serverNow = Date.now();
    const routes = await this.dataSource.manager.findBy(HikingRoute, { eventId });
    if (!routes.length) throw routeNotFound(eventId);
    const organizer = this.access.isOrganizer(principal, await this.access.withFacts(routes[0]));
    const staffAt = organizer ? null : await this.access.staffCheckpoints(principal.userId, eventId);
    if (staffAt && staffAt.size === 0) throw new HikingError('forbidden', HikingErrorCode.StaffNotAssigned, '您不是本活动任何打卡点的工作人员');
    const corrected = correctUpload(
      { deviceId: input.deviceId, deviceNowAt: input.deviceNow.getTime(), scans: input.scans.map((s) => ({ ...s, walkerId: '', checkpointId: String(s.checkpointId), deviceAt: s.deviceAt.getTime() })) },
      serverNow,
      Math.min(...routes.map((r) => r.skewLimitMs)),
    );
    if (Math.abs(corrected.skewMs) > FAR_SKEW_MS) throw new HikingError('invalid', HikingErrorCode.DeviceClockInvalid, '设备时钟与服务器相差超过一天，请校准设备时间', { field: 'deviceNow' });

    const result = await this.dataSource.transaction(async (m) => {
      const routeIds = routes.map((r) => r.id);
      const checkpoints = await m.find(HikingCheckpoint, { where: routeIds.map((routeId) => ({ routeId })), order: { seq: 'ASC' } });
      const cpById = new Map(checkpoints.map((c) => [c.id, c]));
      const results: ScanOutcome[] = [];
      const targets: Target[] = [];
      const byBib = await this.walkersByBib(m, routeIds, input.scans);
      for (const [index, scan] of input.scans.entries()) {
        const checkpoint = cpById.get(scan.checkpointId);
        const at = corrected.scans[index].correctedAt;
        if (!checkpoint) results.push(refuse(index, HikingErrorCode.CheckpointOfOtherEvent, 'checkpointId', `打卡点不属于本活动：${scan.checkpointId}`));
        else if (staffAt && !staffAt.has(checkpoint.id)) results.push(refuse(index, HikingErrorCode.StaffNotAssigned, 'checkpointId', `您未被分配到打卡点「${checkpoint.name}」`));
        else if (at > serverNow + 60_000) results.push(refuse(index, HikingErrorCode.DeviceClockInvalid, 'deviceAt', '扫码时间晚于设备当前时间'));
        else {
          const walkerIds = scan.walkerId !== undefined ? (byBib.walkers.has(scan.walkerId) ? [scan.walkerId] : []) : (byBib.bibs.get(scan.bib ?? '') ?? []);
          if (!walkerIds.length) results.push(refuse(index, HikingErrorCode.UnknownBib, scan.walkerId !== undefined ? 'walkerId' : 'bib', `本活动没有此号码：${scan.walkerId ?? scan.bib ?? ''}`));
          else if (scan.bib !== undefined && scan.present !== undefined) {
            // A team's QR with the members present: an incomplete team is refused or flagged, as the route sets.
            const policy = routes.find((r) => r.id === checkpoint.routeId)?.incompleteTeamScan ?? 'flag';
            const members = (byBib.members.get(scan.bib) ?? []).map((w) => ({ walkerId: String(w.id), status: w.status }));
            const verdict = teamScan(members, scan.present.map(String), policy);
            if (verdict.kind === 'stranger') results.push(refuse(index, HikingErrorCode.NotTeamMember, 'present', `不是队伍 ${scan.bib} 的队员：${verdict.walkerIds.join('、')}`));
            else if (verdict.kind === 'refuse') results.push(refuse(index, HikingErrorCode.TeamIncomplete, 'present', `队伍 ${scan.bib} 在「${checkpoint.name}」不完整：缺 ${verdict.missing.length} 名队员，须全队到齐再扫码`));
            else if (!verdict.walkerIds.length) results.push(refuse(index, HikingErrorCode.TeamIncomplete, 'present', `队伍 ${scan.bib} 没有在场的队员`));
            else targets.push({ index, scan, checkpoint, walkerIds: verdict.walkerIds.map(Number), ...(verdict.incomplete ? { teamIncomplete: true as const } : {}) });
          } else targets.push({ index, scan, checkpoint, walkerIds });
        }
      }
      const accepted = await this.apply(m, targets, input.deviceId, corrected.scans.map((s) => s.correctedAt), corrected.skewFlagged, serverNow, routes, checkpoints);
      results.push(...accepted);
      results.sort((a, b) => a.index - b.index);
      await m.query(
        'INSERT INTO hiking_devices (device_id, event_id, last_skew_ms, last_seen_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_skew_ms = VALUES(last_skew_ms), last_seen_at = VALUES(last_seen_at)',
        [input.deviceId, eventId, corrected.skewMs, new Date(serverNow)],
      );
      const count = (o: ScanOutcome['outcome']) => results.filter((r) => r.outcome === o).length;
      return { deviceId: input.deviceId, skewMs: corrected.skewMs, skewFlagged: corrected.skewFlagged, accepted: count('accepted'), repeats: count('repeat'), refused: count('refused'), results };
    });
    if (result.accepted) await this.live.announce(routes.map((r) => r.id));
    return result;
  }

  /** Walkers the scans name, by id or by bib; a team's bib names its members not withdrawn or disqualified. */
  private async walkersByBib(m: EntityManager, routeIds: number[], scans: ScanInput[]) {
    const ids = scans.map((s) => s.walkerId).filter((x): x is number => x !== undefined);
    const bibs = scans.map((s) => s.bib).filter((x): x is string => x !== undefined);
    const rows: { id: number; bib: string | null; status: WalkerStatus }[] = [];
    if (ids.length) rows.push(...(await m.query('SELECT id, bib, status FROM hiking_walkers WHERE id IN (?) AND route_id IN (?)', [ids, routeIds])));
    if (bibs.length) rows.push(...(await m.query('SELECT id, bib, status FROM hiking_walkers WHERE bib IN (?) AND route_id IN (?) ORDER BY id', [bibs, routeIds])));
    const walkers = new Set(rows.map((r) => Number(r.id)));
    const byBib = new Map<string, number[]>();
    // Every member of a bib, with their status, for a team scan that says who is present.
    const members = new Map<string, { id: number; status: WalkerStatus }[]>();
    for (const r of rows) {
      if (r.bib !== null && !members.get(r.bib)?.some((x) => x.id === Number(r.id))) members.set(r.bib, [...(members.get(r.bib) ?? []), { id: Number(r.id), status: r.status }]);
    }
    for (const r of rows) {
      if (r.bib === null || r.status === 'withdrawn' || r.status === 'disqualified') continue;
      const list = byBib.get(r.bib) ?? [];
      if (!list.includes(Number(r.id))) list.push(Number(r.id));
      byBib.set(r.bib, list);
    }
    return { walkers, bibs: byBib, members };
  }

  private async apply(
    m: EntityManager,
    targets: Target[],
    deviceId: string,
    correctedAt: number[],
    skewFlagged: boolean,
    serverNow: number,
    routes: HikingRoute[],
    checkpoints: HikingCheckpoint[],
  ): Promise<ScanOutcome[]> {
    if (!targets.length) return [];
    const walkerIds = [...new Set(targets.flatMap((t) => t.walkerIds))].sort((a, b) => a - b);
    // Locked in id order, so two devices uploading the same team never deadlock.
    const locked = await m.find(HikingWalker, { where: { id: In(walkerIds) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const walkers = new Map(locked.map((w) => [w.id, w]));
    const waves = new Map((await m.findBy(HikingWave, { id: In([...new Set([...walkers.values()].map((w) => w.waveId))]) })).map((w) => [w.id, w]));
    const routeCps = new Map<number, HikingCheckpoint[]>();
    for (const cp of checkpoints) routeCps.set(cp.routeId, [...(routeCps.get(cp.routeId) ?? []), cp]);
    const cpById = new Map([...routeCps.values()].flat().map((c) => [c.id, c]));
    const known = new Map<number, StoredScan[]>(walkerIds.map((id) => [id, []]));
    const stored: { id: number; walkerId: number; key: string; checkpointId: number; direction: 'in' | 'out'; correctedAt: Date; counted: number }[] = await m.query(
      `SELECT id, walker_id AS walkerId, CONCAT(device_id, '/', client_scan_id) AS \`key\`, checkpoint_id AS checkpointId, direction, corrected_at AS correctedAt, counted
         FROM hiking_scans WHERE walker_id IN (?)`,
      [walkerIds],
    );
    for (const s of stored) {
      known.get(Number(s.walkerId))!.push({ id: Number(s.id), walkerId: Number(s.walkerId), clientScanId: s.key, checkpointId: String(s.checkpointId), direction: s.direction, correctedAt: new Date(s.correctedAt).getTime(), counted: Boolean(Number(s.counted)) });
    }
    const dirty = new Set<number>();
    const standingsRoutes = new Set<number>();
    const superseded = new Set<string>();
    const inserts: unknown[][] = [];
    const out: ScanOutcome[] = [];
    // An offline backlog is judged in the order it was walked, not the order it was sent.
    const ordered = [...targets].sort((a, b) => correctedAt[a.index] - correctedAt[b.index] || a.index - b.index);
    for (const t of ordered) {
      const at = correctedAt[t.index];
      const outcome = { index: t.index, walkerIds: [] as number[], counted: [] as boolean[], flags: [] as string[][] };
      let repeats = 0;
      for (const walkerId of t.walkerIds) {
        const w = walkers.get(walkerId)!;
        // A team's QR is one scan per member on the device; each member's row needs its own key.
        const clientScanId = t.walkerIds.length > 1 || t.scan.bib !== undefined ? `${t.scan.clientScanId}#${walkerId}` : t.scan.clientScanId;
        const key = `${deviceId}/${clientScanId}`;
        const track = { route: (routeCps.get(w.routeId) ?? []).map((c) => ({ checkpointId: String(c.id), seq: c.seq })), scans: known.get(walkerId)!, waveStartAt: waves.get(w.waveId)!.startsAt.getTime() };
        const verdict = classifyScan({ clientScanId: key, checkpointId: String(t.checkpoint.id), direction: t.scan.direction, correctedAt: at }, track);
        if (verdict.kind === 'repeat') {
          repeats++;
          outcome.walkerIds.push(walkerId);
          continue;
        }
        const flags: StoredScanFlag[] = [...verdict.flags];
        if (skewFlagged) flags.push('clock_skew');
        if (t.teamIncomplete) flags.push('team_incomplete');
        let counted = verdict.counted;
        const seq = t.checkpoint.routeId === w.routeId ? t.checkpoint.seq : null;
        if (DROPPED_STATUSES.includes(w.status) && seq !== null) {
          const effect = lateScanEffect({ status: w.status, timedOutBy: timedOutBy(w, cpById), droppedAt: w.droppedAt?.getTime() ?? null }, { checkpointSeq: seq, direction: t.scan.direction, correctedAt: at });
          if (effect.effect === 'reverse_time_out' && counted) {
            const next = applyStatusEvent({ status: w.status, drop: null }, { type: 'reverse_time_out', to: effect.to });
            await auditStatus(m, w.id, w.status, next.status, `离线扫码证明在关门前到达（${t.checkpoint.name}）`, null);
            Object.assign(w, { status: next.status, dropReason: null, dropCheckpointId: null, droppedAt: null });
            standingsRoutes.add(w.routeId);
          } else if (effect.effect === 'questionable') {
            flags.push('questionable');
            counted = false;
          }
        }
        if (counted && seq !== null && !DROPPED_STATUSES.includes(w.status)) {
          this.advance(w, seq, t.scan.direction, at, (routeCps.get(w.routeId) ?? []).length - 1, standingsRoutes);
          if (verdict.supersedes) {
            superseded.add(verdict.supersedes);
            const old = known.get(walkerId)!.find((k) => k.clientScanId === verdict.supersedes);
            if (old) old.counted = false;
            if (seq === (routeCps.get(w.routeId) ?? []).length - 1) standingsRoutes.add(w.routeId);
          }
        }
        w.lost = false;
        dirty.add(walkerId);
        inserts.push([walkerId, t.checkpoint.id, t.scan.direction, deviceId, clientScanId, t.scan.deviceAt, new Date(at), new Date(serverNow), counted, flags.join(',')]);
        known.get(walkerId)!.push({ id: null, walkerId, clientScanId: key, checkpointId: String(t.checkpoint.id), direction: t.scan.direction, correctedAt: at, counted });
        outcome.walkerIds.push(walkerId);
        outcome.counted.push(counted);
        outcome.flags.push(flags);
      }
      out.push(repeats === t.walkerIds.length ? { index: t.index, outcome: 'repeat', walkerIds: outcome.walkerIds } : { ...outcome, outcome: 'accepted' });
    }
    // The route row first: updating a walker's status checks its route's foreign key, a share lock on
    // the route row; a batch that then bumped the route's version would wait for every other batch's
    // share lock while they waited for its own: taken exclusively before any, it just queues.
    for (const routeId of [...standingsRoutes].sort((a, b) => a - b)) await standingsChanged(m, routeId, routes.find((r) => r.id === routeId)!.itemId);
    if (inserts.length) {
      await m.query('INSERT INTO hiking_scans (walker_id, checkpoint_id, direction, device_id, client_scan_id, raw_at, corrected_at, received_at, counted, flags) VALUES ?', [inserts]);
    }
    for (const key of superseded) {
      const slash = key.indexOf('/');
      await m.query("UPDATE hiking_scans SET counted = 0, flags = CONCAT_WS(',', NULLIF(flags, ''), 'duplicate') WHERE device_id = ? AND client_scan_id = ?", [key.slice(0, slash), key.slice(slash + 1)]);
    }
    if (dirty.size) {
      // One statement for the batch's walkers. A plain UPDATE from a derived table, not an upsert:
      // an upsert would check the route's foreign key, share-locking the route row that a batch
      // with a finish then bumps, and two such batches would deadlock.
      const cols = ['id', 'status', 'drop_reason', 'drop_checkpoint_id', 'dropped_at', 'last_checkpoint_seq', 'last_scan_at', 'started_at', 'lost'];
      const params: unknown[] = [];
      const rows = [...dirty].sort((a, b) => a - b).map((id, i) => {
        const w = walkers.get(id)!;
        params.push(w.id, w.status, w.dropReason, w.dropCheckpointId, w.droppedAt, w.lastCheckpointSeq, w.lastScanAt, w.startedAt, w.lost);
        return `SELECT ${cols.map((c) => (i === 0 ? `? AS ${c}` : '?')).join(', ')}`;
      });
      await m.query(
        `UPDATE hiking_walkers w JOIN (${rows.join(' UNION ALL ')}) v ON v.id = w.id
            SET w.status = v.status, w.drop_reason = v.drop_reason, w.drop_checkpoint_id = v.drop_checkpoint_id, w.dropped_at = v.dropped_at,
                w.last_checkpoint_seq = v.last_checkpoint_seq, w.last_scan_at = v.last_scan_at, w.started_at = v.started_at, w.lost = v.lost`,
        params,
      );
    }
    return out;
  }

  /** A counted scan moves the walker on: the start scan starts them, a later checkpoint puts them on course, the last one finishes them. */
  private advance(w: HikingWalker, seq: number, direction: 'in' | 'out', at: number, finishSeq: number, standings: Set<number>): void {
    if (seq === 0) {
      if (w.startedAt === null || at < w.startedAt.getTime()) w.startedAt = new Date(at);
      if (w.status === 'registered') w.status = applyStatusEvent({ status: w.status, drop: null }, { type: 'start' }).status;
    } else if (seq === finishSeq) {
      if (w.status !== 'finished') w.status = applyStatusEvent({ status: w.status, drop: null }, { type: 'finish' }).status;
      standings.add(w.routeId);
    } else if (w.status !== 'finished') {
      w.status = applyStatusEvent({ status: w.status, drop: null }, { type: 'checkpoint' }).status;
    }
    if (w.lastCheckpointSeq === null || seq > w.lastCheckpointSeq) w.lastCheckpointSeq = seq;
    if (w.lastScanAt === null || at > w.lastScanAt.getTime()) w.lastScanAt = new Date(at);
    void direction;
  }
}

/** The cut-off that timed a walker out, as the drop recorded it (checkpoint, kind by reason, instant). */
export function timedOutBy(w: HikingWalker, cps: Map<number, HikingCheckpoint>): Cutoff | null {
  if (w.status !== 'timed_out' || w.dropCheckpointId === null || w.droppedAt === null) return null;
  const cp = cps.get(w.dropCheckpointId);
  if (!cp) return null;
  return { checkpointId: String(cp.id), checkpointSeq: cp.seq, kind: w.dropReason === 'missed_departure_cutoff' ? 'departure' : 'arrival', at: w.droppedAt.getTime() };
}
