import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker registered for a fair, alone or through their union. */
@Entity('fair_seekers')
@Index('uq_fair_seekers_event_user', ['eventId', 'userId'], { unique: true })
@Index('idx_fair_seekers_user', ['userId'])
@Index('idx_fair_seekers_organisation', ['organisationId'])
export class FairSeeker {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, users.id and organisations.id are ids only: other contexts own those tables. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  /** The union that registered the seeker; null for one who registered alone. */
  @Column({ name: 'organisation_id', type: 'int', unsigned: true, nullable: true })
  organisationId: number | null;

  /** The retraining certificate number the seeker gave, where the fair admits retrained workers. */
  @Column({ name: 'retraining_certificate', type: 'varchar', length: 32, nullable: true })
  retrainingCertificate: string | null;

  @CreateDateColumn({ name: 'registered_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  registeredAt: Date;
}
