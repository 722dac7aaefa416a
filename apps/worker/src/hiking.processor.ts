import { AppConfig } from '@app/config';
import { CutoffService, OverdueSweep, StandingsVersion } from '@app/hiking';
import { type HandlersFor, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from './job-processor';

@Processor(QUEUES.hiking)
export class HikingProcessor extends JobProcessor<typeof QUEUES.hiking> {
  readonly queue = QUEUES.hiking;
  readonly handlers: HandlersFor<typeof QUEUES.hiking> = {
    'hiking.cutoff': (payload) => this.cutoffs.run(payload),
    'hiking.gun': (payload) => this.cutoffs.gun(payload),
    'hiking.standings': (payload) => this.standings.bump(payload.routeId),
    'hiking.sweep': (payload) => this.sweep.run(payload),
  };

  constructor(
    private readonly cutoffs: CutoffService,
    private readonly standings: StandingsVersion,
    private readonly sweep: OverdueSweep,
    config: AppConfig,
  ) {
    super(config);
  }
}
