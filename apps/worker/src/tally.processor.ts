import { AppConfig } from '@app/config';
import { type HandlersFor, QUEUES } from '@app/queue';
import { TallyService } from '@app/results';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from './job-processor';

@Processor(QUEUES.tally)
export class TallyProcessor extends JobProcessor<typeof QUEUES.tally> {
  readonly queue = QUEUES.tally;
  readonly handlers: HandlersFor<typeof QUEUES.tally> = {
    'tally.item': ({ itemId, version }) => this.tally.tally(itemId, version),
  };

  constructor(
    private readonly tally: TallyService,
    config: AppConfig,
  ) {
    super(config);
  }
}
