import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 10;

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks" (argon2id is one). */
export const PASSWORD_MIN_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
});

export type PasswordProblem = 'too_short' | 'too_weak';

/**
 * Why a password may not be used, or null when it may. The person's own username and name count
 * as guessable words: "zhangwei2026" is weak for 张伟 (zhangwei) however long it is.
 */
export function passwordProblem(password: string, userInputs: string[]): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const inputs = userInputs.filter(Boolean).flatMap((s) => [s, s.toLowerCase()]);
  return zxcvbn.check(password, inputs).score < PASSWORD_MIN_SCORE ? 'too_weak' : null;
}
