import { AppConfig } from '@app/config';
import { type HandlersFor, QUEUES } from '@app/queue';
import { DeliveryService } from '@app/notifications';
import { Processor } from '@nestjs/bullmq';
import { JobProcessor } from './job-processor';

const perSecond = (max: number) => ({ max, duration: 1000 });

/** Finds a broadcast's audience and adds its inbox jobs in batches. */
@Processor(QUEUES.notify)
export class NotifyFanoutProcessor extends JobProcessor<typeof QUEUES.notify> {
  readonly queue = QUEUES.notify;
  readonly handlers: HandlersFor<typeof QUEUES.notify> = { 'notify.fanout': (p) => this.delivery.fanout(p) };
  constructor(
    private readonly delivery: DeliveryService,
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
    private readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }
  protected override rateLimit(c: AppConfig) {
    return perSecond(c.NOTIFY_INBOX_PER_S);
  }
}

/** Deliveries wait on someone else's server: ten at a time keeps a slow one from holding up the rest. */
const DELIVERY_CONCURRENCY = 10;

@Processor(QUEUES.notifyEmail)
export class NotifyEmailProcessor extends JobProcessor<typeof QUEUES.notifyEmail> {
  readonly queue = QUEUES.notifyEmail;
  readonly handlers: HandlersFor<typeof QUEUES.notifyEmail> = { 'notify.email': (p, job) => this.delivery.deliver('email', p.deliveryId, job) };
  constructor(
    private readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }
  protected override concurrency() {
    return DELIVERY_CONCURRENCY;
  }
  protected override rateLimit(c: AppConfig) {
    return perSecond(c.NOTIFY_EMAIL_PER_S);
  }
}

@Processor(QUEUES.notifySms)
export class NotifySmsProcessor extends JobProcessor<typeof QUEUES.notifySms> {
  readonly queue = QUEUES.notifySms;
  readonly handlers: HandlersFor<typeof QUEUES.notifySms> = { 'notify.sms': (p, job) => this.delivery.deliver('sms', p.deliveryId, job) };
  constructor(
    private readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }
  protected override concurrency() {
    return DELIVERY_CONCURRENCY;
  }
  protected override rateLimit(c: AppConfig) {
    return perSecond(c.NOTIFY_SMS_PER_S);
  }
}

@Processor(QUEUES.notifyWebhook)
export class NotifyWebhookProcessor extends JobProcessor<typeof QUEUES.notifyWebhook> {
  readonly queue = QUEUES.notifyWebhook;
  readonly handlers: HandlersFor<typeof QUEUES.notifyWebhook> = { 'notify.webhook': (p, job) => this.delivery.deliver('webhook', p.deliveryId, job) };
  constructor(
    private readonly delivery: DeliveryService,
    config: AppConfig,
  ) {
    super(config);
  }
  protected override concurrency() {
    return DELIVERY_CONCURRENCY;
  }
  protected override rateLimit(c: AppConfig) {
    return perSecond(c.NOTIFY_WEBHOOK_PER_S);
  }
}

export const NOTIFY_PROCESSORS = [NotifyFanoutProcessor, NotifyInboxProcessor, NotifyEmailProcessor, NotifySmsProcessor, NotifyWebhookProcessor];
