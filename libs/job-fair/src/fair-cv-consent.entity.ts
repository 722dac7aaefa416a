import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FairCv } from './fair-cv.entity';
import { FairEmployer } from './fair-employer.entity';

/** A seeker's consent to share one CV with one employer (PIPL art. 23); revoked, it no longer counts. */
@Entity('fair_cv_consents')
@Index('uq_fair_cv_consents_triple', ['userId', 'employerId', 'cvId'], { unique: true })
// An employer's check: may it read this CV.
@Index('idx_fair_cv_consents_employer_cv', ['employerId', 'cvId'])
export class FairCvConsent {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** users.id; identity owns that table. */
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @Column({ name: 'employer_id', type: 'int', unsigned: true })
  employerId: number;

  @ManyToOne(() => FairEmployer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: FairEmployer;

  @Column({ name: 'cv_id', type: 'int', unsigned: true })
  cvId: number;

  @ManyToOne(() => FairCv, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cv_id' })
  cv?: FairCv;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3 })
  grantedAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
