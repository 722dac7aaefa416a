import { requireIsoDate, type IsoDate } from './dates';
import { RegistrationDomainError } from './result';

/**
 * Completed years (周岁) on `referenceDate`. The birthday itself counts: a
 * person born 2008-09-01 is 18 on 2026-09-01, which is how competition rules
 * ("年满18周岁") are read. Someone born on 29 February turns a year older on
 * 1 March in common years, because their birthday has not yet occurred on
 * 28 February.
 */
export function ageOn(birthDate: IsoDate, referenceDate: IsoDate): number {
  const birth = requireIsoDate(birthDate, 'birth date');
  const ref = requireIsoDate(referenceDate, 'reference date');
  let age = ref.year - birth.year;
  if (ref.month < birth.month || (ref.month === birth.month && ref.day < birth.day)) age -= 1;
  if (age < 0) {
    throw new RegistrationDomainError(
      'AGE_REFERENCE_BEFORE_BIRTH',
      `年龄计算基准日（${referenceDate}）早于出生日期（${birthDate}）`,
    );
  }
  return age;
}

/** Inclusive bounds; an absent bound is open (老年组 51+ has no maxAge). */
export interface AgeGroup {
  readonly code: string;
  readonly name: string;
  readonly minAge?: number | null;
  readonly maxAge?: number | null;
}

export interface AgeGroupAssignment {
  readonly group: AgeGroup;
  readonly age: number;
  readonly source: 'age' | 'override';
}

export function ageGroupMatches(group: AgeGroup, age: number): boolean {
  return (group.minAge == null || age >= group.minAge) && (group.maxAge == null || age <= group.maxAge);
}

/**
 * The group the person competes in, or null when their age falls in no group.
 * An organiser's manual override (a group code) wins over the computed group —
 * e.g. a 50-year-old allowed to play in 老年组 to fill a team — but it must
 * name a group of this event; an unknown code is a programming or data error.
 */
export function resolveAgeGroup(
  groups: readonly AgeGroup[],
  birthDate: IsoDate,
  referenceDate: IsoDate,
  overrideCode?: string | null,
): AgeGroupAssignment | null {
  const age = ageOn(birthDate, referenceDate);
  if (overrideCode != null && overrideCode !== '') {
    const forced = groups.find((g) => g.code === overrideCode);
    if (!forced) {
      throw new RegistrationDomainError('AGE_GROUP_OVERRIDE_UNKNOWN', `指定的年龄组“${overrideCode}”不存在`);
    }
    return { group: forced, age, source: 'override' };
  }
  const group = groups.find((g) => ageGroupMatches(g, age));
  return group ? { group, age, source: 'age' } : null;
}

export type AgeGroupDefinitionErrorCode =
  | 'AGE_GROUP_CODE_DUPLICATE'
  | 'AGE_GROUP_BOUND_INVALID'
  | 'AGE_GROUP_RANGE_EMPTY'
  | 'AGE_GROUP_OVERLAP';

export interface AgeGroupDefinitionError {
  readonly code: AgeGroupDefinitionErrorCode;
  readonly groupCode: string;
  readonly message: string;
}

/**
 * Checks an organiser's group table before it is saved. Overlapping groups
 * would make the computed group depend on list order, so they are refused.
 * Gaps are allowed: an event may deliberately have no group for some ages.
 */
export function validateAgeGroups(groups: readonly AgeGroup[]): AgeGroupDefinitionError[] {
  const errors: AgeGroupDefinitionError[] = [];
  const seen = new Set<string>();
  const usable: AgeGroup[] = [];
  for (const g of groups) {
    if (seen.has(g.code)) {
      errors.push({ code: 'AGE_GROUP_CODE_DUPLICATE', groupCode: g.code, message: `年龄组代码“${g.code}”重复` });
      continue;
    }
    seen.add(g.code);
    const bad = [g.minAge, g.maxAge].some((b) => b != null && (!Number.isInteger(b) || b < 0 || b > 150));
    if (bad) {
      errors.push({ code: 'AGE_GROUP_BOUND_INVALID', groupCode: g.code, message: `年龄组“${g.name}”的年龄上下限须为0至150之间的整数` });
      continue;
    }
    if (g.minAge != null && g.maxAge != null && g.minAge > g.maxAge) {
      errors.push({ code: 'AGE_GROUP_RANGE_EMPTY', groupCode: g.code, message: `年龄组“${g.name}”的最小年龄大于最大年龄` });
      continue;
    }
    usable.push(g);
  }
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const a = usable[i];
      const b = usable[j];
      const lo = Math.max(a.minAge ?? 0, b.minAge ?? 0);
      const hi = Math.min(a.maxAge ?? Infinity, b.maxAge ?? Infinity);
      if (lo <= hi) {
        errors.push({ code: 'AGE_GROUP_OVERLAP', groupCode: b.code, message: `年龄组“${a.name}”与“${b.name}”的年龄范围重叠` });
      }
    }
  }
  return errors;
}
