import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SeekerEligibility } from './domain';

/** A fair's own settings; a fair without a row has the defaults (seekers: members of the organising subtree). */
@Entity('fair_settings')
export class FairSetting {
  /** events.id: the events context owns the event; this row is the job fair's about it. */
  @PrimaryColumn({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ name: 'seeker_eligibility', type: 'varchar', length: 16, default: 'members' })
  seekerEligibility: SeekerEligibility;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)', onUpdate: 'CURRENT_TIMESTAMP(3)' })
  updatedAt: Date;
}
