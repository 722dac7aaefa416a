import type { Principal } from '@app/identity';
import { inTransactionClosing, type Statement } from '@app/database';
import { Gate } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addPassage, applyStatusEvent, classifyScan, parsePassages, type Passages, passageScans, passedCheckpoints, type ScanDirection, regroupOfBib, teamBibOf, teamScan, correctUpload, type Cutoff, DROPPED_STATUSES, HikingErrorCode, type KnownScan, lateScanEffect, type WalkerStatus } from './domain';
import { HikingError } from './hiking-errors';
import { ARRIVAL_SHARDS } from './hiking-arrival-count.entity';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import type { StoredScanFlag } from './hiking-scan.entity';
import { HikingWalker } from './hiking-walker.entity';
import { BoardLive } from './board-live';
import { RouteAccess } from './route-access';
import { FAR_SKEW_MS, type ScanInput, type ScanOutcome, type ScanUploadInput, type ScanUploadResult } from './scan-upload';
import { type EventSetup, ScanSetup } from './scan-setup';
import { auditStatus, standingsChangedLater } from './standings-version';

interface Target {
  index: number;
  scan: ScanInput;
  checkpoint: HikingCheckpoint;
  walkerIds: number[];
  /** A team's QR with a member still walking missing, on a route that flags rather than refuses it. */
  teamIncomplete?: true;
}

/** What a batch reads and writes of a walker, locked for the batch. */
type ScanWalker = Pick<
  HikingWalker,
  'id' | 'bib' | 'routeId' | 'waveId' | 'status' | 'dropReason' | 'dropCheckpointId' | 'droppedAt' | 'lastCheckpointSeq' | 'lastScanAt' | 'startedAt' | 'lost' | 'regroupId'
> & {
  passages: Passages;
  /** What this batch changed of the passages: the patch its update applies to the stored ones. */
  passagesChanged: Passages;
};

/** Marks the scans the rules judge against that stand for stored passages: no device id has it. */
const STORED = '#';

/**
 * Scan batches in a transaction at once, per API process; the rest wait their turn, up to
 * SCAN_BATCHES_WAITING, then are refused for the device to send again. On a busy night fifteen
 * devices' transactions at once on a database with two cores spend their time waiting on each
 * other's latches and locks; a few at a time get through more scans, each sooner.
 */
const SCAN_BATCHES_AT_ONCE = 4;
const SCAN_BATCHES_WAITING = 200;

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
    private readonly setup: ScanSetup,
  ) {}

  private readonly gate = new Gate(
    SCAN_BATCHES_AT_ONCE,
    SCAN_BATCHES_WAITING,
    () => new HikingError('rate_limited', HikingErrorCode.ScansBusy, '上传的扫码太多，请稍后重试（已扫的记录仍保存在设备上）', { field: null, retryAfterSeconds: 5 }),
  );

  async upload(principal: Principal, eventId: number, input: ScanUploadInput): Promise<ScanUploadResult> {
    const serverNow = Date.now();
    const setup = await this.setup.of(eventId);
    const { routes } = setup;
    const staffAt = this.access.isOrganizer(principal, setup.facts) ? null : (setup.staff.get(principal.userId) ?? new Set<number>());
    if (staffAt && staffAt.size === 0) throw new HikingError('forbidden', HikingErrorCode.StaffNotAssigned, '您不是本活动任何打卡点的工作人员');
    const corrected = correctUpload(
      { deviceId: input.deviceId, deviceNowAt: input.deviceNow.getTime(), scans: input.scans.map((s) => ({ ...s, walkerId: '', checkpointId: String(s.checkpointId), deviceAt: s.deviceAt.getTime() })) },
      serverNow,
      Math.min(...routes.map((r) => r.skewLimitMs)),
    );
    if (Math.abs(corrected.skewMs) > FAR_SKEW_MS) throw new HikingError('invalid', HikingErrorCode.DeviceClockInvalid, '设备时钟与服务器相差超过一天，请校准设备时间', { field: 'deviceNow' });

    // The batch's writes go with its COMMIT in one statement: the walkers it locked are held only
    // while the server writes, not while this process, busy with other devices' batches, gets
    // round to sending each write (fifteen devices uploading at once queue on each other's walkers).
    const result = await this.gate.run(() => inTransactionClosing(this.dataSource, async (m) => {
      const results: ScanOutcome[] = [];
      const targets: Target[] = [];
      const byBib = await this.walkersOf(m, routes.map((r) => r.id), input.scans);
      for (const [index, scan] of input.scans.entries()) {
        const checkpoint = setup.checkpoints.get(scan.checkpointId);
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
      const { outcomes, closing } = await this.apply(m, targets, byBib.walkers, input.deviceId, corrected.scans.map((s) => s.correctedAt), corrected.skewFlagged, serverNow, setup);
      results.push(...outcomes);
      results.sort((a, b) => a.index - b.index);
      closing.push([
        'INSERT INTO hiking_devices (device_id, event_id, last_skew_ms, last_seen_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_skew_ms = VALUES(last_skew_ms), last_seen_at = VALUES(last_seen_at)',
        [input.deviceId, eventId, corrected.skewMs, new Date(serverNow)],
      ]);
      const count = (o: ScanOutcome['outcome']) => results.filter((r) => r.outcome === o).length;
      return {
        value: { deviceId: input.deviceId, skewMs: corrected.skewMs, skewFlagged: corrected.skewFlagged, accepted: count('accepted'), repeats: count('repeat'), refused: count('refused'), results },
        closing,
      };
    }));
    if (result.accepted) await this.live.announce(routes.map((r) => r.id));
    return result;
  }

  /**
   * The walkers the scans name, by id or by bib, locked in id order in one statement (two devices
   * uploading the same team never deadlock); a team's bib names its members not withdrawn or
   * disqualified. A bib is first resolved to its members without a lock, then they are locked too.
   */
  private async walkersOf(m: EntityManager, routeIds: number[], scans: ScanInput[]) {
    const ids = new Set(scans.map((s) => s.walkerId).filter((x): x is number => x !== undefined));
    const bibs = [...new Set(scans.map((s) => s.bib).filter((x): x is string => x !== undefined))];
    if (bibs.length) {
      // A regrouped team's QR names its regroup; an entry's bib names its walkers not moved to one.
      const regroups = bibs.map(regroupOfBib).filter((x): x is number => x !== null);
      const rows: { id: number }[] = await m.query('SELECT id FROM hiking_walkers WHERE (bib IN (?) OR regroup_id IN (?)) AND route_id IN (?)', [bibs, regroups.length ? regroups : [0], routeIds]);
      for (const r of rows) ids.add(Number(r.id));
    }
    const rows: ScanWalker[] = ids.size
      ? (
          await m.query(
            `SELECT id, bib, route_id AS routeId, wave_id AS waveId, status, drop_reason AS dropReason, drop_checkpoint_id AS dropCheckpointId, dropped_at AS droppedAt,
                    last_checkpoint_seq AS lastCheckpointSeq, last_scan_at AS lastScanAt, started_at AS startedAt, lost, regroup_id AS regroupId, passages
               FROM hiking_walkers WHERE id IN (?) AND route_id IN (?) ORDER BY id FOR UPDATE`,
            [[...ids], routeIds],
          )
        ).map((r: Omit<ScanWalker, 'passages' | 'passagesChanged'> & { passages: string | null }) => ({
          ...r,
          passages: parsePassages(r.passages),
          passagesChanged: {},
          id: Number(r.id),
          routeId: Number(r.routeId),
          waveId: Number(r.waveId),
          lost: Boolean(Number(r.lost)),
          regroupId: r.regroupId === null ? null : Number(r.regroupId),
        }))
      : [];
    const walkers = new Map(rows.map((w) => [w.id, w]));
    const wanted = new Set(bibs);
    const byBib = new Map<string, number[]>();
    // Every member of a bib, with their status, for a team scan that says who is present.
    const members = new Map<string, { id: number; status: WalkerStatus }[]>();
    for (const r of rows) {
      const bib = teamBibOf(r);
      if (bib === null || !wanted.has(bib)) continue;
      members.set(bib, [...(members.get(bib) ?? []), { id: r.id, status: r.status }]);
      if (r.status !== 'withdrawn' && r.status !== 'disqualified') byBib.set(bib, [...(byBib.get(bib) ?? []), r.id]);
    }
    return { walkers, bibs: byBib, members };
  }

  private async apply(
    m: EntityManager,
    targets: Target[],
    walkers: Map<number, ScanWalker>,
    deviceId: string,
    correctedAt: number[],
    skewFlagged: boolean,
    serverNow: number,
    setup: EventSetup,
  ): Promise<{ outcomes: ScanOutcome[]; closing: Statement[] }> {
    if (!targets.length) return { outcomes: [], closing: [] };
    const { routeCheckpoints: routeCps, checkpoints: cpById } = setup;
    // A team's QR is one scan per member on the device; each member's row needs its own key.
    const clientScanIdOf = (t: Target, walkerId: number) => (t.walkerIds.length > 1 || t.scan.bib !== undefined ? `${t.scan.clientScanId}#${walkerId}` : t.scan.clientScanId);
    const stored = await this.storedOf(m, deviceId, targets.flatMap((t) => t.walkerIds.map((id) => clientScanIdOf(t, id))));
    const walkerIds = [...new Set(targets.flatMap((t) => t.walkerIds))].sort((a, b) => a - b);
    // What the rules judge against: each walker's counted passages, then this batch's scans as they are judged.
    const known = new Map<number, KnownScan[]>(walkerIds.map((id) => [id, passageScans(walkers.get(id)!.passages, (key) => `${STORED}${key}`)]));
    // Which checkpoints each walker had arrived at before this batch: the board's counters grow by the new ones.
    const arrivedBefore = new Map(walkerIds.map((id) => [id, passedCheckpoints(walkers.get(id)!.passages)]));
    const dirty = new Set<number>();
    const standingsRoutes = new Set<number>();
    const superseded: Statement[] = [];
    const inserts: { key: string; row: unknown[] }[] = [];
    const out: ScanOutcome[] = [];
    // An offline backlog is judged in the order it was walked, not the order it was sent.
    const ordered = [...targets].sort((a, b) => correctedAt[a.index] - correctedAt[b.index] || a.index - b.index);
    for (const t of ordered) {
      const at = correctedAt[t.index];
      const outcome = { index: t.index, walkerIds: [] as number[], counted: [] as boolean[], flags: [] as string[][] };
      let repeats = 0;
      for (const walkerId of t.walkerIds) {
        const w = walkers.get(walkerId)!;
        const clientScanId = clientScanIdOf(t, walkerId);
        const key = `${deviceId}/${clientScanId}`;
        const route = routeCps.get(w.routeId) ?? [];
        const track = { route: route.map((c) => ({ checkpointId: String(c.id), seq: c.seq })), scans: known.get(walkerId)!, waveStartAt: setup.waveStarts.get(w.waveId)! };
        const verdict = stored.has(clientScanId) ? ({ kind: 'repeat' } as const) : classifyScan({ clientScanId: key, checkpointId: String(t.checkpoint.id), direction: t.scan.direction, correctedAt: at }, track);
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
          this.advance(w, seq, at, route.length - 1, standingsRoutes);
          if (verdict.supersedes) {
            const old = known.get(walkerId)!.find((k) => k.clientScanId === verdict.supersedes)!;
            old.counted = false;
            // Stored before this batch: the counted scan of that passage; from this batch: written as the duplicate it now is.
            if (old.clientScanId.startsWith(STORED)) superseded.push(supersedeStored(walkerId, t.checkpoint.id, t.scan.direction));
            else supersedeRow(inserts.find((i) => i.key === old.clientScanId)!.row);
            if (seq === route.length - 1) standingsRoutes.add(w.routeId);
          }
        }
        if (counted) addPassage(w.passages, t.checkpoint.id, t.scan.direction, at, w.passagesChanged);
        w.lost = false;
        dirty.add(walkerId);
        inserts.push({ key, row: [walkerId, t.checkpoint.id, t.scan.direction, deviceId, clientScanId, t.scan.deviceAt, new Date(at), new Date(serverNow), counted, flags.join(',')] });
        known.get(walkerId)!.push({ clientScanId: key, checkpointId: String(t.checkpoint.id), direction: t.scan.direction, correctedAt: at, counted });
        outcome.walkerIds.push(walkerId);
        outcome.counted.push(counted);
        outcome.flags.push(flags);
      }
      out.push(repeats === t.walkerIds.length ? { index: t.index, outcome: 'repeat', walkerIds: outcome.walkerIds } : { ...outcome, outcome: 'accepted' });
    }
    const closing: Statement[] = [];
    if (standingsRoutes.size) closing.push(standingsChangedLater([...standingsRoutes].sort((a, b) => a - b)));
    // Before the insert: the passage's new counted scan must not be taken for the one it supersedes.
    closing.push(...superseded);
    if (inserts.length) {
      closing.push(['INSERT INTO hiking_scans (walker_id, checkpoint_id, direction, device_id, client_scan_id, raw_at, corrected_at, received_at, counted, flags) VALUES ?', [inserts.map((i) => i.row)]]);
    }
    const arrivals = addArrivals(walkerIds, walkers, arrivedBefore);
    if (arrivals) closing.push(arrivals);
    if (dirty.size) closing.push(updateWalkers([...dirty].sort((a, b) => a - b).map((id) => walkers.get(id)!)));
    return { outcomes: out, closing };
  }

  /**
   * Which of these client scan ids the device has already uploaded: the same upload twice is one
   * scan. Read after the walkers are locked, so a retry racing its first upload sees it committed.
   */
  private async storedOf(m: EntityManager, deviceId: string, clientScanIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await m.query('SELECT client_scan_id AS id FROM hiking_scans WHERE device_id = ? AND client_scan_id IN (?)', [deviceId, clientScanIds]);
    return new Set(rows.map((r) => r.id));
  }

  /** A counted scan moves the walker on: the start scan starts them, a later checkpoint puts them on course, the last one finishes them. */
  private advance(w: ScanWalker, seq: number, at: number, finishSeq: number, standings: Set<number>): void {
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
  }
}

/** A scan of this batch that a scan of the same passage with an earlier time now supersedes. */
function supersedeRow(row: unknown[]): void {
  row[8] = false;
  row[9] = row[9] ? `${String(row[9])},duplicate` : 'duplicate';
}

/**
 * Adds the walkers who reached a checkpoint for the first time in this batch to the board's
 * counters, in one statement, on the shard of this connection (see HikingArrivalCount).
 */
function addArrivals(walkerIds: number[], walkers: Map<number, ScanWalker>, before: Map<number, Set<string>>): Statement | null {
  const added = new Map<number, number>();
  for (const id of walkerIds) {
    for (const cp of passedCheckpoints(walkers.get(id)!.passages)) if (!before.get(id)!.has(cp)) added.set(Number(cp), (added.get(Number(cp)) ?? 0) + 1);
  }
  if (!added.size) return null;
  const rows = [...added].sort((a, b) => a[0] - b[0]);
  return [
    `INSERT INTO hiking_arrival_counts (checkpoint_id, shard, arrived) VALUES ${rows.map(() => `(?, CONNECTION_ID() % ${ARRIVAL_SHARDS}, ?)`).join(', ')}
       ON DUPLICATE KEY UPDATE arrived = arrived + VALUES(arrived)`,
    rows.flat(),
  ];
}

/** The stored counted scan of a passage, now a duplicate of an earlier one from this batch. */
function supersedeStored(walkerId: number, checkpointId: number, direction: ScanDirection): Statement {
  return [
    "UPDATE hiking_scans SET counted = 0, flags = CONCAT_WS(',', NULLIF(flags, ''), 'duplicate') WHERE walker_id = ? AND checkpoint_id = ? AND direction = ? AND counted = 1",
    [walkerId, checkpointId, direction],
  ];
}

/**
 * One statement for the batch's walkers. A plain UPDATE from a derived table, not an upsert: an
 * upsert would check the route's foreign key and share-lock the route's row. The passages go as a
 * patch of what changed (usually one key), not the walker's whole night.
 */
function updateWalkers(walkers: ScanWalker[]): Statement {
  const cols = ['id', 'status', 'drop_reason', 'drop_checkpoint_id', 'dropped_at', 'last_checkpoint_seq', 'last_scan_at', 'started_at', 'lost', 'passages'];
  const params: unknown[] = [];
  const rows = walkers.map((w, i) => {
    params.push(w.id, w.status, w.dropReason, w.dropCheckpointId, w.droppedAt, w.lastCheckpointSeq, w.lastScanAt, w.startedAt, w.lost, JSON.stringify(w.passagesChanged));
    return `SELECT ${cols.map((c) => (i === 0 ? `? AS ${c}` : '?')).join(', ')}`;
  });
  return [
    `UPDATE hiking_walkers w JOIN (${rows.join(' UNION ALL ')}) v ON v.id = w.id
        SET w.status = v.status, w.drop_reason = v.drop_reason, w.drop_checkpoint_id = v.drop_checkpoint_id, w.dropped_at = v.dropped_at,
            w.last_checkpoint_seq = v.last_checkpoint_seq, w.last_scan_at = v.last_scan_at, w.started_at = v.started_at, w.lost = v.lost,
            w.passages = JSON_MERGE_PATCH(COALESCE(w.passages, '{}'), v.passages)`,
    params,
  ];
}

/** The cut-off that timed a walker out, as the drop recorded it (checkpoint, kind by reason, instant). */
export function timedOutBy(w: Pick<HikingWalker, 'status' | 'dropCheckpointId' | 'droppedAt' | 'dropReason'>, cps: Map<number, HikingCheckpoint>): Cutoff | null {
  if (w.status !== 'timed_out' || w.dropCheckpointId === null || w.droppedAt === null) return null;
  const cp = cps.get(w.dropCheckpointId);
  if (!cp) return null;
  return { checkpointId: String(cp.id), checkpointSeq: cp.seq, kind: w.dropReason === 'missed_departure_cutoff' ? 'departure' : 'arrival', at: w.droppedAt.getTime() };
}
