import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A start wave of a hiking event: its walkers' gun time and the base of their personal cut-offs. */
@Entity('hiking_waves')
@Index('idx_hiking_waves_event', ['eventId'])
export class HikingWave {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;
}
