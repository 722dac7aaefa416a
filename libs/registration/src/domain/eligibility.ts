import { ageOn } from './age';
import { compareIsoDates, formatChineseDate, type IsoDate } from './dates';
import { GENDER_LABELS, type Gender } from './gender';
import { isInOrgSubtree } from './org-path';

/** How an entry occupies the person: alone, as a relay leg, or in a team (拔河, 篮球 …). */
export type EntryKind = 'individual' | 'relay' | 'team';

export interface Candidate {
  readonly gender: Gender;
  readonly birthDate: IsoDate;
  readonly unionMember: boolean;
  /** Materialised path of the person's organisation; null if unattached. */
  readonly orgPath: string | null;
}

export interface PersonLimits {
  /** At most this many individual items per person (e.g. 2). */
  readonly maxIndividualEntries?: number | null;
  readonly maxRelayEntries?: number | null;
  readonly maxTeamEntries?: number | null;
  /**
   * Some meets cap "items per athlete" including relays ("每人限报2项，含接力");
   * others allow 2 individual items *plus* relays. When true, relay legs count
   * against `maxIndividualEntries` as well as against `maxRelayEntries`.
   */
  readonly relayCountsTowardIndividual?: boolean;
}

export interface DelegationLimits {
  /** Distinct athletes a delegation (代表队) may register for the whole event. */
  readonly maxAthletes?: number | null;
  /** Individual entries a delegation may have in this item. */
  readonly maxEntriesPerItem?: number | null;
  /** Relay teams / teams a delegation may field in this item. */
  readonly maxTeamsPerItem?: number | null;
}

/** One item's rules, with event-wide defaults already merged in by the caller. */
export interface ItemRules {
  readonly kind: EntryKind;
  readonly gender?: Gender | null;
  readonly minAge?: number | null;
  readonly maxAge?: number | null;
  readonly unionMemberRequired?: boolean;
  /** Only people in this organisation or below it; `name` is shown in the message. */
  readonly orgSubtree?: { readonly path: string; readonly name: string } | null;
  readonly personLimits?: PersonLimits | null;
  readonly delegationLimits?: DelegationLimits | null;
}

/**
 * Counts taken by the caller inside the same transaction that will insert the
 * entry, so the decision and the write see the same numbers. "Active" entries
 * are those that still hold a place: pending, approved and waitlisted.
 */
export interface CountsSnapshot {
  readonly person: {
    readonly activeEntries: { readonly individual: number; readonly relay: number; readonly team: number };
    readonly alreadyEnteredThisItem: boolean;
  };
  readonly delegation?: {
    readonly athletes: number;
    /** The candidate already counts among `athletes`, so adding them takes no new place. */
    readonly candidateAlreadyCounted: boolean;
    readonly entriesInItem: number;
    readonly teamsInItem: number;
    /** A relay leg / team member joining a team that already exists does not use a team place. */
    readonly joinsExistingTeam?: boolean;
  } | null;
}

export interface EligibilityInput {
  readonly candidate: Candidate;
  readonly rules: ItemRules;
  readonly referenceDate: IsoDate;
  readonly counts: CountsSnapshot;
}

export type EligibilityRule =
  | 'gender'
  | 'age'
  | 'unionMembership'
  | 'organisation'
  | 'duplicateEntry'
  | 'personLimit'
  | 'delegationLimit';

export type EligibilityCode =
  | 'GENDER_NOT_ALLOWED'
  | 'AGE_BELOW_MINIMUM'
  | 'AGE_ABOVE_MAXIMUM'
  | 'UNION_MEMBERSHIP_REQUIRED'
  | 'ORGANISATION_NOT_ALLOWED'
  | 'ALREADY_ENTERED'
  | 'PERSON_INDIVIDUAL_LIMIT_REACHED'
  | 'PERSON_RELAY_LIMIT_REACHED'
  | 'PERSON_TEAM_LIMIT_REACHED'
  | 'DELEGATION_ATHLETE_LIMIT_REACHED'
  | 'DELEGATION_ITEM_ENTRY_LIMIT_REACHED'
  | 'DELEGATION_ITEM_TEAM_LIMIT_REACHED';

export interface EligibilityFailure {
  readonly code: EligibilityCode;
  readonly rule: EligibilityRule;
  readonly message: string;
}

export type EligibilityResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly failures: readonly EligibilityFailure[] };

const GENDER_WORD: Readonly<Record<Gender, string>> = { male: '男性', female: '女性' };
const KIND_WORD: Readonly<Record<EntryKind, string>> = { individual: '个人', relay: '接力', team: '集体' };

const isSet = (n: number | null | undefined): n is number => n != null;

/**
 * Every rule is evaluated, not just the first that fails, so a form can show
 * the person all the reasons at once instead of one per attempt.
 */
export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const failures: EligibilityFailure[] = [
    ...checkGender(input),
    ...checkAge(input),
    ...checkUnion(input),
    ...checkOrganisation(input),
    ...checkPerson(input),
    ...checkDelegation(input),
  ];
  return failures.length === 0 ? { ok: true } : { ok: false, failures };
}

function checkGender({ candidate, rules }: EligibilityInput): EligibilityFailure[] {
  if (rules.gender == null || rules.gender === candidate.gender) return [];
  return [{
    code: 'GENDER_NOT_ALLOWED',
    rule: 'gender',
    message: `该项目仅限${GENDER_WORD[rules.gender]}报名（您的性别为${GENDER_LABELS[candidate.gender]}）`,
  }];
}

function ageRequirement(min: number | null | undefined, max: number | null | undefined): string {
  if (isSet(min) && isSet(max)) return `年龄须在${min}至${max}周岁之间`;
  if (isSet(min)) return `年龄须年满${min}周岁`;
  return `年龄不得超过${max}周岁`;
}

function checkAge({ candidate, rules, referenceDate }: EligibilityInput): EligibilityFailure[] {
  const { minAge, maxAge } = rules;
  if (!isSet(minAge) && !isSet(maxAge)) return [];
  const requirement = ageRequirement(minAge, maxAge);
  const on = `以${formatChineseDate(referenceDate)}计算`;
  // Born after the reference date: not yet born when age is measured, so below any minimum.
  if (compareIsoDates(candidate.birthDate, referenceDate) > 0) {
    return [{ code: 'AGE_BELOW_MINIMUM', rule: 'age', message: `${requirement}（${on}，您尚未出生）` }];
  }
  const age = ageOn(candidate.birthDate, referenceDate);
  const detail = `（${on}，您为${age}周岁）`;
  if (isSet(minAge) && age < minAge) {
    return [{ code: 'AGE_BELOW_MINIMUM', rule: 'age', message: requirement + detail }];
  }
  if (isSet(maxAge) && age > maxAge) {
    return [{ code: 'AGE_ABOVE_MAXIMUM', rule: 'age', message: requirement + detail }];
  }
  return [];
}

function checkUnion({ candidate, rules }: EligibilityInput): EligibilityFailure[] {
  if (!rules.unionMemberRequired || candidate.unionMember) return [];
  return [{ code: 'UNION_MEMBERSHIP_REQUIRED', rule: 'unionMembership', message: '该项目仅限工会会员报名' }];
}

function checkOrganisation({ candidate, rules }: EligibilityInput): EligibilityFailure[] {
  const scope = rules.orgSubtree;
  if (!scope) return [];
  if (candidate.orgPath != null && isInOrgSubtree(candidate.orgPath, scope.path)) return [];
  return [{
    code: 'ORGANISATION_NOT_ALLOWED',
    rule: 'organisation',
    message: `该项目仅限${scope.name}及其下属单位人员报名`,
  }];
}

function checkPerson({ rules, counts }: EligibilityInput): EligibilityFailure[] {
  const out: EligibilityFailure[] = [];
  if (counts.person.alreadyEnteredThisItem) {
    out.push({ code: 'ALREADY_ENTERED', rule: 'duplicateEntry', message: '您已报名该项目，不能重复报名' });
  }
  const limits = rules.personLimits;
  if (!limits) return out;
  const { individual, relay, team } = counts.person.activeEntries;
  const combined = limits.relayCountsTowardIndividual === true;

  const individualApplies = rules.kind === 'individual' || (rules.kind === 'relay' && combined);
  if (individualApplies && isSet(limits.maxIndividualEntries)) {
    const used = combined ? individual + relay : individual;
    if (used >= limits.maxIndividualEntries) {
      out.push({
        code: 'PERSON_INDIVIDUAL_LIMIT_REACHED',
        rule: 'personLimit',
        message: combined
          ? `每人最多报名${limits.maxIndividualEntries}个个人项目（含接力项目，您已报名${used}个）`
          : `每人最多报名${limits.maxIndividualEntries}个个人项目（您已报名${used}个）`,
      });
    }
  }
  if (rules.kind === 'relay' && isSet(limits.maxRelayEntries) && relay >= limits.maxRelayEntries) {
    out.push({
      code: 'PERSON_RELAY_LIMIT_REACHED',
      rule: 'personLimit',
      message: `每人最多报名${limits.maxRelayEntries}个${KIND_WORD.relay}项目（您已报名${relay}个）`,
    });
  }
  if (rules.kind === 'team' && isSet(limits.maxTeamEntries) && team >= limits.maxTeamEntries) {
    out.push({
      code: 'PERSON_TEAM_LIMIT_REACHED',
      rule: 'personLimit',
      message: `每人最多报名${limits.maxTeamEntries}个${KIND_WORD.team}项目（您已报名${team}个）`,
    });
  }
  return out;
}

function checkDelegation({ rules, counts }: EligibilityInput): EligibilityFailure[] {
  const limits = rules.delegationLimits;
  const d = counts.delegation;
  if (!limits || !d) return [];
  const out: EligibilityFailure[] = [];
  if (isSet(limits.maxAthletes) && !d.candidateAlreadyCounted && d.athletes >= limits.maxAthletes) {
    out.push({
      code: 'DELEGATION_ATHLETE_LIMIT_REACHED',
      rule: 'delegationLimit',
      message: `每个代表队最多报名${limits.maxAthletes}名运动员（本队已报名${d.athletes}名）`,
    });
  }
  if (rules.kind === 'individual' && isSet(limits.maxEntriesPerItem) && d.entriesInItem >= limits.maxEntriesPerItem) {
    out.push({
      code: 'DELEGATION_ITEM_ENTRY_LIMIT_REACHED',
      rule: 'delegationLimit',
      message: `每个代表队在该项目最多报名${limits.maxEntriesPerItem}人（本队已报名${d.entriesInItem}人）`,
    });
  }
  if (rules.kind !== 'individual' && isSet(limits.maxTeamsPerItem) && !d.joinsExistingTeam && d.teamsInItem >= limits.maxTeamsPerItem) {
    const unit = rules.kind === 'relay' ? '支接力队' : '支队伍';
    out.push({
      code: 'DELEGATION_ITEM_TEAM_LIMIT_REACHED',
      rule: 'delegationLimit',
      message: `每个代表队在该项目最多报名${limits.maxTeamsPerItem}${unit}（本队已报名${d.teamsInItem}${unit.slice(0, 1)}）`,
    });
  }
  return out;
}
