import { ScoringInputError } from './errors';

/** Run `fn`, expect it to throw a ScoringInputError, and return it (test helper). */
export function inputError(fn: () => unknown): ScoringInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScoringInputError) return e;
    throw e;
  }
  throw new Error('expected a ScoringInputError');
}
