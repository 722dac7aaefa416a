/**
 * Machine-readable error codes. The service layer maps them to HTTP 400/422;
 * the `field` is a JSON-path-like pointer into the input or config
 * (e.g. `marks[2]`, `marks.execution[0]`, `attempts[1.85]`, `config.criteria[0].drop`).
 */
export type ScoringInputErrorCode =
  | 'NOT_A_NUMBER'
  | 'OUT_OF_RANGE'
  | 'BAD_STEP'
  | 'TOO_MANY_DECIMALS'
  | 'MISSING_VALUE'
  | 'WRONG_COUNT'
  | 'NOT_ENOUGH_MARKS'
  | 'BAD_ATTEMPT'
  | 'BAD_TIME_FORMAT'
  | 'BAD_STATUS'
  | 'JUDGEMENT_GAP'
  | 'INVALID_CONFIG'
  | 'UNKNOWN_KIND'
  /** a score-sheet cell whose key the scheme does not have (sheet-cells.ts) */
  | 'UNKNOWN_KEY';

export class ScoringInputError extends Error {
  readonly code: ScoringInputErrorCode;
  readonly field: string;

  constructor(code: ScoringInputErrorCode, field: string, message: string) {
    super(message);
    this.name = 'ScoringInputError';
    this.code = code;
    this.field = field;
  }

  toJSON(): { code: ScoringInputErrorCode; field: string; message: string } {
    return { code: this.code, field: this.field, message: this.message };
  }
}

/** Thrown by compute functions when a configuration is refused; carries every reason. */
export class ScoringConfigError extends ScoringInputError {
  readonly errors: ScoringInputError[];

  constructor(errors: ScoringInputError[]) {
    const first = errors[0];
    super('INVALID_CONFIG', first?.field ?? 'config', `计分方案配置无效：${errors.map((e) => e.message).join('；')}`);
    this.name = 'ScoringConfigError';
    this.errors = errors;
  }
}

export function configError(field: string, message: string): ScoringInputError {
  return new ScoringInputError('INVALID_CONFIG', field, `配置项 ${field} 无效：${message}`);
}

/** Throw a ScoringConfigError if the validator found anything. */
export function assertConfig(errors: ScoringInputError[]): void {
  if (errors.length > 0) throw new ScoringConfigError(errors);
}
