export interface TeamMember {
  readonly personId: string;
  readonly name: string;
}

export interface TeamInput {
  readonly members: readonly TeamMember[];
  /** A single id, so "exactly one captain" holds by construction; it must still be a member. */
  readonly captainPersonId: string | null;
  readonly minMembers: number;
  readonly maxMembers: number;
}

export type TeamErrorCode =
  | 'TEAM_MEMBER_DUPLICATE'
  | 'TEAM_TOO_FEW_MEMBERS'
  | 'TEAM_TOO_MANY_MEMBERS'
  | 'TEAM_CAPTAIN_MISSING'
  | 'TEAM_CAPTAIN_NOT_MEMBER';

export interface TeamError {
  readonly code: TeamErrorCode;
  readonly message: string;
}

/**
 * Sizes are counted on distinct people, so a duplicated member cannot make a
 * short team look complete. Returns every problem at once; empty means valid.
 */
export function validateTeam(input: TeamInput): TeamError[] {
  const errors: TeamError[] = [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const m of input.members) {
    if (seen.has(m.personId) && !reported.has(m.personId)) {
      errors.push({ code: 'TEAM_MEMBER_DUPLICATE', message: `队员“${m.name}”重复添加` });
      reported.add(m.personId);
    }
    seen.add(m.personId);
  }
  const size = seen.size;
  if (size < input.minMembers) {
    errors.push({ code: 'TEAM_TOO_FEW_MEMBERS', message: `队员人数不得少于${input.minMembers}人（当前${size}人）` });
  }
  if (size > input.maxMembers) {
    errors.push({ code: 'TEAM_TOO_MANY_MEMBERS', message: `队员人数不得多于${input.maxMembers}人（当前${size}人）` });
  }
  if (input.captainPersonId == null || input.captainPersonId === '') {
    errors.push({ code: 'TEAM_CAPTAIN_MISSING', message: '须指定一名队长' });
  } else if (!seen.has(input.captainPersonId)) {
    errors.push({ code: 'TEAM_CAPTAIN_NOT_MEMBER', message: '队长须为本队队员' });
  }
  return errors;
}
