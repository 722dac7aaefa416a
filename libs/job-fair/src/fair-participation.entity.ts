import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FairEmployer } from './fair-employer.entity';

export type ParticipationStatus = 'pending' | 'approved' | 'refused';

// A record rather than a list, so a status added to the type does not compile until it is here.
const STATUSES: Record<ParticipationStatus, true> = { pending: true, approved: true, refused: true };
export const PARTICIPATION_STATUSES = Object.keys(STATUSES) as ParticipationStatus[];

/** An employer's application to take part in a fair, the organizer's decision and its booth. */
@Entity('fair_participations')
@Index('uq_fair_participations_event_employer', ['eventId', 'employerId'], { unique: true })
// The organizer's review lists a fair's participations by status.
@Index('idx_fair_participations_event_status', ['eventId', 'status'])
@Index('idx_fair_participations_employer', ['employerId'])
// One employer per booth at a fair; booths not yet assigned (null) do not collide.
@Index('uq_fair_participations_booth', ['eventId', 'boothHall', 'boothNumber'], { unique: true })
export class FairParticipation {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ name: 'employer_id', type: 'int', unsigned: true })
  employerId: number;

  @ManyToOne(() => FairEmployer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: FairEmployer;

  @Column({ type: 'enum', enum: PARTICIPATION_STATUSES, default: 'pending' })
  status: ParticipationStatus;

  @Column({ name: 'refusal_reason', type: 'varchar', length: 500, nullable: true })
  refusalReason: string | null;

  @Column({ name: 'booth_hall', type: 'varchar', length: 50, nullable: true })
  boothHall: string | null;

  @Column({ name: 'booth_number', type: 'varchar', length: 20, nullable: true })
  boothNumber: string | null;

  /** users.id of the organizer who decided; identity owns that table. */
  @Column({ name: 'decided_by', type: 'int', unsigned: true, nullable: true })
  decidedBy: number | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;
}
