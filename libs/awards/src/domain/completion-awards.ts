import { isAwardable, type AwardDefinition, type RankedEntry } from './types';

/**
 * Every finisher gets the award, whatever their place: the completion certificate (完赛证书) of
 * a mass walk or run, where finishing is the achievement. A finisher is an official row with
 * status OK and a time; DNF, DQ, DNS and guests get nothing. In a team whose members finish apart
 * only the members who finished get it (toPersonAwards): a member who timed out or withdrew did
 * not complete the walk, though the team has a time.
 */
export interface CompletionAwardRule {
  readonly type: 'completion';
  readonly award: AwardDefinition;
}

export function allocateByCompletion(field: readonly RankedEntry[], rule: CompletionAwardRule): Map<string, AwardDefinition> {
  return new Map(field.filter(isAwardable).map((e) => [e.entryId, rule.award]));
}
