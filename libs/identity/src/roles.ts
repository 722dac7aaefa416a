export const ROLES = ['admin', 'organizer', 'judge', 'delegation_leader', 'contestant', 'employer', 'checkpoint_staff'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['city', 'district', 'enterprise'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** A role held at one organisation; `path` is that organisation's materialised path, e.g. `/1/4/`. */
export interface RoleClaim {
  role: Role;
  orgId: number;
  path: string;
}

/** Who is calling: carried in the access token. */
export interface Principal {
  userId: number;
  username: string;
  roles: RoleClaim[];
}

/**
 * The scope rule: a role held at an organisation acts on that organisation and
 * everything below it, never on a sibling or a parent. An admin may do what an
 * organizer may.
 */
export function coversPath(claims: RoleClaim[], allowed: readonly Role[], targetPath: string): boolean {
  const roles = new Set<Role>(allowed);
  if (roles.has('organizer')) roles.add('admin');
  return claims.some((c) => roles.has(c.role) && targetPath.startsWith(c.path));
}

/** Which child kinds an organisation kind may have: city federation → district federation → enterprise union. */
export const CHILD_KIND: Record<OrgKind, OrgKind | null> = { city: 'district', district: 'enterprise', enterprise: null };

/** Roles a granter may hand out: nobody grants more than they hold; leaders only enrol their own people. */
export function grantableRoles(granterRoles: Role[]): Role[] {
  if (granterRoles.includes('admin')) return [...ROLES];
  if (granterRoles.includes('organizer')) return ['organizer', 'judge', 'delegation_leader', 'contestant', 'employer', 'checkpoint_staff'];
  if (granterRoles.includes('delegation_leader')) return ['contestant'];
  return [];
}

const ROOT_PATH = /^\/\d+\/$/;

/**
 * Whether a person holding `held` belongs to the subtree of the granter's `granting` claims: every
 * role they hold lies at or under one of them. A person who holds no role belongs to no district,
 * so only an admin of the root reaches them.
 */
export function isInSubtree(held: RoleClaim[], granting: RoleClaim[]): boolean {
  if (held.length === 0) return granting.some((g) => g.role === 'admin' && ROOT_PATH.test(g.path));
  return held.every((h) => granting.some((g) => h.path.startsWith(g.path)));
}
