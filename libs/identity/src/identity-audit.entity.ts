import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type Role, ROLES } from './roles';

export const AUDIT_ACTIONS = ['role_granted', 'role_removed', 'user_disabled', 'user_enabled', 'membership_confirmed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who changed whose access, when, and what: kept for good, so no foreign keys that a deletion
 * could cascade through. `actorId` null means the platform itself (seed, roster import).
 */
@Entity('identity_audit')
@Index('idx_identity_audit_user', ['userId', 'id'])
export class IdentityAudit {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'actor_id', type: 'int', unsigned: true, nullable: true })
  actorId: number | null;

  @Column({ type: 'enum', enum: AUDIT_ACTIONS })
  action: AuditAction;

  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId: number;

  @Column({ name: 'organisation_id', type: 'int', unsigned: true, nullable: true })
  organisationId: number | null;

  @Column({ type: 'enum', enum: ROLES, nullable: true })
  role: Role | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
