import { ItemCatalog } from '@app/events';
import { notifyPeople, type NotifyTrigger } from '@app/queue';
import { Injectable } from '@nestjs/common';
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
  // One outbox row per item: the texts name the item, and a batch of a rush spans several.
  const byItem = new Map<string, EntryNote[]>();
  for (const n of notes) {
    const key = `${n.event}\u0000${n.item}`;
    byItem.set(key, [...(byItem.get(key) ?? []), n]);
  }
  for (const group of byItem.values()) {
    const to = group.flatMap((n) => n.userIds.map((userId) => ({ userId, ref: `entry-${n.entryId}-${trigger}`, ...(n.bib ? { vars: { bib: n.bib } } : {}) })));
    await notifyPeople(m, trigger, { ...vars, event: group[0].event, item: group[0].item }, to);
  }
}

/** New entries: received, in (with the bib), or on the waitlist. */
export async function notifyEntered(m: EntityManager, notes: (EntryNote & { status: EntryStatus })[]): Promise<void> {
  for (const [status, trigger] of Object.entries(ON_ENTRY)) {
    const these = notes.filter((n) => n.status === status);
    if (these.length) await notifyEntries(m, trigger, these);
  }
}

/** The people on existing entries with their event and item names, for the workflow's notices. */
@Injectable()
export class EntryNotices {
  constructor(private readonly catalog: ItemCatalog) {}

  async notes(m: EntityManager, entryIds: number[]): Promise<Map<number, EntryNote>> {
    if (!entryIds.length) return new Map();
    const rows: { id: number; userId: number; itemId: number; bib: string | null }[] = await m.query(
      'SELECT id, user_id AS userId, item_id AS itemId, bib FROM entries WHERE id IN (?)',
      [entryIds],
    );
    const members: { entryId: number; userId: number }[] = await m.query('SELECT entry_id AS entryId, user_id AS userId FROM team_members WHERE entry_id IN (?)', [entryIds]);
    const items = await this.catalog.items(rows.map((r) => r.itemId), m);
    return new Map(
      rows.map((r) => {
        const team = members.filter((t) => Number(t.entryId) === Number(r.id)).map((t) => Number(t.userId));
        const item = items.get(Number(r.itemId));
        return [Number(r.id), { entryId: Number(r.id), userIds: [...new Set([Number(r.userId), ...team])], item: item?.name ?? '', event: item?.eventName ?? '', bib: r.bib }];
      }),
    );
  }
}
