import { Dec, DecimalLike, fmt, parseDecimal } from './decimal';
import { assertConfig, configError, ScoringInputError } from './errors';
import { checkMark } from './mark-range';
import { INPUT_STATUSES, InputStatus, SchemeResult } from './types';

/**
 * Knowledge quizzes and programming contests, ICPC style: more points first,
 * then lower penalty time, then the earlier last correct answer.
 * ICPC World Finals rules ("Scoring"): teams are ranked by the most problems
 * solved; ties by least total time, where the time of a solved problem is the
 * time from the start to the first accepted run plus 20 penalty minutes per
 * previously rejected run, and an unsolved problem costs no time; remaining
 * ties by the earliest time of the last accepted run.
 */
export interface PointsPenaltyConfig {
  kind: 'points-penalty';
  /** penalty per rejected answer on a solved question, in the time unit of the input (ICPC: 20 minutes) */
  penaltyPerWrong?: DecimalLike;
  /** decimals of points in the total (default 0) */
  pointsDigits?: number;
  /** points of a solved question when the question does not give its own (default 1) */
  pointsPerSolved?: DecimalLike;
}

export interface PointsPenaltyInput {
  /** either per-question data (penalty derived) ... */
  questions?: { solvedAt: DecimalLike | null; wrongAttempts?: number; points?: DecimalLike }[];
  /** ... or the totals directly */
  points?: DecimalLike;
  penalty?: DecimalLike;
  lastCorrectAt?: DecimalLike | null;
  status?: InputStatus;
}

export interface PointsPenaltyBreakdown {
  questions?: { question: number; solved: boolean; solvedAt: string | null; wrongAttempts: number; points: string; penalty: string }[];
  points: string;
  penalty: string;
  lastCorrectAt: string | null;
}

export function validatePointsPenaltyConfig(c: unknown): ScoringInputError[] {
  if (!c || typeof c !== 'object') return [configError('config', '必须是对象')];
  const cfg = c as PointsPenaltyConfig;
  const errs: ScoringInputError[] = [];
  if (cfg.kind !== 'points-penalty') errs.push(configError('config.kind', "必须为 'points-penalty'"));
  if (cfg.penaltyPerWrong !== undefined && !(parseDecimal(cfg.penaltyPerWrong)?.gte(0) ?? false)) errs.push(configError('config.penaltyPerWrong', '必须是非负数'));
  if (cfg.pointsPerSolved !== undefined && !parseDecimal(cfg.pointsPerSolved)) errs.push(configError('config.pointsPerSolved', '必须是数字'));
  if (cfg.pointsDigits !== undefined && !(Number.isInteger(cfg.pointsDigits) && cfg.pointsDigits >= 0 && cfg.pointsDigits <= 4)) {
    errs.push(configError('config.pointsDigits', '必须是 0–4 的整数'));
  }
  return errs;
}

const ANY = { min: '-1e9', max: '1e9' };
const NON_NEG = { min: 0, max: '1e9' };

export function computePointsPenalty(cfg: PointsPenaltyConfig, input: PointsPenaltyInput): SchemeResult<PointsPenaltyBreakdown | null> {
  assertConfig(validatePointsPenaltyConfig(cfg));
  const status = input.status ?? 'OK';
  if (!INPUT_STATUSES.includes(status)) throw new ScoringInputError('BAD_STATUS', 'status', `字段 status 的值「${String(status)}」无效，应为 OK、DNS、DNF 或 DQ`);
  if (status !== 'OK') return { total: null, status, tieBreakKeys: [], breakdown: null };
  const digits = cfg.pointsDigits ?? 0;
  let points: Dec;
  let penalty: Dec;
  let last: Dec | null;
  let questions: PointsPenaltyBreakdown['questions'];
  if (Array.isArray(input.questions)) {
    const per = new Dec(cfg.penaltyPerWrong ?? 20);
    questions = [];
    points = new Dec(0);
    penalty = new Dec(0);
    last = null;
    input.questions.forEach((q, i) => {
      const f = `questions[${i}]`;
      const wrong = q.wrongAttempts ?? 0;
      if (!Number.isInteger(wrong) || wrong < 0) {
        throw new ScoringInputError('OUT_OF_RANGE', `${f}.wrongAttempts`, `字段 ${f}.wrongAttempts 必须是非负整数`);
      }
      const solved = q.solvedAt !== null && q.solvedAt !== undefined;
      const at = solved ? checkMark(q.solvedAt, `${f}.solvedAt`, NON_NEG, '答对时间') : null;
      const pts = solved ? (q.points !== undefined ? checkMark(q.points, `${f}.points`, ANY, '分值') : new Dec(cfg.pointsPerSolved ?? 1)) : new Dec(0);
      // Rejected answers cost time only on a question finally answered correctly.
      const pen = at ? at.plus(per.times(wrong)) : new Dec(0);
      points = points.plus(pts);
      penalty = penalty.plus(pen);
      if (at && (last === null || at.gt(last))) last = at;
      questions!.push({ question: i, solved, solvedAt: at ? fmt(at) : null, wrongAttempts: wrong, points: fmt(pts), penalty: fmt(pen) });
    });
  } else {
    if (input.points === undefined || input.points === null) throw new ScoringInputError('MISSING_VALUE', 'points', '缺少字段 points（得分）或 questions（逐题记录）');
    points = checkMark(input.points, 'points', { ...ANY, maxDecimals: digits }, '得分');
    penalty = input.penalty === undefined || input.penalty === null ? new Dec(0) : checkMark(input.penalty, 'penalty', NON_NEG, '罚时');
    last = input.lastCorrectAt === undefined || input.lastCorrectAt === null ? null : checkMark(input.lastCorrectAt, 'lastCorrectAt', NON_NEG, '最后答对时间');
  }
  const lastStr = last === null ? null : fmt(last as Dec);
  return {
    total: fmt(points, digits),
    status: 'OK',
    tieBreakKeys: [
      { name: 'penalty', value: fmt(penalty), better: 'lower' },
      { name: 'lastCorrectAt', value: lastStr, better: 'lower' },
    ],
    breakdown: { ...(questions ? { questions } : {}), points: fmt(points, digits), penalty: fmt(penalty), lastCorrectAt: lastStr },
  };
}
