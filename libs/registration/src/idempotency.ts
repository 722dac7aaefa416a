import { Batcher } from '@app/common';
import { inTransaction, jsonColumn, type Statement } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { IdempotencyRecord } from './idempotency-record.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

export interface IdempotencyKey {
  key: string;
  /** Digest of method, path and body, so one key cannot be replayed for a different request. */
  fingerprint: string;
}

/**
 * Runs `work` in one transaction and stores its answer under the key in the
 * same transaction. A retry after the commit finds the stored answer; a retry
 * racing the first attempt blocks on the first one's rows (the entry's unique
 * key, or the record's primary key) until it commits, fails, and then finds
 * the answer too. If the first attempt fails, nothing is stored and a retry
 * runs anew.
 *
 * READ COMMITTED: a full quota row that an UPDATE does not match is not kept
 * locked, and no gap locks are taken, so a rush of waitlisted entries neither
 * queues behind the hot quota row nor deadlocks on the entries' unique index.
 */
export async function runIdempotent<T extends object>(
  dataSource: DataSource,
  userId: number,
  idem: IdempotencyKey | undefined,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const run = (fn: (m: EntityManager) => Promise<T>) => inTransaction(dataSource, fn, 8, 'READ COMMITTED');
  if (!idem) return run(work);
  const stored = await storedAnswer<T>(dataSource, userId, idem);
  if (stored !== undefined) return stored;
  try {
    return await run(async (m) => {
      const answer = await work(m);
      for (const statement of answerStatements([{ userId, idem, answer }])) await m.query(...statement);
      return answer;
    });
  } catch (err) {
    const answer = await storedAnswer<T>(dataSource, userId, idem);
    if (answer === undefined) throw err;
    return answer;
  }
}

/** A key already used for a different request. */
export const keyReused = () =>
  new RegistrationError('unprocessable', RegistrationErrorCode.IdempotencyKeyReused, 'Idempotency-Key 已用于另一个不同的请求', { field: 'Idempotency-Key' });

export interface StoredAnswer {
  userId: number;
  idem: IdempotencyKey;
  answer: object;
}

/**
 * Keyed answers to store in the caller's transaction, one statement for all of them (none without
 * answers), so a retry after the commit finds its answer.
 */
export function answerStatements(answers: StoredAnswer[]): Statement[] {
  if (!answers.length) return [];
  return [
    [
      'INSERT INTO idempotency_records (user_id, idem_key, fingerprint, status_code, response) VALUES ?',
      [answers.map((a) => [a.userId, a.idem.key, a.idem.fingerprint, 201, JSON.stringify(a.answer)])],
    ],
  ];
}

/**
 * Stored answers looked up for the keyed requests of a rush, the lookups of concurrent requests
 * coalesced: requests that arrive while one read runs share the next, one statement for all.
 */
export class StoredAnswers<T extends object> {
  private readonly reads = new Batcher<{ userId: number; idem: IdempotencyKey }, T | null>((wanted) => this.read(wanted), 200);

  constructor(private readonly dataSource: DataSource) {}

  /** The answer stored under the key, or undefined; a key stored for a different request is refused. */
  async answer(userId: number, idem: IdempotencyKey): Promise<T | undefined> {
    return (await this.reads.add(0, { userId, idem })) ?? undefined;
  }

  private async read(wanted: { userId: number; idem: IdempotencyKey }[]): Promise<(T | null | Error)[]> {
    const rows: { userId: number; key: string; fingerprint: string; response: T | string }[] = await this.dataSource.query(
      'SELECT user_id AS userId, idem_key AS `key`, fingerprint, response FROM idempotency_records WHERE user_id IN (?) AND idem_key IN (?)',
      [[...new Set(wanted.map((w) => w.userId))], [...new Set(wanted.map((w) => w.idem.key))]],
    );
    const stored = new Map(rows.map((r) => [`${Number(r.userId)}:${r.key}`, r]));
    return wanted.map(({ userId, idem }) => answerIn<T>(stored.get(`${userId}:${idem.key}`), idem) ?? null);
  }
}

/** The answer in a stored record, undefined without one, or the refusal of a key stored for a different request. */
function answerIn<T>(record: { fingerprint: string; response: unknown } | undefined, idem: IdempotencyKey): T | Error | undefined {
  if (!record) return undefined;
  return record.fingerprint === idem.fingerprint ? jsonColumn(record.response as T | string) : keyReused();
}

/** The answer stored under the key, or undefined; a key stored for a different request is refused. */
async function storedAnswer<T>(dataSource: DataSource, userId: number, idem: IdempotencyKey): Promise<T | undefined> {
  // Plain SQL: a keyed registration outside the rush path (team entries, counted limits) reads it.
  const [record]: Pick<IdempotencyRecord, 'fingerprint' | 'response'>[] = await dataSource.query(
    'SELECT fingerprint, response FROM idempotency_records WHERE user_id = ? AND idem_key = ?',
    [userId, idem.key],
  );
  const answer = answerIn<T>(record, idem);
  if (answer instanceof Error) throw answer;
  return answer;
}
