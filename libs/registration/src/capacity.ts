import { jsonColumn } from '@app/database';
import type { EntityManager } from 'typeorm';
import { delegationScope, eventScope, itemScope } from './quota.entity';

/** The quota rows one entry occupies, narrowest first: every writer locks them in this order, so none deadlock. */
export interface PlaceScopes {
  eventId: number;
  itemId: number;
  organisationId: number;
}

export type TakeResult = { taken: true; bibSeq: number | null } | { taken: false; full: 'delegation' | 'item' | 'event' };

/** Width of the number on a bib ("A00042"). */
export const BIB_WIDTH = 5;

/** The quota rows of one entry, narrowest first: the order every writer locks them in. */
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

/** The quota rows of one entry's scopes, read without locks: which exist and which looked full. */
export function quotasSeenSql(p: PlaceScopes): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT JSON_ARRAYAGG(JSON_OBJECT('scope', scope, 'full', cap IS NOT NULL AND taken >= cap)) AS quotas FROM quotas WHERE event_id = ? AND scope IN (?, ?, ?)`,
    params: [p.eventId, ...placeScopes(p).map((s) => s.scope)],
  };
}

/**
 * Takes one place at each level that has a quota row. Each UPDATE re-checks
 * `taken < cap` under the row lock, so concurrent transactions, in any number
 * of processes, cannot take more than `cap`. If a wider level is full, the
 * narrower places already taken are given back in the same transaction. With
 * `withBib` the event row also hands out the next bib number in the same
 * statement (LAST_INSERT_ID(expr) returns it without a second read), so the
 * hottest row is locked once per entry.
 *
 * `seen`, a read made earlier in the same transaction, spares the read of
 * which rows exist, and a level it saw full goes straight to the waitlist:
 * once the rush has filled the event, most attempts never touch its row. A
 * place freed just after that read is not lost: freeing one enqueues the
 * promotion of the waitlist, which this entry joins.
 */
export async function takePlace(manager: EntityManager, p: PlaceScopes, withBib: boolean, seen?: QuotaSeen[]): Promise<TakeResult> {
  const scopes = placeScopes(p);
  if (!seen) {
    const { sql, params } = quotasSeenSql(p);
    const [row]: { quotas: unknown }[] = await manager.query(sql, params);
    seen = parseSeen(row?.quotas);
  }
  const full = firstFull(seen, p);
  if (full) return { taken: false, full };
  const present = new Set(seen.map((q) => q.scope));
  const taken: string[] = [];
  let bibSeq: number | null = null;
  for (const { level, scope } of scopes) {
    if (!present.has(scope)) continue;
    const bib = withBib && level === 'event' ? ', bib_seq = LAST_INSERT_ID(bib_seq + 1)' : '';
    const res: { affectedRows: number; insertId: number } = await manager.query(
      `UPDATE quotas SET taken = taken + 1${bib} WHERE event_id = ? AND scope = ? AND (cap IS NULL OR taken < cap)`,
      [p.eventId, scope],
    );
    if (res.affectedRows !== 1) {
      if (taken.length) await release(manager, p.eventId, taken);
      return { taken: false, full: level };
    }
    taken.push(scope);
    if (bib) bibSeq = Number(res.insertId);
  }
  if (withBib && bibSeq === null) bibSeq = await nextBibSequence(manager, p.eventId);
  return { taken: true, bibSeq };
}

/** The narrowest level the read saw full, if any. */
export function firstFull(seen: QuotaSeen[] | undefined, p: PlaceScopes): 'delegation' | 'item' | 'event' | undefined {
  const full = new Set(seen?.filter((q) => q.full).map((q) => q.scope));
  return placeScopes(p).find((s) => full.has(s.scope))?.level;
}

/** The `quotas` column of quotasSeenSql (JSON text from MariaDB). */
export function parseSeen(raw: unknown): QuotaSeen[] {
  if (raw == null) return [];
  const list = jsonColumn(raw as { scope: string; full: unknown }[] | string);
  return list.map((q) => ({ scope: q.scope, full: q.full === true || q.full === 1 }));
}

/** Gives back the place an entry held (on withdrawal or rejection). */
export async function releasePlace(manager: EntityManager, p: PlaceScopes): Promise<void> {
  await release(manager, p.eventId, placeScopes(p).map((s) => s.scope));
}

async function release(manager: EntityManager, eventId: number, scopes: string[]): Promise<void> {
  for (const scope of scopes) {
    await manager.query('UPDATE quotas SET taken = taken - 1 WHERE event_id = ? AND scope = ? AND taken > 0', [eventId, scope]);
  }
}

/** Next bib sequence of the event: LAST_INSERT_ID(expr) hands the new value back with no second read. */
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
