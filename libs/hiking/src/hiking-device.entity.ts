import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A staff device scanning at an event, with the clock skew of its last upload. */
@Entity('hiking_devices')
@Index('uq_hiking_devices_event', ['eventId', 'deviceId'], { unique: true })
export class HikingDevice {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** The id the device sends with its uploads. */
  @Column({ name: 'device_id', type: 'varchar', length: 64 })
  deviceId: string;

  /** events.id, kept as an id only: the events context owns that table. */
  @Column({ name: 'event_id', type: 'int', unsigned: true })
  eventId: number;

  /** Device now − server now at its last upload; positive when the device runs fast. */
  @Column({ name: 'last_skew_ms', type: 'int', nullable: true })
  lastSkewMs: number | null;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3, nullable: true })
  lastSeenAt: Date | null;
}
