import type { Statement } from '@app/database';
import type { EntityManager } from 'typeorm';
import { BIB_WIDTH, type PlaceScopes, type QuotaSeen, takePlaces } from './capacity';
import { type EntryStatus, formatBibNumber } from './domain';
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

const scopesOf = (e: SimpleEntry): PlaceScopes => ({ eventId: e.ctx.event.id, itemId: e.ctx.item.id, organisationId: e.organisationId });

/**
 * Writes a batch of individual entries of one event in the caller's transaction, in a few
 * statements whatever its size: one read for people already entered, the places taken for all of
 * them at once in arrival order (takePlaces, the one way any registration takes a place), one
 * INSERT for every entry, their ids following from the first where the server promises
 * consecutive ones. Under a rush a shard of the event's quota is locked once per batch, not once
 * per entry. Someone already entered, or twice in the batch (a double click),
 * gets the refusal the unique key would give; a race that still reaches the key fails the whole
 * batch, which the caller then retries entry by entry. With `closing`, the quotas' counts are
 * written with the transaction's COMMIT (see takePlaces).
 */
export async function writeBatch(m: EntityManager, entries: SimpleEntry[], closing?: Statement[]): Promise<(WrittenEntry | Error)[]> {
  const eventId = entries[0].ctx.event.id;
  const keyOf = (itemId: number, userId: number) => `${itemId}:${userId}`;
  const itemIds = [...new Set(entries.map((e) => e.ctx.item.id))];
  const userIds = [...new Set(entries.map((e) => e.userId))];
  // A shared lock: an entry another API process's batch has written but not yet committed (the
  // other half of a double click) is waited for and then seen, instead of failing this batch on
  // the unique key when it commits. The batch holds no other lock yet, so nothing waits on it.
  const existing: { itemId: number; userId: number }[] = await m.query(
    'SELECT item_id AS itemId, active_user_id AS userId FROM entries WHERE item_id IN (?) AND active_user_id IN (?) LOCK IN SHARE MODE',
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
  const fresh = entries.flatMap((e, i) => (answers[i] === null ? [{ e, i }] : []));
  if (!fresh.length) return answers as Error[];

  // Places in arrival order, under one lock of a shard of each quota the batch needs.
  const places = await takePlaces(
    m,
    eventId,
    fresh.map(({ e }) => ({ scopes: scopesOf(e), withBib: e.ctx.event.autoApprove, seen: e.quotas })),
    closing,
  );
  const createdAt = new Date();
  const written = fresh.map(({ e }, k) => {
    const place = places[k];
    const status: EntryStatus = !place.taken ? 'waitlisted' : e.ctx.event.autoApprove ? 'approved' : 'pending';
    const bib = place.taken && place.bibSeq !== null ? formatBibNumber(e.ctx.event.bibPrefix, place.bibSeq, BIB_WIDTH) : null;
    return { e, status, bib, full: place.taken ? null : place.full, createdAt };
  });
  const res: { insertId: number; affectedRows: number } = await m.query(
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
  // One multi-row INSERT gets consecutive ids from the first one when the server promises it;
  // otherwise they are read back.
  const ids: { id: number; itemId: number; userId: number }[] = (await consecutiveIds(m))
    ? written.map((w, k) => ({ id: Number(res.insertId) + k, itemId: w.e.ctx.item.id, userId: w.e.userId }))
    : await m.query('SELECT id, item_id AS itemId, active_user_id AS userId FROM entries WHERE item_id IN (?) AND active_user_id IN (?)', [
        itemIds,
        written.map((w) => w.e.userId),
      ]);
  const idOf = new Map(ids.map((r) => [keyOf(Number(r.itemId), Number(r.userId)), Number(r.id)]));
  written.forEach((w, k) => {
    answers[fresh[k].i] = { id: idOf.get(keyOf(w.e.ctx.item.id, w.e.userId))!, status: w.status, bib: w.bib, full: w.full, createdAt };
  });
  return answers as (WrittenEntry | Error)[];
}

const consecutive = new WeakMap<object, Promise<boolean>>();

/**
 * Whether the rows of one multi-row INSERT get consecutive ids, asked once per connection pool:
 * InnoDB's "traditional" (0) and "consecutive" (1) auto-increment lock modes promise it for an
 * INSERT whose row count is known in advance, with a step of 1; "interleaved" (2) does not.
 */
function consecutiveIds(m: EntityManager): Promise<boolean> {
  const pool = m.connection;
  let known = consecutive.get(pool);
  if (!known) {
    known = pool
      .query('SELECT @@innodb_autoinc_lock_mode AS mode, @@auto_increment_increment AS step')
      .then(([r]: { mode: number; step: number }[]) => Number(r.mode) <= 1 && Number(r.step) === 1);
    known.catch(() => consecutive.delete(pool));
    consecutive.set(pool, known);
  }
  return known;
}
