import { isAwardable, type AwardDefinition, type RankedEntry } from './types';

/**
 * Every finisher gets the award, whatever their place: the completion certificate (完赛证书) of
 * a mass walk or run, where finishing is the achievement. A finisher is an official row with
 * status OK and a time; DNF, DQ, DNS and guests get nothing.
 */
export interface CompletionAwardRule {
  readonly type: 'completion';
  readonly award: AwardDefinition;
}

export function allocateByCompletion(field: readonly RankedEntry[], rule: CompletionAwardRule): Map<string, AwardDefinition> {
  return new Map(field.filter(isAwardable).map((e) => [e.entryId, rule.award]));
}
