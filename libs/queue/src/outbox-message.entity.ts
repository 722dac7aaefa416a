import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobName } from './job-contract';

/** A job waiting to be moved into BullMQ; written in the same transaction as the change that causes it. */
@Entity('outbox')
@Index('idx_outbox_pending', ['dispatchedAt', 'id'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName: JobName;

  /** The job's key from the contract; the relay adds it to BullMQ behind the database's instance id. */
  @Column({ name: 'job_id', type: 'varchar', length: 191 })
  jobId: string;

  @Column({ type: 'json' })
  payload: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'datetime', precision: 3, nullable: true })
  dispatchedAt: Date | null;
}
