import { ItemCatalog } from '@app/events';
import type { Statement } from '@app/database';
import { enqueueAll, inboxJob, outboxRows, type JobRequest, type NotifyTrigger } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { EntryDirectory } from './entry-directory';
import type { EntityManager } from 'typeorm';
import type { EntryStatus } from './domain';

/** What a new entry's people are told, by the status it was written with. */
const ON_ENTRY: Partial<Record<EntryStatus, NotifyTrigger>> = { pending: 'entry.received', approved: 'entry.approved', waitlisted: 'entry.waitlisted' };

export interface EntryNote {
  entryId: number;
  /** the entrant, or every member of a team */
  userIds: number[];
  event: string;
  item: string;
  bib?: string | null;
}

/**
 * Tells an entry's people about it in the entry's own transaction, so the
 * message exists exactly when the entry does. The ref (`entry-12-entry.approved`)
 * keeps each happening to one message per person, however often a job runs.
 */
export async function notifyEntries(m: EntityManager, trigger: NotifyTrigger, notes: EntryNote[], vars: Record<string, string | null> = {}): Promise<void> {
  await enqueueAll(m, entryJobs(trigger, notes, vars));
}

/** One inbox job per item: the texts name the item, and a batch of a rush spans several. */
function entryJobs(trigger: NotifyTrigger, notes: EntryNote[], vars: Record<string, string | null> = {}): JobRequest[] {
  const byItem = new Map<string, EntryNote[]>();
  for (const n of notes) {
    const key = `${n.event}\u0000${n.item}`;
    const group = byItem.get(key);
    if (group) group.push(n);
    else byItem.set(key, [n]);
  }
  return [...byItem.values()].map((group) => {
    const to = group.flatMap((n) => n.userIds.map((userId) => ({ userId, ref: `entry-${n.entryId}-${trigger}`, ...(n.bib ? { vars: { bib: n.bib } } : {}) })));
    return inboxJob(trigger, { ...vars, event: group[0].event, item: group[0].item }, to);
  });
}

/** New entries: received, in (with the bib), or on the waitlist; every notice of a batch in one statement. */
export async function notifyEntered(m: EntityManager, notes: (EntryNote & { status: EntryStatus })[]): Promise<void> {
  await enqueueAll(m, enteredJobs(notes));
}

/** notifyEntered's outbox row as a statement for a transaction that ends with its writes; none without notes. */
export function enteredStatements(notes: (EntryNote & { status: EntryStatus })[]): Statement[] {
  const jobs = enteredJobs(notes);
  return jobs.length ? [outboxRows(jobs)] : [];
}

function enteredJobs(notes: (EntryNote & { status: EntryStatus })[]): JobRequest[] {
  return Object.entries(ON_ENTRY).flatMap(([status, trigger]) => {
    const these = notes.filter((n) => n.status === status);
    return these.length ? entryJobs(trigger, these) : [];
  });
}

/** The people on existing entries with their event and item names, for the workflow's notices. */
@Injectable()
export class EntryNotices {
  constructor(
    private readonly entries: EntryDirectory,
    private readonly catalog: ItemCatalog,
  ) {}

  async notes(m: EntityManager, entryIds: number[]): Promise<Map<number, EntryNote>> {
    if (!entryIds.length) return new Map();
    const entries = await this.entries.entries(entryIds, m);
    const people = await this.entries.people(entryIds, m);
    const items = await this.catalog.items([...entries.values()].map((e) => e.itemId), m);
    return new Map(
      [...entries.values()].map((e) => {
        const item = items.get(e.itemId);
        return [e.id, { entryId: e.id, userIds: people.get(e.id) ?? [e.userId], item: item?.name ?? '', event: item?.eventName ?? '', bib: e.bib }];
      }),
    );
  }
}
