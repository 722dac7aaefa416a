import { createHmac, randomBytes } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row that names this database's incarnation. Redis outlives a database that is recreated
 * or restored from a backup, and keeps the ids of the jobs it completed; every job id carries this
 * row's id, so the new database's first tally is never taken for one of the old database's. A
 * restore writes a new id, since the backup brings the old one back with versions and keys that
 * resume below what Redis has already seen.
 */
@Entity('platform_instance')
export class PlatformInstance {
  @PrimaryColumn({ type: 'char', length: 16 })
  id: string;

  /** HMAC of PII_KEY over a fixed label, set on first start: the key itself is never stored. */
  @Column({ name: 'pii_key_fingerprint', type: 'char', length: 64, nullable: true })
  piiKeyFingerprint: string | null;

  /** When this incarnation began: the migration's run, or the restore's. */
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}

export const newInstanceId = (): string => randomBytes(8).toString('hex');

/** Tells which PII_KEY encrypted a database's personal data without revealing it: a different label than the cipher's keys use. */
export const piiKeyFingerprint = (piiKey: string): string => createHmac('sha256', piiKey).update('union-events/pii-key-fingerprint/v1').digest('hex');

/** What a process or a restore says when PII_KEY is not the key a database's personal data was encrypted with. */
export function piiKeyMismatch(what: string): string {
  return (
    `PII_KEY does not match the key ${what} was set up with: its ID numbers and mobile numbers could not be read, ` +
    'nor found by their keyed hashes; set PII_KEY to the key kept with the backups'
  );
}

/** Runs one statement and returns its rows, whatever the client (TypeORM's query, mysql2's connection). */
export type RunQuery = (sql: string, params?: unknown[]) => Promise<unknown>;

export interface InstanceRow {
  id: string;
  piiKeyFingerprint: string | null;
}

/** The row; undefined when the table is missing (migrations not applied) — throws when it holds anything but one row. */
export async function readInstance(query: RunQuery): Promise<InstanceRow | undefined> {
  let rows: InstanceRow[];
  try {
    rows = (await query('SELECT id, pii_key_fingerprint AS piiKeyFingerprint FROM platform_instance')) as InstanceRow[];
  } catch (err) {
    if ((err as { errno?: number }).errno === 1146) return undefined; // ER_NO_SUCH_TABLE
    throw err;
  }
  if (rows.length !== 1) throw new Error(`platform_instance holds ${rows.length} rows; it must hold exactly one`);
  return rows[0];
}

/** The id every job id of this database carries; the processes that add jobs read it once at boot. */
export async function instanceId(query: RunQuery): Promise<string> {
  const row = await readInstance(query);
  if (!row) throw new Error('the database has no platform_instance table; apply migrations with: npm run migration:run');
  return row.id;
}

/** A new incarnation for a database just loaded from a backup; returns its id. */
export async function renewInstance(query: RunQuery): Promise<string> {
  const id = newInstanceId();
  await query('UPDATE platform_instance SET id = ?, created_at = CURRENT_TIMESTAMP(3)', [id]);
  return id;
}
