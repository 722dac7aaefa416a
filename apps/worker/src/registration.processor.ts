import { AppConfig } from '@app/config';
import { type HandlersFor, QUEUES } from '@app/queue';
import { EntryWorkflowService } from '@app/registration';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from './job-processor';

@Processor(QUEUES.registration)
export class RegistrationProcessor extends JobProcessor<typeof QUEUES.registration> {
  readonly queue = QUEUES.registration;
  readonly handlers: HandlersFor<typeof QUEUES.registration> = {
    'registration.promote': ({ eventId }) => this.workflow.promoteWaitlisted(eventId),
  };

  constructor(
    private readonly workflow: EntryWorkflowService,
    config: AppConfig,
  ) {
    super(config);
  }
}
