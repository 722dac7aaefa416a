import type { JobsOptions } from 'bullmq';

/**
 * The one contract between producers and the worker: queue names, job names,
 * payload types and per-job options side by side. Never rename a queue or a
 * job: jobs already in Redis or in the outbox carry these names.
 */
export const QUEUES = {
  tally: 'tally',
  registration: 'registration',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Re-rank one item; `version` is the item's score version when the change committed. */
  'tally.item': { itemId: number; version: number };
  /** Fill places freed in an event from its waitlist; `freedBy` is the entry that gave its place back. */
  'registration.promote': { eventId: number; freedBy: number };
}
export type JobName = keyof JobPayloads;

/** Which queue carries each job; literal types, so a processor's handler map is checked per queue. */
export const JOB_QUEUES = {
  'tally.item': QUEUES.tally,
  'registration.promote': QUEUES.registration,
} as const satisfies Record<JobName, QueueName>;

interface JobDefinition<N extends JobName> {
  queue: (typeof JOB_QUEUES)[N];
  /** Derives the BullMQ job id: the same id is added once, so retried relays never duplicate work. */
  jobId: (payload: JobPayloads[N]) => string;
  /**
   * Rows of one relay batch with the same coalesce key become one job (the last
   * one wins): a burst of scores on one item makes one tally, not one per score.
   */
  coalesceKey?: (payload: JobPayloads[N]) => string;
  options: Omit<JobsOptions, 'jobId'>;
}

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
};

export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((n) => JOBS[n].queue === queue);
}

/** The handlers a processor of `Q` must have: one per job name of that queue, enforced by the compiler. */
export type HandlersFor<Q extends QueueName> = {
  [N in JobName as (typeof JOB_QUEUES)[N] extends Q ? N : never]: (payload: JobPayloads[N]) => Promise<unknown>;
};
