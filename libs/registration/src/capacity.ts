import { jsonColumn } from '@app/database';
import type { EntityManager } from 'typeorm';
import { allocatePlaces, PLACE_LEVELS, type PlaceClaim, type PlaceCounter, type PlaceLevel, type PlaceOutcome } from './domain';
import { delegationScope, eventScope, itemScope } from './quota.entity';

/** The quota rows one entry occupies. */
export interface PlaceScopes {
  eventId: number;
  itemId: number;
  organisationId: number;
}

export type TakeResult = PlaceOutcome;

/** Width of the number on a bib ("A00042"). */
export const BIB_WIDTH = 5;

/** The quota rows of one entry, narrowest first: the order every writer locks them in, so none deadlock. */
export const placeScopes = (p: PlaceScopes) =>
  [
    { level: 'delegation', scope: delegationScope(p.organisationId) },
    { level: 'item', scope: itemScope(p.itemId) },
    { level: 'event', scope: eventScope() },
  ] as const;

/** A quota row as a plain (non-locking) read saw it. */
export interface QuotaSeen {
  scope: string;
  full: boolean;
}

/** One entry asking for a place: its quota rows, whether a place comes with a bib, and what a read earlier in the transaction saw of its rows. */
export interface PlaceRequest {
  scopes: PlaceScopes;
  withBib: boolean;
  seen?: QuotaSeen[];
}

/** The quota rows of one entry's scopes, read without locks: which exist and which looked full. */
export function quotasSeenSql(p: PlaceScopes): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT JSON_ARRAYAGG(JSON_OBJECT('scope', scope, 'full', cap IS NOT NULL AND taken >= cap)) AS quotas FROM quotas WHERE event_id = ? AND scope IN (?, ?, ?)`,
    params: [p.eventId, ...placeScopes(p).map((s) => s.scope)],
  };
}

const levelOf = (scope: string): PlaceLevel => (scope === eventScope() ? 'event' : scope.startsWith('item:') ? 'item' : 'delegation');

/**
 * Takes places for entries of one event in the caller's transaction, in arrival order: the one
 * way a place is taken, by a single registration, a batch of them, an approval from the waitlist
 * or its promotion. The quota rows the entries occupy (only those that exist) are locked
 * narrowest first, delegations, then items, then the event, so no two writers deadlock, each with
 * one statement; the places are handed out by allocatePlaces under those locks, which is why
 * several API processes can never oversell; the counts go back in one statement. Under a rush the
 * event's row is locked once per batch, not once per entry, and the event's row also hands out
 * the bib numbers.
 *
 * `seen`, a read made earlier in the same transaction, spares the read of which rows exist, and a
 * level it saw full sends the entry straight to the waitlist: once the rush has filled the event,
 * most attempts never touch its row. A place freed just after that read is not lost: freeing one
 * enqueues the promotion of the waitlist, which this entry joins.
 */
export async function takePlaces(m: EntityManager, eventId: number, requests: PlaceRequest[]): Promise<TakeResult[]> {
  if (!requests.length) return [];
  // Requests without an earlier read: one plain read of which of their rows exist and look full.
  let read: QuotaSeen[] = [];
  if (requests.some((r) => !r.seen)) {
    const scopes = [...new Set(requests.filter((r) => !r.seen).flatMap((r) => placeScopes(r.scopes).map((s) => s.scope)))];
    const rows: { scope: string; full: number }[] = await m.query('SELECT scope, cap IS NOT NULL AND taken >= cap AS full FROM quotas WHERE event_id = ? AND scope IN (?)', [
      eventId,
      scopes,
    ]);
    read = rows.map((r) => ({ scope: r.scope, full: Boolean(Number(r.full)) }));
  }
  const claims: PlaceClaim[] = requests.map((r) => {
    const mine = placeScopes(r.scopes).map((s) => s.scope);
    const seen = r.seen ?? read.filter((q) => mine.includes(q.scope));
    const present = new Set(seen.map((q) => q.scope));
    return { counters: mine.filter((s) => present.has(s)), bibCounter: r.withBib ? eventScope() : null, seenFull: firstFull(seen, r.scopes) ?? null };
  });

  // The rows the entries wanting a place occupy, and the event's row when it hands out bibs.
  const needed = new Set(claims.filter((c) => !c.seenFull).flatMap((c) => (c.bibCounter ? [...c.counters, c.bibCounter] : c.counters)));
  const order = (scope: string) => PLACE_LEVELS.indexOf(levelOf(scope));
  const counters = new Map<string, PlaceCounter>();
  for (const scope of [...needed].sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const [r] = await m.query('SELECT cap, taken, bib_seq AS bibSeq FROM quotas WHERE event_id = ? AND scope = ? FOR UPDATE', [eventId, scope]);
    if (!r) throw new Error(`event ${eventId} has no quota row ${scope}`);
    counters.set(scope, { cap: r.cap === null ? null : Number(r.cap), taken: Number(r.taken), bibSeq: Number(r.bibSeq) });
  }
  const { outcomes, changed } = allocatePlaces(counters, claims, levelOf);
  if (changed.size) {
    const rows = [...changed].map((scope) => [scope, counters.get(scope)!] as const);
    const cases = rows.map(() => 'WHEN ? THEN ?').join(' ');
    await m.query(`UPDATE quotas SET taken = CASE scope ${cases} END, bib_seq = CASE scope ${cases} END WHERE event_id = ? AND scope IN (?)`, [
      ...rows.flatMap(([scope, c]) => [scope, c.taken]),
      ...rows.flatMap(([scope, c]) => [scope, c.bibSeq]),
      eventId,
      [...changed],
    ]);
  }
  return outcomes;
}

/** The narrowest level the read saw full, if any. */
export function firstFull(seen: QuotaSeen[] | undefined, p: PlaceScopes): PlaceLevel | undefined {
  const full = new Set(seen?.filter((q) => q.full).map((q) => q.scope));
  return placeScopes(p).find((s) => full.has(s.scope))?.level;
}

/** The `quotas` column of quotasSeenSql (JSON text from MariaDB). */
export function parseSeen(raw: unknown): QuotaSeen[] {
  if (raw == null) return [];
  const list = jsonColumn(raw as { scope: string; full: unknown }[] | string);
  return list.map((q) => ({ scope: q.scope, full: q.full === true || q.full === 1 }));
}

/** Gives back the place an entry held (on withdrawal or rejection), narrowest row first. */
export async function releasePlace(manager: EntityManager, p: PlaceScopes): Promise<void> {
  for (const { scope } of placeScopes(p)) {
    await manager.query('UPDATE quotas SET taken = taken - 1 WHERE event_id = ? AND scope = ? AND taken > 0', [p.eventId, scope]);
  }
}

/** Next bib sequence of the event, for an entry that already holds its place: LAST_INSERT_ID(expr) hands the new value back with no second read. */
export async function nextBibSequence(manager: EntityManager, eventId: number): Promise<number> {
  const res: { affectedRows: number; insertId: number } = await manager.query(
    'UPDATE quotas SET bib_seq = LAST_INSERT_ID(bib_seq + 1) WHERE event_id = ? AND scope = ?',
    [eventId, eventScope()],
  );
  if (res.affectedRows !== 1) throw new Error(`event ${eventId} has no event quota row`);
  return Number(res.insertId);
}

/**
 * Sets a quota's cap, creating the row (the event's row always exists once
 * registration is configured). A new row starts from the places entries
 * already hold at that level, so a quota added mid-registration counts them;
 * an existing row keeps its count. A cap below the count just means full:
 * nobody already in loses their place.
 */
export async function setQuotaCap(
  manager: EntityManager,
  eventId: number,
  level: 'event' | { itemId: number } | { organisationId: number },
  cap: number | null,
): Promise<void> {
  const [scope, narrowing, params] =
    level === 'event'
      ? [eventScope(), '', []]
      : 'itemId' in level
        ? [itemScope(level.itemId), ' AND item_id = ?', [level.itemId]]
        : [delegationScope(level.organisationId), ' AND organisation_id = ?', [level.organisationId]];
  await manager.query(
    `INSERT INTO quotas (event_id, scope, cap, taken)
       SELECT ?, ?, ?, COUNT(*) FROM entries WHERE event_id = ?${narrowing} AND status IN ('pending', 'approved')
     ON DUPLICATE KEY UPDATE cap = VALUES(cap)`,
    [eventId, scope, cap, eventId, ...params],
  );
}
