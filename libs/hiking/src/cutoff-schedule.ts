import { enqueue } from '@app/queue';
import type { EntityManager } from 'typeorm';
import { personalCutoff } from './domain';
import type { HikingCheckpoint } from './hiking-checkpoint.entity';
import type { HikingRoute } from './hiking-route.entity';
import type { HikingWave } from './hiking-wave.entity';

/**
 * The wave's `hiking.gun` job at its start, and one delayed `hiking.cutoff` job per checkpoint cut-off and wave, at the wave's personal cut-off.
 * The job id carries the instant, so scheduling again after a move adds new jobs and the stale
 * ones find their instant no longer current and do nothing; scheduling an unchanged one again is
 * the same id, which the queue adds once.
 */
export async function scheduleCutoffs(manager: EntityManager, route: HikingRoute, checkpoints: readonly HikingCheckpoint[], waves: readonly HikingWave[]): Promise<number> {
  let n = 0;
  for (const wave of waves) {
    // The gun starts the wave's walkers who never scanned (registered → started by the wave's gun).
    await enqueue(manager, 'hiking.gun', { routeId: route.id, waveId: wave.id, at: wave.startsAt.getTime() });
    for (const cp of checkpoints) {
      for (const kind of ['arrival', 'departure'] as const) {
        const cutoff = kind === 'arrival' ? cp.arrivalCutoffAt : cp.departureCutoffAt;
        if (!cutoff) continue;
        const at = personalCutoff(cutoff.getTime(), route.referenceStartAt.getTime(), wave.startsAt.getTime());
        await enqueue(manager, 'hiking.cutoff', { routeId: route.id, checkpointId: cp.id, waveId: wave.id, kind, at });
        n++;
      }
    }
  }
  return n;
}
