import { AppConfig } from '@app/config';
import { PeopleDirectory } from '@app/identity';
import { ProfileDirectory } from '@app/registration';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Cutoff, isCurrentCutoff, parsePassages, type PassageScan, passageScans, personalCutoff, walkersToTimeOut, type WalkerStatus } from './domain';
import { BoardLive } from './board-live';
import { noticeContacts } from './contact-notices';
import { RouteAccess } from './route-access';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingRoute } from './hiking-route.entity';
import { HikingWave } from './hiking-wave.entity';
import { standingsChanged } from './standings-version';
import { startSweeps } from './overdue-sweep';
import { startAtGun } from './wave-gun';

export interface CutoffJob {
  routeId: number;
  checkpointId: number;
  waveId: number;
  kind: 'arrival' | 'departure';
  at: number;
}

/** The delayed job at a checkpoint's cut-off for one wave: times out who missed it. */
@Injectable()
export class CutoffService {
  private readonly logger = new Logger(CutoffService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: BoardLive,
    private readonly config: AppConfig,
    private readonly access: RouteAccess,
    private readonly people: PeopleDirectory,
    private readonly profiles: ProfileDirectory,
  ) {}

  /**
   * A missed cut-off times walkers out automatically (OpenSplitTime's drop at a cut-off). The job
   * checks its instant against the cut-off now in force: a job for a moved cut-off or wave start
   * does nothing, and the job scheduled for the new instant does the work.
   */
  async run(job: CutoffJob): Promise<{ timedOut: number; stale?: true }> {
    const outcome = await this.timeOut(job);
    if (outcome.timedOut) await this.live.announce([job.routeId]);
    return outcome;
  }

  /**
   * A wave's gun: its walkers still registered become started (registered → started by the start
   * scan or the wave's gun), so the board expects them and cut-offs can time them out. Their start
   * stays unknown (net time unknown), as for a walker with no start scan. A job for a moved start
   * does nothing.
   */
  async gun(job: { routeId: number; waveId: number; at: number }): Promise<{ started: number; stale?: true }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const wave = await m.findOneBy(HikingWave, { id: job.waveId });
      if (!wave || wave.startsAt.getTime() !== job.at) return { started: 0, stale: true as const };
      const started = await startAtGun(m, job.routeId, job.waveId);
      // From the gun on, the route is swept for overdue walkers (each sweep schedules the next).
      await startSweeps(m, job.routeId, this.config.HIKING_SWEEP_MS);
      return { started };
    });
    if (outcome.started) await this.live.announce([job.routeId]);
    return outcome;
  }

  private timeOut(job: CutoffJob): Promise<{ timedOut: number; stale?: true }> {
    return this.dataSource.transaction(async (m) => {
      const route = await m.findOneBy(HikingRoute, { id: job.routeId });
      const cp = await m.findOneBy(HikingCheckpoint, { id: job.checkpointId });
      const wave = await m.findOneBy(HikingWave, { id: job.waveId });
      const set = cp && (job.kind === 'arrival' ? cp.arrivalCutoffAt : cp.departureCutoffAt);
      const current = route && wave && set ? personalCutoff(set.getTime(), route.referenceStartAt.getTime(), wave.startsAt.getTime()) : null;
      if (!route || !cp || !isCurrentCutoff(job.at, current)) {
        this.logger.log(`cut-off ${job.kind} at checkpoint ${job.checkpointId} wave ${job.waveId} moved or gone: nothing to do`);
        return { timedOut: 0, stale: true as const };
      }
      const cutoff: Cutoff = { checkpointId: String(cp.id), checkpointSeq: cp.seq, kind: job.kind, at: job.at };
      // Registered walkers too: a personal cut-off is never before the wave's gun, so by now they are
      // started walkers who never scanned, even when the gun's job has not run yet.
      const candidates: { id: number; status: WalkerStatus; passages: string | null }[] = await m.query(
        `SELECT id, status, passages FROM hiking_walkers WHERE wave_id = ? AND route_id = ? AND status IN ('registered', 'started', 'on_course') ORDER BY id FOR UPDATE`,
        [job.waveId, job.routeId],
      );
      if (!candidates.length) return { timedOut: 0 };
      // Only their counted passages at this checkpoint or beyond, up to the cut-off, can beat it: kept on the walker.
      const seqOf = new Map((await m.findBy(HikingCheckpoint, { routeId: job.routeId })).filter((c) => c.seq >= cp.seq).map((c) => [String(c.id), c.seq]));
      const passed = (stored: string | null): PassageScan[] =>
        passageScans(parsePassages(stored), (key) => key)
          .filter((p) => seqOf.has(p.checkpointId) && p.correctedAt <= job.at)
          .map((p) => ({ checkpointSeq: seqOf.get(p.checkpointId)!, direction: p.direction, correctedAt: p.correctedAt }));
      const out = walkersToTimeOut(cutoff, candidates.map((c) => ({ walkerId: String(c.id), status: c.status, scans: passed(c.passages) })));
      if (!out.length) return { timedOut: 0 };
      const ids = out.map((o) => Number(o.walkerId));
      const reason = out[0].drop.reason;
      // The route's version first, before the walkers' update share-locks the route row (see ScansService).
      await standingsChanged(m, route.id, route.itemId);
      await m.query("UPDATE hiking_walkers SET status = 'timed_out', drop_reason = ?, drop_checkpoint_id = ?, dropped_at = ? WHERE id IN (?)", [reason, cp.id, new Date(job.at), ids]);
      const status = new Map(candidates.map((c) => [c.id, c.status]));
      const rows = ids.map((id) => [id, status.get(id), 'timed_out', reason, null]);
      await m.query('INSERT INTO hiking_status_changes (walker_id, from_status, to_status, reason, actor_id) VALUES ?', [rows]);
      if (route.notifyContacts) {
        const who: { id: number; userId: number; bib: string | null }[] = await m.query('SELECT id, user_id AS userId, bib FROM hiking_walkers WHERE id IN (?)', [ids]);
        const dropped = who.map((w) => ({ walkerId: Number(w.id), userId: Number(w.userId), bib: w.bib, checkpoint: cp.name }));
        await noticeContacts(m, { people: this.people, profiles: this.profiles }, await this.access.withFacts(route, m), 'timed_out', dropped);
      }
      return { timedOut: ids.length };
    });
  }
}
