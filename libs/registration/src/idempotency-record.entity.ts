import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a POST carrying an `Idempotency-Key`, written in the
 * same transaction as what the POST created, so a retry returns it and
 * creates nothing new. Keys are per caller.
 */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 100 })
  key: string;

  /** Method, path and body digest: the same key with a different request is refused. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ name: 'status_code', type: 'smallint', unsigned: true })
  statusCode: number;

  @Column({ type: 'json' })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
