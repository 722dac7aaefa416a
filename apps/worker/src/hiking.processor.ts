import { AppConfig } from '@app/config';
import { CutoffService, OverdueSweep, StandingsVersion } from '@app/hiking';
import { type HandlersFor, JobQueues, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from './job-processor';

@Processor(QUEUES.hiking)
export class HikingProcessor extends JobProcessor<typeof QUEUES.hiking> {
  readonly queue = QUEUES.hiking;
  readonly handlers: HandlersFor<typeof QUEUES.hiking> = {
    'hiking.cutoff': (payload) => this.cutoffs.run(payload),
    'hiking.gun': (payload) => this.cutoffs.gun(payload),
    'hiking.standings': (payload) => this.standings.bump(payload.routeId),
    'hiking.sweep': async (payload) => {
      const outcome = await this.sweep.run(payload);
      // The next sweep goes to the queue directly, after the commit: a quiet minute writes no row.
      // Should the add fail, this sweep is retried, and a repeated sweep alerts no one twice.
      if (outcome.next !== null) await this.queues.add('hiking.sweep', [{ routeId: payload.routeId, at: outcome.next }]);
      return outcome;
    },
  };

  constructor(
    private readonly cutoffs: CutoffService,
    private readonly standings: StandingsVersion,
    private readonly sweep: OverdueSweep,
    private readonly queues: JobQueues,
    config: AppConfig,
  ) {
    super(config);
  }
}
