import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { NotifyAudience, NotifyRecipient, NotifyTrigger, NotifyVars } from './job-contract';
import { enqueue, enqueueAll, type JobRequest } from './enqueue';

/**
 * Tells these people about a change, in the caller's transaction: the
 * notification exists exactly when the change commits, and Redis being down
 * only delays it. Give each recipient a `ref` naming the happening for them
 * (`entry-12-approved`) so nothing reaches an inbox twice.
 */
export async function notifyPeople(m: EntityManager, trigger: NotifyTrigger, vars: NotifyVars, to: NotifyRecipient[]): Promise<void> {
  if (to.length) await enqueueAll(m, [inboxJob(trigger, vars, to)]);
}

/** The inbox job telling these people, for enqueueAll: several notices in one statement. */
export function inboxJob(trigger: NotifyTrigger, vars: NotifyVars, to: NotifyRecipient[]): JobRequest {
  return { name: 'notify.inbox', payload: { key: randomUUID(), trigger, vars, to } };
}

/** Tells everyone in an audience (all entrants of an item, say); the worker finds them and fans out in batches. */
export async function notifyAudience(m: EntityManager, trigger: NotifyTrigger, vars: NotifyVars, audience: NotifyAudience): Promise<void> {
  await enqueue(m, 'notify.fanout', { key: randomUUID(), trigger, vars, audience });
}
