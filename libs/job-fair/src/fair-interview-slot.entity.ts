import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FairEmployer } from './fair-employer.entity';

/** An interview time an employer publishes at a fair; a seeker books it. */
@Entity('fair_interview_slots')
// One slot per employer and starting time.
@Index('uq_fair_interview_slots_employer_start', ['eventId', 'employerId', 'startsAt'], { unique: true })
// A seeker's bookings at a fair, to refuse a second one at the same time.
@Index('idx_fair_interview_slots_booker', ['eventId', 'bookedBy'])
export class FairInterviewSlot {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ name: 'employer_id', type: 'int', unsigned: true })
  employerId: number;

  @ManyToOne(() => FairEmployer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: FairEmployer;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  /** users.id of the seeker who booked it; identity owns that table. Null: free. */
  @Column({ name: 'booked_by', type: 'int', unsigned: true, nullable: true })
  bookedBy: number | null;

  @Column({ name: 'booked_at', type: 'datetime', precision: 3, nullable: true })
  bookedAt: Date | null;
}
