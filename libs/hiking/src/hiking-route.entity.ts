import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A route of a hiking event (e.g. 20 km, 50 km); its checkpoints are in hiking_checkpoints. */
@Entity('hiking_routes')
@Index('idx_hiking_routes_event', ['eventId'])
export class HikingRoute {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'distance_m', type: 'int', unsigned: true })
  distanceM: number;

  /** The gun the checkpoints' times are set on (the first wave's); a later wave shifts them by its own start. */
  @Column({ name: 'reference_start_at', type: 'datetime', precision: 3 })
  referenceStartAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
