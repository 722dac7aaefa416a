import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as En from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 10;

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks" (argon2id is one). */
export const PASSWORD_MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;

/**
 * Loaded and built on the first password checked, not at start-up: the word lists unpack into
 * about 60 MiB of heap and take a third of a second, and most processes (the worker, an API
 * serving a registration rush) never check a password.
 */
function checker(): ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof Common;
  const en = require('@zxcvbn-ts/language-en') as typeof En;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return (zxcvbn = new Factory({
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
