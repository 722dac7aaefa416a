import type { EntityManager } from 'typeorm';
import { BIB_WIDTH, firstFull, type PlaceScopes, placeScopes, type QuotaSeen } from './capacity';
import { type EntryStatus, formatBibNumber } from './domain';
import { eventScope } from './quota.entity';
import type { ItemContext } from './registration-context';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

/** An individual's registration, checked, without an idempotency key: what a batch writes. */
export interface SimpleEntry {
  ctx: ItemContext;
  userId: number;
  organisationId: number;
  registeredBy: number;
  ageGroup: string | null;
  ageGroupOverride: boolean;
  /** the entry's quota rows as its check read them */
  quotas: QuotaSeen[];
}

export interface WrittenEntry {
  id: number;
  status: EntryStatus;
  bib: string | null;
  /** the level that was full, for a waitlisted entry */
  full: 'delegation' | 'item' | 'event' | null;
  createdAt: Date;
}

interface Row {
  cap: number | null;
  taken: number;
  bibSeq: number;
  changed: boolean;
}

/** Narrowest first, as placeScopes lists them. */
const LOCK_ORDER = ['delegation', 'item', 'event'];

const scopesOf = (e: SimpleEntry): PlaceScopes => ({ eventId: e.ctx.event.id, itemId: e.ctx.item.id, organisationId: e.organisationId });

/**
 * Writes a batch of individual entries of one event in the caller's transaction, in a few
 * statements whatever its size: one read for people already entered, one locking read per quota
 * row the batch needs (narrowest first, the order takePlace locks in, so neither deadlocks the
 * other), the places handed out in arrival order, one UPDATE per row, one INSERT for every entry
 * and one read of their ids. Under a rush the event's row is locked once per batch, not once per
 * entry. Someone already entered, or twice in the batch (a double click), gets the refusal the
 * unique key would give; a race that still reaches the key fails the whole batch, which the caller
 * then retries entry by entry.
 */
export async function writeBatch(m: EntityManager, entries: SimpleEntry[]): Promise<(WrittenEntry | Error)[]> {
  const eventId = entries[0].ctx.event.id;
  const keyOf = (itemId: number, userId: number) => `${itemId}:${userId}`;
  const itemIds = [...new Set(entries.map((e) => e.ctx.item.id))];
  const userIds = [...new Set(entries.map((e) => e.userId))];
  const existing: { itemId: number; userId: number }[] = await m.query(
    'SELECT item_id AS itemId, active_user_id AS userId FROM entries WHERE item_id IN (?) AND active_user_id IN (?)',
    [itemIds, userIds],
  );
  const entered = new Set(existing.map((r) => keyOf(Number(r.itemId), Number(r.userId))));
  const answers: (WrittenEntry | Error | null)[] = entries.map((e) => {
    const key = keyOf(e.ctx.item.id, e.userId);
    if (!entered.has(key)) {
      entered.add(key);
      return null;
    }
    return new RegistrationError('conflict', RegistrationErrorCode.AlreadyEntered, '已报名该项目，不能重复报名', { field: 'userId', userId: e.userId });
  });
  // Each new entry's quota rows (narrowest first) and whether its check already saw one full.
  const fresh = entries.flatMap((e, i) => {
    if (answers[i] !== null) return [];
    const scopes = placeScopes(scopesOf(e)).filter((s) => e.quotas.some((q) => q.scope === s.scope));
    return [{ e, i, scopes, seenFull: firstFull(e.quotas, scopesOf(e)) ?? null }];
  });
  if (!fresh.length) return answers as Error[];

  // The rows the entries wanting a place occupy, and the event's row when it hands out bibs.
  const needed = new Map<string, number>();
  for (const { e, scopes, seenFull } of fresh) {
    if (seenFull) continue;
    scopes.forEach((s) => needed.set(s.scope, LOCK_ORDER.indexOf(s.level)));
    if (e.ctx.event.autoApprove) needed.set(eventScope(), LOCK_ORDER.indexOf('event'));
  }
  const rows = new Map<string, Row>();
  for (const scope of [...needed.keys()].sort((a, b) => needed.get(a)! - needed.get(b)! || a.localeCompare(b))) {
    const [r] = await m.query('SELECT cap, taken, bib_seq AS bibSeq FROM quotas WHERE event_id = ? AND scope = ? FOR UPDATE', [eventId, scope]);
    if (!r) throw new Error(`event ${eventId} has no quota row ${scope}`);
    rows.set(scope, { cap: r.cap === null ? null : Number(r.cap), taken: Number(r.taken), bibSeq: Number(r.bibSeq), changed: false });
  }

  const isFull = (r: Row) => r.cap !== null && r.taken >= r.cap;
  const createdAt = new Date();
  const written = fresh.map(({ e, scopes, seenFull }) => {
    const full = seenFull ?? scopes.find((s) => isFull(rows.get(s.scope)!))?.level ?? null;
    let bibSeq: number | null = null;
    if (!full) {
      for (const s of scopes) Object.assign(rows.get(s.scope)!, { taken: rows.get(s.scope)!.taken + 1, changed: true });
      if (e.ctx.event.autoApprove) {
        const event = rows.get(eventScope())!;
        bibSeq = ++event.bibSeq;
        event.changed = true;
      }
    }
    const status: EntryStatus = full ? 'waitlisted' : e.ctx.event.autoApprove ? 'approved' : 'pending';
    const bib = bibSeq === null ? null : formatBibNumber(e.ctx.event.bibPrefix, bibSeq, BIB_WIDTH);
    return { e, status, bib, full, createdAt };
  });
  for (const [scope, r] of rows) {
    if (r.changed) await m.query('UPDATE quotas SET taken = ?, bib_seq = ? WHERE event_id = ? AND scope = ?', [r.taken, r.bibSeq, eventId, scope]);
  }
  await m.query(
    `INSERT INTO entries (event_id, item_id, user_id, active_user_id, organisation_id, status, bib, registered_by, team_name, age_group, age_group_override, created_at)
     VALUES ?`,
    [
      written.map(({ e, status, bib }) => [
        eventId,
        e.ctx.item.id,
        e.userId,
        e.userId,
        e.organisationId,
        status,
        bib,
        e.registeredBy,
        null,
        e.ageGroup,
        e.ageGroupOverride,
        createdAt,
      ]),
    ],
  );
  const ids: { id: number; itemId: number; userId: number }[] = await m.query(
    'SELECT id, item_id AS itemId, active_user_id AS userId FROM entries WHERE item_id IN (?) AND active_user_id IN (?)',
    [itemIds, written.map((w) => w.e.userId)],
  );
  const idOf = new Map(ids.map((r) => [keyOf(Number(r.itemId), Number(r.userId)), Number(r.id)]));
  written.forEach((w, k) => {
    answers[fresh[k].i] = { id: idOf.get(keyOf(w.e.ctx.item.id, w.e.userId))!, status: w.status, bib: w.bib, full: w.full, createdAt };
  });
  return answers as (WrittenEntry | Error)[];
}
