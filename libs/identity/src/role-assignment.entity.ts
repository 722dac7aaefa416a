import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';
import type { Role } from './roles';
import { ROLES } from './roles';

/** A role a user holds at one organisation (and so over its subtree). */
@Entity('role_assignments')
@Index('uq_role_assignments', ['userId', 'organisationId', 'role'], { unique: true })
export class RoleAssignment {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('idx_role_assignments_org')
  @Column({ name: 'organisation_id', type: 'int', unsigned: true })
  organisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'enum', enum: ROLES })
  role: Role;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
