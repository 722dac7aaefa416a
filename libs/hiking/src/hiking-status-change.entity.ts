import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WalkerStatus } from './domain';
import { WALKER_STATUSES } from './hiking-walker.entity';

/** The audit of a walker's drops and reversals: who or what changed the status, when and why. */
@Entity('hiking_status_changes')
@Index('idx_hiking_status_changes_walker', ['walkerId'])
export class HikingStatusChange {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'walker_id', type: 'int', unsigned: true })
  walkerId: number;

  @Column({ name: 'from_status', type: 'enum', enum: WALKER_STATUSES })
  fromStatus: WalkerStatus;

  @Column({ name: 'to_status', type: 'enum', enum: WALKER_STATUSES })
  toStatus: WalkerStatus;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** Null when the system did it (a cut-off job, a late scan). */
  @Column({ name: 'actor_id', type: 'int', unsigned: true, nullable: true })
  actorId: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
