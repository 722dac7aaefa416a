import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FairEmployer } from './fair-employer.entity';

/** A user who acts for an employer: the employer role, scoped to that employer. */
@Entity('fair_employer_staff')
@Index('uq_fair_employer_staff_pair', ['employerId', 'userId'], { unique: true })
@Index('idx_fair_employer_staff_user', ['userId'])
export class FairEmployerStaff {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'employer_id', type: 'int', unsigned: true })
  employerId: number;

  @ManyToOne(() => FairEmployer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: FairEmployer;

  /** users.id; identity owns that table. */
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;
}
