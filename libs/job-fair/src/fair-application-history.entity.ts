import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStage } from './domain';
import { APPLICATION_STAGES, FairApplication } from './fair-application.entity';

/** Every change of an application's stage: who, when, note. */
@Entity('fair_application_history')
@Index('idx_fair_application_history_application', ['applicationId', 'at'])
export class FairApplicationHistory {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'application_id', type: 'int', unsigned: true })
  applicationId: number;

  @ManyToOne(() => FairApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: FairApplication;

  /** Null for the application's creation. */
  @Column({ name: 'from_stage', type: 'enum', enum: APPLICATION_STAGES, nullable: true })
  fromStage: ApplicationStage | null;

  @Column({ name: 'to_stage', type: 'enum', enum: APPLICATION_STAGES })
  toStage: ApplicationStage;

  /** users.id of whoever made the change; identity owns that table. */
  @Column({ type: 'int', unsigned: true })
  by: number;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
