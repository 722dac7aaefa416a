import { inTransaction, isDuplicateKey } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

export interface IdempotencyKey {
  key: string;
  /** Digest of method, path and body, so one key cannot be replayed for a different request. */
  fingerprint: string;
}

/**
 * Runs `work` in a transaction that first claims the key. A retry after the
 * commit finds the stored answer; a retry racing the first attempt blocks on
 * the key's primary key until the first commits, then finds the answer too. If
 * the first attempt fails, its claim rolls back with it and a retry runs anew.
 */
export async function runIdempotent<T>(
  dataSource: DataSource,
  userId: number,
  idem: IdempotencyKey | undefined,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!idem) return inTransaction(dataSource, work);
  const stored = await storedAnswer<T>(dataSource, userId, idem);
  if (stored !== undefined) return stored;
  try {
    return await inTransaction(dataSource, async (m) => {
      await m.insert(IdempotencyRecord, { userId, key: idem.key, fingerprint: idem.fingerprint, statusCode: 201, response: {} });
      const answer = await work(m);
      await m.update(IdempotencyRecord, { userId, key: idem.key }, { response: answer as object });
      return answer;
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const answer = await storedAnswer<T>(dataSource, userId, idem);
    if (answer === undefined) throw err;
    return answer;
  }
}

async function storedAnswer<T>(dataSource: DataSource, userId: number, idem: IdempotencyKey): Promise<T | undefined> {
  const record = await dataSource.manager.findOneBy(IdempotencyRecord, { userId, key: idem.key });
  if (!record) return undefined;
  if (record.fingerprint !== idem.fingerprint) {
    throw new RegistrationError('unprocessable', RegistrationErrorCode.IdempotencyKeyReused, 'Idempotency-Key 已用于另一个不同的请求', {
      field: 'Idempotency-Key',
    });
  }
  return record.response as T;
}
