import { AppConfig } from '@app/config';
import { AwardGrantsService } from '@app/awards';
import { type HandlersFor, QUEUES } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from './job-processor';

@Processor(QUEUES.awards)
export class AwardsProcessor extends JobProcessor<typeof QUEUES.awards> {
  readonly queue = QUEUES.awards;
  readonly handlers: HandlersFor<typeof QUEUES.awards> = {
    'awards.item': ({ itemId }) => this.grants.grantItem(itemId),
    'awards.certificate': ({ recordId, revision }) => this.grants.renderCertificate(recordId, revision),
  };

  constructor(
    private readonly grants: AwardGrantsService,
    config: AppConfig,
  ) {
    super(config);
  }
}
