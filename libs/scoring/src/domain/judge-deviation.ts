import { Dec, DecimalLike, fmt, parseDecimal, roundTo, sum } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { checkMark, MarkRange } from './mark-range';

/**
 * Judge deviation report, ISU-style judges' evaluation: for every mark, its
 * signed deviation from the average of the OTHER judges' marks for the same
 * performance/criterion; a mark further away than `markThreshold` is flagged;
 * over the whole item, each judge's deviations are summed (absolute values, or
 * signed to show a bias in one direction) and a judge beyond `judgeThreshold`
 * is flagged. This only reports; it never changes a score.
 */
export interface JudgeDeviationConfig {
  markThreshold: DecimalLike;
  judgeThreshold: DecimalLike;
  sumMode: 'absolute' | 'signed';
  /** decimals shown in the report (exact values are compared; default 2, half-up) */
  digits?: number;
  /** optional check of the marks */
  marks?: MarkRange;
}

export interface JudgeDeviationInput {
  judges: string[];
  /** one row per performance × criterion, one mark per judge (null = no mark) */
  rows: { key: string; marks: (DecimalLike | null)[] }[];
}

export interface JudgeDeviationReport {
  rows: {
    key: string;
    marks: { judge: string; mark: string | null; othersMean: string | null; deviation: string | null; flagged: boolean }[];
  }[];
  judges: { judge: string; marks: number; deviationSum: string; flaggedMarks: number; flagged: boolean }[];
  sumMode: 'absolute' | 'signed';
  markThreshold: string;
  judgeThreshold: string;
}

export function validateJudgeDeviationConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as JudgeDeviationConfig;
  const errs: ScoringInputError[] = [];
  for (const k of ['markThreshold', 'judgeThreshold'] as const) {
    const d = parseDecimal(cfg[k]);
    if (!d || d.lt(0)) errs.push(configError(`config.${k}`, '必须是非负数'));
  }
  if (!['absolute', 'signed'].includes(cfg.sumMode)) errs.push(configError('config.sumMode', "必须为 'absolute' 或 'signed'"));
  if (cfg.digits !== undefined && !(Number.isInteger(cfg.digits) && cfg.digits >= 0 && cfg.digits <= 6)) errs.push(configError('config.digits', '必须是 0–6 的整数'));
  return errs;
}

export function judgeDeviationReport(cfg: JudgeDeviationConfig, input: JudgeDeviationInput): JudgeDeviationReport {
  assertConfig(validateJudgeDeviationConfig(cfg));
  const digits = cfg.digits ?? 2;
  const show = (d: Dec) => fmt(roundTo(d, { digits, mode: 'half-up' }), digits);
  const markLimit = new Dec(cfg.markThreshold);
  const judgeLimit = new Dec(cfg.judgeThreshold);
  const n = input.judges.length;
  const sums = input.judges.map(() => ({ sum: new Dec(0), marks: 0, flagged: 0 }));

  const rows = input.rows.map((row, r) => {
    if (!Array.isArray(row.marks) || row.marks.length !== n) {
      throw new ScoringInputError('WRONG_COUNT', `rows[${r}].marks`, `字段 rows[${r}].marks 应有 ${n} 名裁判的分数，实际为 ${Array.isArray(row.marks) ? row.marks.length : 0} 个`);
    }
    const marks = row.marks.map((m, j) => {
      if (m === null || m === undefined) return null;
      const field = `rows[${r}].marks[${j}]`;
      return cfg.marks ? checkMark(m, field, cfg.marks) : checkMark(m, field, { min: '-1e9', max: '1e9' });
    });
    return {
      key: row.key,
      marks: marks.map((m, j) => {
        const others = marks.filter((o, k): o is Dec => k !== j && o !== null);
        if (m === null || others.length === 0) return { judge: input.judges[j], mark: m ? fmt(m) : null, othersMean: null, deviation: null, flagged: false };
        const mean = sum(others).div(others.length);
        const dev = m.minus(mean);
        const flagged = dev.abs().gt(markLimit);
        sums[j].sum = sums[j].sum.plus(cfg.sumMode === 'absolute' ? dev.abs() : dev);
        sums[j].marks++;
        if (flagged) sums[j].flagged++;
        return { judge: input.judges[j], mark: fmt(m), othersMean: show(mean), deviation: show(dev), flagged };
      }),
    };
  });

  return {
    rows,
    judges: input.judges.map((judge, j) => ({
      judge,
      marks: sums[j].marks,
      deviationSum: show(sums[j].sum),
      flaggedMarks: sums[j].flagged,
      flagged: sums[j].sum.abs().gt(judgeLimit),
    })),
    sumMode: cfg.sumMode,
    markThreshold: fmt(markLimit),
    judgeThreshold: fmt(judgeLimit),
  };
}
