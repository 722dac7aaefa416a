import type { Job, JobsOptions } from 'bullmq';

/**
 * The one contract between producers and the worker: queue names, job names,
 * payload types and per-job options side by side. Never rename a queue or a
 * job: jobs already in Redis or in the outbox carry these names.
 */
export const QUEUES = {
  tally: 'tally',
  registration: 'registration',
  notify: 'notify',
  notifyInbox: 'notify-inbox',
  notifyEmail: 'notify-email',
  notifySms: 'notify-sms',
  notifyWebhook: 'notify-webhook',
  awards: 'awards',
  hiking: 'hiking',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Re-rank one item; `version` is the item's score version when the change committed. */
  'tally.item': { itemId: number; version: number };
  /** Fill places freed in an event from its waitlist; `freedBy` is the entry that gave its place back. */
  'registration.promote': { eventId: number; freedBy: number };
  /** Tell everyone in an audience: the worker resolves it and enqueues inbox jobs in batches. */
  'notify.fanout': NotifyBase & { audience: NotifyAudience };
  /** Write these people's inbox messages, then start their external deliveries. */
  'notify.inbox': NotifyBase & { to: NotifyRecipient[]; ref?: string };
  /** Deliver one notification on one external channel; the id is its notification_deliveries row. */
  'notify.email': { deliveryId: string };
  /**
   * A text to a number that is no one's account: a sign-up or password-reset code (or a note to the
   * number's owner), or a note to a walker's emergency contact; `ref` keys it once.
   */
  'sms.code': { mobile: string; text: string; ref: string };
  'notify.sms': { deliveryId: string };
  'notify.webhook': { deliveryId: string };
  /** Grant the awards an item's final results earn, by its award rules; `run` (epoch ms) names the finalisation or re-run. */
  'awards.item': { itemId: number; run: number };
  /** Render an award record's certificate at its revision (a correction or revocation bumps the revision). */
  'awards.certificate': { recordId: number; revision: number };
  /**
   * Time out the walkers of one wave who missed a checkpoint's cut-off; `at` (epoch ms) is the
   * personal cut-off it was scheduled for: when organizers move the cut-off or the wave start, a
   * new job is scheduled and this one, finding `at` no longer current, does nothing.
   */
  'hiking.cutoff': { routeId: number; checkpointId: number; waveId: number; kind: 'arrival' | 'departure'; at: number };
  /**
   * A wave's gun: its walkers still registered are started (net time unknown until a scan). `at`
   * (epoch ms) is the start it was scheduled for; a moved wave start makes it stale.
   */
  'hiking.gun': { routeId: number; waveId: number; at: number };
  /**
   * Scans moved a place on the route (a finish, a reversed time-out): bump its standings version and
   * tally it, off the scan path so uploads never queue on the route's row. `key` is unique per batch.
   */
  'hiking.standings': { routeId: number; key: string };
  /**
   * Sweep a route for walkers newly overdue and alert its organizers; while walkers are still out it
   * schedules the next sweep. `at` (epoch ms) is the instant it runs at.
   */
  'hiking.sweep': { routeId: number; at: number };
}
export type JobName = keyof JobPayloads;

/** What can cause a notification; texts and rules per trigger live in the notifications context. */
export const NOTIFY_TRIGGERS = [
  'entry.received',
  'entry.approved',
  'entry.rejected',
  'entry.waitlisted',
  'entry.promoted',
  'item.changed',
  'judge.assigned',
  'results.published',
  'appeal.decided',
  'award.granted',
  'hiking.alert',
  'application.changed',
] as const;
export type NotifyTrigger = (typeof NOTIFY_TRIGGERS)[number];
/** Values a notification's texts are filled with (names, bibs, dates as shown). */
export type NotifyVars = Record<string, string | number | null>;
/**
 * One person to tell. `ref` names the happening for them (unique per person:
 * a second delivery of the same ref is dropped); without it the job's key is used.
 */
export interface NotifyRecipient {
  userId: number;
  ref?: string;
  vars?: NotifyVars;
}
/** Everyone a broadcast goes to, resolved by the worker when it runs. */
export type NotifyAudience = {
  kind: 'item-entrants' | 'event-entrants';
  id: number;
  /** entries in these states count (e.g. everyone entered, or only those with a place) */
  statuses: ('pending' | 'approved' | 'waitlisted')[];
};
/** What every notification job carries: `key` is unique per happening (a UUID written with the change). */
interface NotifyBase {
  key: string;
  trigger: NotifyTrigger;
  vars: NotifyVars;
}

/** Which queue carries each job; literal types, so a processor's handler map is checked per queue. */
export const JOB_QUEUES = {
  'tally.item': QUEUES.tally,
  'registration.promote': QUEUES.registration,
  'notify.fanout': QUEUES.notify,
  'notify.inbox': QUEUES.notifyInbox,
  'notify.email': QUEUES.notifyEmail,
  'notify.sms': QUEUES.notifySms,
  'sms.code': QUEUES.notifySms,
  'notify.webhook': QUEUES.notifyWebhook,
  'awards.item': QUEUES.awards,
  'awards.certificate': QUEUES.awards,
  'hiking.cutoff': QUEUES.hiking,
  'hiking.gun': QUEUES.hiking,
  'hiking.standings': QUEUES.hiking,
  'hiking.sweep': QUEUES.hiking,
} as const satisfies Record<JobName, QueueName>;

interface JobDefinition<N extends JobName> {
  queue: (typeof JOB_QUEUES)[N];
  /**
   * Derives the job's key within one database: the same key is added once, so retried relays never
   * duplicate work. BullMQ's id is the key behind the database's instance id (`bullJobId`).
   */
  jobId: (payload: JobPayloads[N]) => string;
  /**
   * Rows of one relay batch with the same coalesce key become one job (the last
   * one wins): a burst of scores on one item makes one tally, not one per score.
   */
  coalesceKey?: (payload: JobPayloads[N]) => string;
  /**
   * Least time between two jobs of one coalesce key (COALESCE_MIN_GAP_MS when not set); rows wait
   * in the outbox meanwhile and become one job.
   */
  minGapMs?: number;
  /**
   * Rows of one relay batch with the same merge key become one job carrying all of them (up to
   * `most` by `size`): a registration rush writes a small notice per batch of entries, and a job
   * per notice would cost the worker more than the notices themselves.
   */
  merge?: { key: (payload: JobPayloads[N]) => string; combine: (payloads: JobPayloads[N][]) => JobPayloads[N]; size: (payload: JobPayloads[N]) => number; most: number };
  options: Omit<JobsOptions, 'jobId'>;
  /** A delayed job: the instant (epoch ms) it should run at; it runs at once when that has passed. */
  runAt?: (payload: JobPayloads[N]) => number;
}

/**
 * External deliveries retry with exponential backoff (a mail server or an SMS
 * gateway that is down for minutes should not lose the message); the worker
 * may scale attempts and delay from its config when it enqueues them.
 */
const delivery = <Q extends (typeof JOB_QUEUES)['notify.email' | 'notify.sms' | 'notify.webhook']>(queue: Q) => ({
  queue,
  jobId: (p: { deliveryId: string }) => `${queue}-${p.deliveryId}`,
  options: {
    attempts: 8,
    backoff: { type: 'exponential' as const, delay: 2000 },
    removeOnComplete: { count: 5000 },
    // Failed deliveries stay until an admin retries them or they are a week old.
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});

export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  'tally.item': {
    queue: QUEUES.tally,
    jobId: (p) => `tally.item-${p.itemId}-v${p.version}`,
    coalesceKey: (p) => `tally.item-${p.itemId}`,
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { count: 5000 },
      removeOnFail: { count: 5000 },
    },
  },
  'registration.promote': {
    queue: QUEUES.registration,
    jobId: (p) => `registration.promote-${p.eventId}-after-${p.freedBy}`,
    // One promotion pass per event and relay batch fills every place freed in it.
    coalesceKey: (p) => `registration.promote-${p.eventId}`,
    options: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { count: 5000 },
      removeOnFail: { count: 5000 },
    },
  },
  'notify.fanout': {
    queue: QUEUES.notify,
    jobId: (p) => `notify.fanout-${p.key}`,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
  },
  'notify.inbox': {
    queue: QUEUES.notifyInbox,
    // A fan-out names its batches `<key>.<n>`, so a retried fan-out adds each batch once.
    jobId: (p) => `notify.inbox-${p.key}`,
    // Same texts (trigger and shared values), one job: each recipient keeps their own ref, so the
    // inbox still holds one message per person and happening however the rows were grouped.
    merge: {
      key: (p) => `${p.trigger}\u0000${JSON.stringify(p.vars)}`,
      combine: (ps) => ({
        key: `${ps[0].key}+${ps.length - 1}`,
        trigger: ps[0].trigger,
        vars: ps[0].vars,
        to: ps.flatMap((p) => p.to.map((r) => ({ ...r, ref: r.ref ?? p.ref ?? p.key }))),
      }),
      size: (p) => p.to.length,
      most: 1000,
    },
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 5000 }, removeOnFail: { age: 7 * 24 * 3600 } },
  },
  'notify.email': delivery(QUEUES.notifyEmail),
  'notify.sms': delivery(QUEUES.notifySms),
  'sms.code': {
    queue: QUEUES.notifySms,
    jobId: (p) => `sms.code-${p.ref}`,
    // A code lives ten minutes: retries stop well before, and the job (with the text) is not kept.
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 3600 } },
  },
  'notify.webhook': delivery(QUEUES.notifyWebhook),
  'awards.item': {
    queue: QUEUES.awards,
    // Once per finalisation; an organizer's re-run names its own time. Running it twice grants nothing new either way.
    jobId: (p) => `awards.item-${p.itemId}-${p.run}`,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 5000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  },
  'awards.certificate': {
    queue: QUEUES.awards,
    jobId: (p) => `awards.certificate-${p.recordId}-r${p.revision}`,
    options: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 5000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  },
  'hiking.cutoff': {
    queue: QUEUES.hiking,
    // The cut-off instant is in the id: a moved cut-off is a new job beside the stale one.
    jobId: (p) => `hiking.cutoff-${p.waveId}-${p.checkpointId}-${p.kind}-${p.at}`,
    runAt: (p) => p.at,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 5000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  },
  'hiking.gun': {
    queue: QUEUES.hiking,
    // The start instant is in the id, as for cut-offs: a moved wave start is a new job.
    jobId: (p) => `hiking.gun-${p.routeId}-${p.waveId}-${p.at}`,
    runAt: (p) => p.at,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 5000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  },
  'hiking.standings': {
    queue: QUEUES.hiking,
    jobId: (p) => `hiking.standings-${p.routeId}-${p.key}`,
    // A night of finishes is one bump (and one tally of every walker of the route) every few seconds,
    // not one per batch: back to back, the tallies would take a core from the scans; the first
    // finish after a quiet spell still goes at once.
    coalesceKey: (p) => `hiking.standings-${p.routeId}`,
    minGapMs: 3000,
    options: { attempts: 8, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { count: 5000 }, removeOnFail: { count: 5000 } },
  },
  'hiking.sweep': {
    queue: QUEUES.hiking,
    jobId: (p) => `hiking.sweep-${p.routeId}-${p.at}`,
    runAt: (p) => p.at,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } },
  },
};

/**
 * The id BullMQ keeps a job under: the database's instance id (platform_instance), then the job's
 * key. Redis keeps completed jobs by id and outlives a database that is recreated or restored:
 * without the instance id the new database's item 1 version 1 would meet the old database's
 * completed tally of the same id, be taken for a duplicate and dropped without a trace.
 */
export function bullJobId<N extends JobName>(instance: string, name: N, payload: JobPayloads[N]): string {
  return `${instance}.${JOBS[name].jobId(payload)}`;
}

export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((n) => JOBS[n].queue === queue);
}

/** The handlers a processor of `Q` must have: one per job name of that queue, enforced by the compiler. */
export type HandlersFor<Q extends QueueName> = {
  [N in JobName as (typeof JOB_QUEUES)[N] extends Q ? N : never]: (payload: JobPayloads[N], job: Job) => Promise<unknown>;
};
