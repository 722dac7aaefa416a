export * from './roles';
export * from './identity-error';
export * from './access.service';
export * from './auth.service';
export * from './organisations.service';
export * from './users.service';
export * from './identity.module';
export { Organisation } from './organisation.entity';
export { User } from './user.entity';
export { RoleAssignment } from './role-assignment.entity';

import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { User } from './user.entity';
export const IDENTITY_ENTITIES = [Organisation, User, RoleAssignment];
