import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A team formed on the course from members of broken teams (below the minimum because members
 * withdrew), approved by the event's staff. Its walkers keep their entries, scans and statuses: only
 * the team they walk with changes (hiking_walkers.regroup_id).
 */
@Entity('hiking_regroups')
@Index('idx_hiking_regroups_route', ['routeId'])
export class HikingRegroup {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'route_id', type: 'int', unsigned: true })
  routeId: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The staff member or organizer who approved it (users.id, an id only: identity owns that table). */
  @Column({ name: 'approved_by', type: 'int', unsigned: true })
  approvedBy: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
