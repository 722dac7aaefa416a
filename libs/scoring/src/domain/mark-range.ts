import { Dec, DecimalLike, decimalsOf, parseDecimal } from './decimal';
import { configError, ScoringInputError } from './errors';

/**
 * The allowed values of one mark: inclusive range, optional step from `min`
 * (diving 0.5; ISU programme components 0.25) and optional maximum number of
 * decimals as written (a data-entry guard, e.g. 2 for "9.25").
 */
export interface MarkRange {
  min: DecimalLike;
  max: DecimalLike;
  step?: DecimalLike;
  maxDecimals?: number;
}

/** Parse and check one entered value; throws ScoringInputError naming the field. */
export function checkMark(value: unknown, field: string, range: MarkRange, what = '分数'): Dec {
  return markChecker(range, what)(value, field);
}

/** Checks one entered value against a range fixed beforehand; throws ScoringInputError naming the field. */
export type MarkCheck = (value: unknown, field: string) => Dec;

/**
 * checkMark for one range with its bounds parsed once: a tally checks every
 * mark of every contestant against the same few ranges.
 */
export function markChecker(range: MarkRange, what = '分数'): MarkCheck {
  const min = new Dec(range.min);
  const max = new Dec(range.max);
  const step = range.step === undefined ? null : new Dec(range.step);
  return (value, field) => {
    const d = parseDecimal(value);
    if (d === null) {
      throw new ScoringInputError('NOT_A_NUMBER', field, `字段 ${field} 的${what}「${String(value)}」不是有效数字`);
    }
    if (d.lt(min) || d.gt(max)) {
      throw new ScoringInputError('OUT_OF_RANGE', field, `字段 ${field} 的${what} ${d.toFixed()} 超出允许范围 ${min.toFixed()}–${max.toFixed()}`);
    }
    if (range.maxDecimals !== undefined && decimalsOf(value as DecimalLike) > range.maxDecimals) {
      throw new ScoringInputError('TOO_MANY_DECIMALS', field, `字段 ${field} 的${what} ${String(value)} 小数位过多，最多 ${range.maxDecimals} 位`);
    }
    if (step && !d.minus(min).mod(step).isZero()) {
      throw new ScoringInputError('BAD_STEP', field, `字段 ${field} 的${what} ${d.toFixed()} 不符合 ${step.toFixed()} 的步长`);
    }
    return d;
  };
}

/** Config check for a MarkRange; returns the reasons it is refused. */
export function validateMarkRange(r: unknown, field: string): ScoringInputError[] {
  if (!r || typeof r !== 'object') return [configError(field, '必须是包含 min、max 的对象')];
  const o = r as Record<string, unknown>;
  const errs: ScoringInputError[] = [];
  const min = parseDecimal(o.min);
  const max = parseDecimal(o.max);
  if (!min) errs.push(configError(`${field}.min`, '必须是数字'));
  if (!max) errs.push(configError(`${field}.max`, '必须是数字'));
  if (min && max && min.gt(max)) errs.push(configError(field, 'min 不能大于 max'));
  if (o.step !== undefined) {
    const s = parseDecimal(o.step);
    if (!s || s.lte(0)) errs.push(configError(`${field}.step`, '必须是正数'));
  }
  if (o.maxDecimals !== undefined && !(Number.isInteger(o.maxDecimals) && (o.maxDecimals as number) >= 0)) {
    errs.push(configError(`${field}.maxDecimals`, '必须是非负整数'));
  }
  return errs;
}
