import { awardPlaces } from './award-places';
import { AwardsDomainError } from './awards-error';
import { allocateByBands, type BandAwardRule } from './band-allocation';
import { allocateByCompletion, type CompletionAwardRule } from './completion-awards';
import { formatYuan, parseYuan } from './money';
import { allocateByRank, type RankAwardRule } from './rank-awards';
import { allocateByThreshold, type ThresholdAwardRule } from './threshold-awards';
import type { AwardDefinition, AwardGrant, RankedEntry } from './types';

export type AwardRule = RankAwardRule | BandAwardRule | ThresholdAwardRule | CompletionAwardRule;

function checkField(field: readonly RankedEntry[]): void {
  const seen = new Set<string>();
  for (const e of field) {
    if (seen.has(e.entryId)) throw new AwardsDomainError('DUPLICATE_ENTRY', `参赛单元重复：${e.entryId}`);
    seen.add(e.entryId);
    if (e.place !== null && (!Number.isInteger(e.place) || e.place < 1)) {
      throw new AwardsDomainError('INVALID_PLACE', `名次必须是正整数：${e.entryId} 的名次为 ${String(e.place)}`);
    }
  }
}

function grant(entryId: string, award: AwardDefinition): AwardGrant {
  if (!Number.isInteger(award.level) || award.level < 1) {
    throw new AwardsDomainError('INVALID_AWARD_LEVEL', `奖项等级必须是正整数：${award.code}`);
  }
  const money = award.prizeMoneyPerPerson === undefined ? undefined : parseYuan(award.prizeMoneyPerPerson, 'INVALID_PRIZE_MONEY', `${award.name}奖金`);
  return {
    entryId,
    awardCode: award.code,
    awardName: award.name,
    level: award.level,
    ...(award.title !== undefined ? { title: award.title } : {}),
    ...(money !== undefined ? { prizeMoney: formatYuan(money) } : {}),
  };
}

function allocateOne(field: readonly RankedEntry[], rule: AwardRule): Map<string, AwardDefinition> {
  switch (rule.type) {
    case 'rank':
      return allocateByRank(field, rule);
    case 'band':
      return allocateByBands(field, rule).awards;
    case 'threshold':
      return allocateByThreshold(field, rule);
    case 'completion':
      return allocateByCompletion(field, rule);
    default:
      throw new AwardsDomainError('UNKNOWN_AWARD_RULE', `未知的评奖规则：${String((rule as { type?: unknown }).type)}`);
  }
}

/**
 * Applies each rule to the ranked field; each rule grants an entry at most
 * one award, several rules may each grant one (e.g. 一等奖 by rank plus
 * 优秀奖章 by threshold). Only official (non-guest) status OK rows with a
 * total are awarded, and places are those the results board counts
 * (awardPlaces): give the whole field as the result sheet ranks it, guests
 * included and flagged.
 *
 * Deterministic and idempotent: the output depends only on the input's
 * content, not its order, and is sorted by level (1 first), award code,
 * award place, entryId. An identical grant produced twice (two rules naming the
 * same award) is kept once.
 */
export function allocateAwards(field: readonly RankedEntry[], rules: readonly AwardRule[]): AwardGrant[] {
  checkField(field);
  const placeOf = awardPlaces(field);
  const seen = new Set<string>();
  const grants: AwardGrant[] = [];
  for (const rule of rules) {
    for (const [entryId, award] of allocateOne(field, rule)) {
      const key = `${entryId}\u0000${award.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      grants.push(rule.type === 'completion' ? { ...grant(entryId, award), finishersOnly: true } : grant(entryId, award));
    }
  }
  const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const place = (id: string) => placeOf.get(id) ?? Number.MAX_SAFE_INTEGER;
  return grants.sort(
    (a, b) => a.level - b.level || str(a.awardCode, b.awardCode) || place(a.entryId) - place(b.entryId) || str(a.entryId, b.entryId),
  );
}

export interface PersonAward extends AwardGrant {
  readonly personId: string;
}

/**
 * One record per person: a team award gives every member (a completion award: every finisher) the award, the
 * title and the full per-person prize money (configured per person, never
 * divided among the team). Order follows the grants, then the roster order.
 */
export function toPersonAwards(grants: readonly AwardGrant[], field: readonly RankedEntry[]): PersonAward[] {
  const byId = new Map(field.map((e) => [e.entryId, e]));
  return grants.flatMap((g) => {
    const entry = byId.get(g.entryId);
    if (!entry) throw new AwardsDomainError('UNKNOWN_ENTRY', `获奖参赛单元不在名单中：${g.entryId}`);
    if (entry.personIds.length === 0) throw new AwardsDomainError('NO_PERSONS', `参赛单元没有成员，无法发奖：${g.entryId}`);
    if (new Set(entry.personIds).size !== entry.personIds.length) {
      throw new AwardsDomainError('DUPLICATE_PERSON', `参赛单元成员重复：${g.entryId}`);
    }
    // A completion award goes to those who completed (completion-awards.ts).
    const persons = g.finishersOnly && entry.finishers ? entry.personIds.filter((p) => entry.finishers!.includes(p)) : entry.personIds;
    return persons.map((personId) => ({ ...g, personId }));
  });
}
