import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicationStage, RecruiterRating } from './domain';
import { FairCv } from './fair-cv.entity';
import { FairPosition } from './fair-position.entity';

export type ApplicationSource = 'applied' | 'booth_scan';

// Records rather than lists, so a value added to the domain does not compile until it is here.
const STAGES: Record<ApplicationStage, true> = {
  applied: true,
  screened: true,
  interviewing: true,
  offered: true,
  hired: true,
  rejected: true,
  withdrawn: true,
};
export const APPLICATION_STAGES = Object.keys(STAGES) as ApplicationStage[];
const SOURCES: Record<ApplicationSource, true> = { applied: true, booth_scan: true };
export const APPLICATION_SOURCES = Object.keys(SOURCES) as ApplicationSource[];

/** A seeker's application to a position, by their own hand or by a booth scan. */
@Entity('fair_applications')
@Index('uq_fair_applications_position_seeker', ['positionId', 'seekerUserId'], { unique: true })
// The employer's pipeline lists a position's applications by stage.
@Index('idx_fair_applications_position_stage', ['positionId', 'stage'])
@Index('idx_fair_applications_seeker', ['seekerUserId'])
export class FairApplication {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'position_id', type: 'int', unsigned: true })
  positionId: number;

  @ManyToOne(() => FairPosition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'position_id' })
  position?: FairPosition;

  /** users.id; identity owns that table. */
  @Column({ name: 'seeker_user_id', type: 'int', unsigned: true })
  seekerUserId: number;

  @Column({ name: 'cv_id', type: 'int', unsigned: true, nullable: true })
  cvId: number | null;

  // A deleted CV leaves the application without one.
  @ManyToOne(() => FairCv, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'cv_id' })
  cv?: FairCv | null;

  @Column({ type: 'enum', enum: APPLICATION_STAGES, default: 'applied' })
  stage: ApplicationStage;

  /** 达成意向, set by the employer. */
  @Column({ name: 'intention_reached', type: 'boolean', default: false })
  intentionReached: boolean;

  /** The recruiter's rating, seen only by that employer. */
  @Column({ type: 'tinyint', unsigned: true, nullable: true })
  rating: RecruiterRating | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'enum', enum: APPLICATION_SOURCES })
  source: ApplicationSource;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
