import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HikingRoute } from './hiking-route.entity';

/** The driver reads DECIMAL as a string; a degree is a number everywhere else. */
const degrees = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A point on a route, in order (seq 0 is the start); its times are on the route's reference start. */
@Entity('hiking_checkpoints')
@Index('uq_hiking_checkpoints_seq', ['routeId', 'seq'], { unique: true })
export class HikingCheckpoint {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'route_id', type: 'int', unsigned: true })
  routeId: number;

  @ManyToOne(() => HikingRoute, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'route_id' })
  route?: HikingRoute;

  @Column({ type: 'smallint', unsigned: true })
  seq: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Distance from the start along the route. */
  @Column({ name: 'distance_m', type: 'int', unsigned: true })
  distanceM: number;

  /** Where it is, as organizers describe it (address, landmark, coordinates). */
  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** WGS-84 decimal degrees, both or neither: with every checkpoint placed, the board draws a map. */
  @Column({ type: 'decimal', precision: 8, scale: 6, nullable: true, transformer: degrees })
  latitude: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: degrees })
  longitude: number | null;

  @Column({ name: 'opens_at', type: 'datetime', precision: 3, nullable: true })
  opensAt: Date | null;

  /** Null when the checkpoint has no such cut-off. */
  @Column({ name: 'arrival_cutoff_at', type: 'datetime', precision: 3, nullable: true })
  arrivalCutoffAt: Date | null;

  @Column({ name: 'departure_cutoff_at', type: 'datetime', precision: 3, nullable: true })
  departureCutoffAt: Date | null;
}
