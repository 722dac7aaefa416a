import { AppConfig } from '@app/config';
import { type HandlersFor, QUEUES } from '@app/queue';
import { DeliveryService, type ExternalChannel } from '@app/notifications';
import { Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobProcessor } from './job-processor';

const perSecond = (max: number) => ({ max, duration: 1000 });

/** Finds a broadcast's audience and adds its inbox jobs in batches. */
@Processor(QUEUES.notify)
export class NotifyFanoutProcessor extends JobProcessor<typeof QUEUES.notify> {
  readonly queue = QUEUES.notify;
  readonly handlers: HandlersFor<typeof QUEUES.notify> = { 'notify.fanout': (p) => this.delivery.fanout(p) };
  constructor(
    protected readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }
}

/** The in-app channel: each job writes a batch of inbox messages in one transaction. */
@Processor(QUEUES.notifyInbox)
export class NotifyInboxProcessor extends JobProcessor<typeof QUEUES.notifyInbox> {
  readonly queue = QUEUES.notifyInbox;
  readonly handlers: HandlersFor<typeof QUEUES.notifyInbox> = { 'notify.inbox': (p) => this.delivery.inbox(p) };
  constructor(
    protected readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }
  protected override rateLimit(c: AppConfig) {
    return perSecond(c.NOTIFY_INBOX_PER_S);
  }
}

/**
 * One external channel: a delivery waits on someone else's server, so ten run
 * at once (a slow one does not hold up the rest), under the channel's rate limit.
 */
@Injectable()
abstract class DeliveryProcessor<Q extends typeof QUEUES.notifyEmail | typeof QUEUES.notifySms | typeof QUEUES.notifyWebhook> extends JobProcessor<Q> {
  protected abstract readonly channel: ExternalChannel;
  protected abstract perSecond(config: AppConfig): number;

  constructor(
    protected readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }

  protected readonly send = (p: { deliveryId: string }, job: Job) => this.delivery.deliver(this.channel, p.deliveryId, job);

  protected override concurrency() {
    return 10;
  }
  protected override rateLimit(c: AppConfig) {
    return perSecond(this.perSecond(c));
  }
}

@Processor(QUEUES.notifyEmail)
export class NotifyEmailProcessor extends DeliveryProcessor<typeof QUEUES.notifyEmail> {
  readonly queue = QUEUES.notifyEmail;
  protected readonly channel = 'email';
  readonly handlers: HandlersFor<typeof QUEUES.notifyEmail> = { 'notify.email': this.send };
  protected perSecond = (c: AppConfig) => c.NOTIFY_EMAIL_PER_S;
}

@Processor(QUEUES.notifySms)
export class NotifySmsProcessor extends DeliveryProcessor<typeof QUEUES.notifySms> {
  readonly queue = QUEUES.notifySms;
  protected readonly channel = 'sms';
  readonly handlers: HandlersFor<typeof QUEUES.notifySms> = {
    'notify.sms': this.send,
    'sms.code': (p) => this.delivery.text(p.mobile, p.text, `sms-code-${p.ref}`),
  };
  protected perSecond = (c: AppConfig) => c.NOTIFY_SMS_PER_S;
}

@Processor(QUEUES.notifyWebhook)
export class NotifyWebhookProcessor extends DeliveryProcessor<typeof QUEUES.notifyWebhook> {
  readonly queue = QUEUES.notifyWebhook;
  protected readonly channel = 'webhook';
  readonly handlers: HandlersFor<typeof QUEUES.notifyWebhook> = { 'notify.webhook': this.send };
  protected perSecond = (c: AppConfig) => c.NOTIFY_WEBHOOK_PER_S;
}

export const NOTIFY_PROCESSORS = [NotifyFanoutProcessor, NotifyInboxProcessor, NotifyEmailProcessor, NotifySmsProcessor, NotifyWebhookProcessor];
