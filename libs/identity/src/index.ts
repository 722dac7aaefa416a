export * from './roles';
export * from './identity-error';
export * from './access.service';
export * from './auth.service';
export * from './organisations.service';
export * from './users.service';
export * from './identity.module';
export { passwordProblem, PASSWORD_MIN_LENGTH } from './domain/password-policy';
export { PASSWORD_HASH_OPTIONS } from './passwords';
export { Organisation } from './organisation.entity';
export { User } from './user.entity';
export { RoleAssignment } from './role-assignment.entity';
export { IdentityAudit, AUDIT_ACTIONS, type AuditAction } from './identity-audit.entity';

import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';
import { IdentityAudit } from './identity-audit.entity';
export const IDENTITY_ENTITIES = [Organisation, User, RoleAssignment, IdentityAudit];
