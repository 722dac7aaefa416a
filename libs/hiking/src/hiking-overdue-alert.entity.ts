import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A walker the sweep found overdue at a checkpoint and told the organizers of: once per walker and checkpoint. */
@Entity('hiking_overdue_alerts')
export class HikingOverdueAlert {
  /** hiking_walkers.id */
  @PrimaryColumn({ name: 'walker_id', type: 'int', unsigned: true })
  walkerId: number;

  /** hiking_checkpoints.id: the checkpoint they were overdue at. */
  @PrimaryColumn({ name: 'checkpoint_id', type: 'int', unsigned: true })
  checkpointId: number;

  @CreateDateColumn({ name: 'alerted_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  alertedAt: Date;
}
