import { zxcvbnModules } from '@app/common';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const PASSWORD_MIN_LENGTH = 10;

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks" (argon2id is one). */
export const PASSWORD_MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;

/** Built on the first password checked, not at start-up (see zxcvbnModules). */
function checker(): ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  const { core, common, en } = zxcvbnModules();
  return (zxcvbn = new core.ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  }));
}

export type PasswordProblem = 'too_short' | 'too_weak';

/**
 * Why a password may not be used, or null when it may. The person's own username and name count
 * as guessable words: "zhangwei2026" is weak for 张伟 (zhangwei) however long it is.
 */
export function passwordProblem(password: string, userInputs: string[]): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const inputs = userInputs.filter(Boolean).flatMap((s) => [s, s.toLowerCase()]);
  return checker().check(password, inputs).score < PASSWORD_MIN_SCORE ? 'too_weak' : null;
}
