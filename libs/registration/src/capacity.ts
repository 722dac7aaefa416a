import { jsonColumn, type Statement } from '@app/database';
import type { EntityManager } from 'typeorm';
import { allocatePlaces, bibNumber, PLACE_LEVELS, splitCap, type PlaceClaim, type PlaceCounter, type PlaceLevel, type PlaceOutcome } from './domain';
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

/**
 * Shards a quota row is split into when its cap is set: batches of several API processes take
 * places from different shards at once instead of queueing for one row.
 */
export const QUOTA_SHARDS = 4;

/** The quota rows of one entry's scopes, read without locks: which exist and which looked full (every shard full). */
export function quotasSeenSql(p: PlaceScopes): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT JSON_ARRAYAGG(JSON_OBJECT('scope', scope, 'full', full)) AS quotas
            FROM (SELECT scope, MIN(cap IS NOT NULL AND taken >= cap) AS full FROM quotas WHERE event_id = ? AND scope IN (?, ?, ?) GROUP BY scope) q`,
    params: [p.eventId, ...placeScopes(p).map((s) => s.scope)],
  };
}

const levelOf = (scope: string): PlaceLevel => (scope === eventScope() ? 'event' : scope.startsWith('item:') ? 'item' : 'delegation');

type HeldShard = PlaceCounter & { id: number; shard: number; shards: number };

const SHARD_COLUMNS = 'id, shard, shards, cap, taken, bib_seq AS bibSeq';
const ROOM = '(cap IS NULL OR taken < cap)';

/**
 * Another shard of a quota with room, locked: first one no other transaction holds (SKIP LOCKED
 * never waits, so batches of several processes spread over the shards by themselves); when every
 * shard with room is held, the lowest of them, waiting for it. Null when no shard has room.
 */
async function lockShard(m: EntityManager, eventId: number, scope: string, held: HeldShard[]): Promise<HeldShard | null> {
  for (;;) {
    const mine = held.length ? held.map((h) => h.shard) : [-1];
    const [free] = await m.query(
      `SELECT ${SHARD_COLUMNS} FROM quotas WHERE event_id = ? AND scope = ? AND shard NOT IN (?) AND ${ROOM} ORDER BY shard LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [eventId, scope, mine],
    );
    if (free) return shardOf(free);
    const [busy] = await m.query(`SELECT shard FROM quotas WHERE event_id = ? AND scope = ? AND shard NOT IN (?) AND ${ROOM} ORDER BY shard LIMIT 1`, [eventId, scope, mine]);
    if (!busy) return null;
    const [waited] = await m.query(`SELECT ${SHARD_COLUMNS} FROM quotas WHERE event_id = ? AND scope = ? AND shard = ? FOR UPDATE`, [eventId, scope, busy.shard]);
    const shard = shardOf(waited);
    if (shard.cap === null || shard.taken < shard.cap) return shard;
    held.push(shard); // full by now (a plain read may be a snapshot): keep it out of the next look
  }
}

const shardOf = (r: Record<string, unknown>): HeldShard => ({
  id: Number(r.id),
  shard: Number(r.shard),
  shards: Number(r.shards),
  cap: r.cap === null ? null : Number(r.cap),
  taken: Number(r.taken),
  bibSeq: Number(r.bibSeq),
});

/**
 * Takes places for entries of one event in the caller's transaction, in arrival order: the one
 * way a place is taken, by a single registration, a batch of them, an approval from the waitlist
 * or its promotion. Of each quota the entries occupy (only those that exist), narrowest first,
 * delegations, then items, then the event, one shard with room is locked; when the batch drains
 * it, the next. The places are handed out by allocatePlaces under those locks, which is why several
 * API processes can never oversell: every shard holds its share of the cap, and a level is full
 * only when no shard has room. The counts go back in one statement. The event's shards also hand
 * out the bib numbers, each its own residue class, so no two share one.
 *
 * `seen`, a read made earlier in the same transaction, spares the read of which rows exist, and a
 * level it saw full sends the entry straight to the waitlist: once the rush has filled the event,
 * most attempts never touch its rows. A place freed just after that read is not lost: freeing one
 * enqueues the promotion of the waitlist, which this entry joins.
 *
 * With `closing`, the counts' UPDATE is added to the statements the caller's transaction ends
 * with (inTransactionClosing) instead of being sent now: the shards stay locked until the COMMIT
 * either way, and the batch saves a round trip while it holds them.
 */
export async function takePlaces(m: EntityManager, eventId: number, requests: PlaceRequest[], closing?: Statement[]): Promise<TakeResult[]> {
  if (!requests.length) return [];
  // Requests without an earlier read: one plain read of which of their rows exist and look full.
  let read: QuotaSeen[] = [];
  if (requests.some((r) => !r.seen)) {
    const scopes = [...new Set(requests.filter((r) => !r.seen).flatMap((r) => placeScopes(r.scopes).map((s) => s.scope)))];
    const rows: { scope: string; full: number }[] = await m.query(
      'SELECT scope, MIN(cap IS NOT NULL AND taken >= cap) AS full FROM quotas WHERE event_id = ? AND scope IN (?) GROUP BY scope',
      [eventId, scopes],
    );
    read = rows.map((r) => ({ scope: r.scope, full: Boolean(Number(r.full)) }));
  }
  const claims: PlaceClaim[] = requests.map((r) => {
    const mine = placeScopes(r.scopes).map((s) => s.scope);
    const seen = r.seen ?? read.filter((q) => mine.includes(q.scope));
    const present = new Set(seen.map((q) => q.scope));
    return { counters: mine.filter((s) => present.has(s)), bibCounter: r.withBib ? eventScope() : null, seenFull: firstFull(seen, r.scopes) ?? null };
  });

  // A shard of each quota the entries wanting a place occupy, and of the event's when it hands out bibs.
  const needed = new Set(claims.filter((c) => !c.seenFull).flatMap((c) => (c.bibCounter ? [...c.counters, c.bibCounter] : c.counters)));
  const order = (scope: string) => PLACE_LEVELS.indexOf(levelOf(scope));
  const held = new Map<string, HeldShard[]>();
  const complete = new Set<string>();
  for (const scope of [...needed].sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const shard = await lockShard(m, eventId, scope, []);
    if (shard) held.set(scope, [shard]);
    else {
      // Every shard full: lock the first for its bib sequence, the rest of the batch waits.
      const [first] = await m.query(`SELECT ${SHARD_COLUMNS} FROM quotas WHERE event_id = ? AND scope = ? ORDER BY shard LIMIT 1 FOR UPDATE`, [eventId, scope]);
      if (!first) throw new Error(`event ${eventId} has no quota row ${scope}`);
      held.set(scope, [shardOf(first)]);
      complete.add(scope);
    }
  }
  const outcomes: PlaceOutcome[] = [];
  const changed = new Set<PlaceCounter>();
  while (outcomes.length < claims.length) {
    const step = allocatePlaces(held, claims.slice(outcomes.length), levelOf, (scope) => complete.has(scope));
    outcomes.push(...step.outcomes);
    step.changed.forEach((c) => changed.add(c));
    if (!step.short) break;
    const more = await lockShard(m, eventId, step.short, held.get(step.short)!);
    if (more) held.get(step.short)!.push(more);
    else complete.add(step.short);
  }
  if (changed.size) {
    const rows = [...changed] as HeldShard[];
    const cases = rows.map(() => 'WHEN ? THEN ?').join(' ');
    const update: Statement = [
      `UPDATE quotas SET taken = CASE id ${cases} END, bib_seq = CASE id ${cases} END WHERE id IN (?)`,
      [...rows.flatMap((c) => [c.id, c.taken]), ...rows.flatMap((c) => [c.id, c.bibSeq]), rows.map((c) => c.id)],
    ];
    if (closing) closing.push(update);
    else await m.query(...update);
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

/**
 * Gives back the place an entry held (on withdrawal or rejection), narrowest quota first. Of a
 * quota's shards it is the one most over its share, else the fullest, that gives one back: once a
 * cap is lowered below the places held, no shard has room until the total is under the cap again.
 */
export async function releasePlace(manager: EntityManager, p: PlaceScopes): Promise<void> {
  for (const { scope } of placeScopes(p)) {
    await manager.query('UPDATE quotas SET taken = taken - 1 WHERE event_id = ? AND scope = ? AND taken > 0 ORDER BY taken - COALESCE(cap, 0) DESC, shard LIMIT 1', [
      p.eventId,
      scope,
    ]);
  }
}

/**
 * Next bib number of the event, for an entry that already holds its place, from the event's first
 * shard: LAST_INSERT_ID(expr) hands back the number (its residue class among the shards) with no
 * second read, evaluated on the sequence before the increment.
 */
export async function nextBibNumber(manager: EntityManager, eventId: number): Promise<number> {
  const res: { affectedRows: number; insertId: number } = await manager.query(
    'UPDATE quotas SET bib_seq = bib_seq + 1 + 0 * LAST_INSERT_ID(bib_seq * shards + shard + 1) WHERE event_id = ? AND scope = ? ORDER BY shard LIMIT 1',
    [eventId, eventScope()],
  );
  if (res.affectedRows !== 1) throw new Error(`event ${eventId} has no event quota row`);
  return Number(res.insertId);
}

/**
 * Sets a quota's cap, creating its QUOTA_SHARDS rows (the event's always exist once registration
 * is configured). New rows start from the places entries already hold at that level, so a quota
 * added mid-registration counts them; existing rows keep their counts. The cap is split so that
 * the shards' free places add up to what is left: with a cap below the count every shard is full,
 * which just means full: nobody already in loses their place. Shards added to an older single row
 * start their bib numbers above every number handed out.
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
  const rows: Record<string, unknown>[] = await manager.query(`SELECT ${SHARD_COLUMNS} FROM quotas WHERE event_id = ? AND scope = ? ORDER BY shard FOR UPDATE`, [eventId, scope]);
  const existing = rows.map(shardOf);
  let taken = existing.map((r) => r.taken);
  if (!existing.length) {
    const [{ n }] = await manager.query(`SELECT COUNT(*) AS n FROM entries WHERE event_id = ?${narrowing} AND status IN ('pending', 'approved')`, [eventId, ...params]);
    taken = [Number(n)];
  }
  const shards = Array.from({ length: QUOTA_SHARDS }, (_, k) => ({ taken: taken[k] ?? 0, bibSeq: existing[k]?.bibSeq ?? 0 }));
  // Taken counts beyond the new number of shards (never, with a fixed number) would stay on the first.
  shards[0].taken += taken.slice(QUOTA_SHARDS).reduce((a, b) => a + b, 0);
  const highest = Math.max(0, ...existing.map((r) => (r.bibSeq ? bibNumber(r, r.bibSeq) : 0)));
  const resharded = existing.length > 0 && existing[0].shards !== QUOTA_SHARDS;
  const caps = splitCap(cap, shards.map((s) => s.taken));
  const values = shards.map((s, k) => {
    const bibSeq = resharded ? Math.max(0, Math.floor((highest - k - 1) / QUOTA_SHARDS) + 1) : s.bibSeq;
    return [eventId, scope, k, QUOTA_SHARDS, caps[k], s.taken, bibSeq];
  });
  await manager.query(
    `INSERT INTO quotas (event_id, scope, shard, shards, cap, taken, bib_seq) VALUES ?
     ON DUPLICATE KEY UPDATE shards = VALUES(shards), cap = VALUES(cap), taken = VALUES(taken), bib_seq = VALUES(bib_seq)`,
    [values],
  );
}
