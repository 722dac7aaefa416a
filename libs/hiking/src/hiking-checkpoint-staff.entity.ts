import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HikingCheckpoint } from './hiking-checkpoint.entity';

/** A checkpoint staff member assigned to a checkpoint: they may scan there and nowhere else. */
@Entity('hiking_checkpoint_staff')
@Index('uq_hiking_checkpoint_staff', ['checkpointId', 'userId'], { unique: true })
@Index('idx_hiking_checkpoint_staff_user', ['userId'])
export class HikingCheckpointStaff {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'checkpoint_id', type: 'int', unsigned: true })
  checkpointId: number;

  @ManyToOne(() => HikingCheckpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'checkpoint_id' })
  checkpoint?: HikingCheckpoint;

  /** users.id, kept as an id only: identity owns that table. */
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;
}
