import { computePointsPenalty, PointsPenaltyConfig } from './points-penalty';
import { rankScheme } from './scheme';
import { inputError } from './spec-helpers';

const icpc: PointsPenaltyConfig = { kind: 'points-penalty', penaltyPerWrong: 20 };

describe('points with penalty (ICPC World Finals rules, "Scoring")', () => {
  // Times in minutes from the start.
  // T1: Q1 at 30 after 1 rejection, Q2 at 95, Q3 unsolved after 3 rejections
  //     → 2 solved, penalty (30 + 20) + 95 = 145 (rejections on Q3 cost nothing), last 95
  // T2: Q1 at 20, Q2 at 125 → 2 solved, penalty 145, last 125
  // T3: Q1 at 60, Q2 at 80 → 2 solved, penalty 140, last 80
  // T4: Q1 at 100, Q2 at 200 after 2 rejections, Q3 at 250 → 3 solved, penalty 100 + 240 + 250 = 590
  const teams = {
    T1: [{ solvedAt: 30, wrongAttempts: 1 }, { solvedAt: 95 }, { solvedAt: null, wrongAttempts: 3 }],
    T2: [{ solvedAt: 20 }, { solvedAt: 125 }],
    T3: [{ solvedAt: 60 }, { solvedAt: 80 }],
    T4: [{ solvedAt: 100 }, { solvedAt: 200, wrongAttempts: 2 }, { solvedAt: 250 }],
  };
  const results = Object.entries(teams).map(([id, questions]) => ({ id, result: computePointsPenalty(icpc, { questions }) }));

  it('derives points, penalty and last correct time', () => {
    expect(results[0].result.total).toBe('2');
    expect(results[0].result.tieBreakKeys).toEqual([
      { name: 'penalty', value: '145', better: 'lower' },
      { name: 'lastCorrectAt', value: '95', better: 'lower' },
    ]);
    expect(results[3].result.tieBreakKeys[0].value).toBe('590');
  });

  it('ranks more points, then lower penalty, then earlier last correct answer', () => {
    expect(rankScheme(icpc, results).map((r) => [r.id, r.place, r.decidedBy])).toEqual([
      ['T4', 1, null],
      ['T3', 2, 0],
      ['T1', 3, 1], // 145 > 140
      ['T2', 4, 2], // same 145, last correct 125 > 95
    ]);
  });

  it('accepts totals directly (knowledge quiz with decimal points)', () => {
    const quiz: PointsPenaltyConfig = { kind: 'points-penalty', pointsDigits: 1 };
    const r = computePointsPenalty(quiz, { points: '87.5', penalty: '12.3', lastCorrectAt: '605.2' });
    expect(r.total).toBe('87.5');
    const e = inputError(() => computePointsPenalty(quiz, { points: '87.55' }));
    expect([e.code, e.field]).toEqual(['TOO_MANY_DECIMALS', 'points']);
    const e2 = inputError(() => computePointsPenalty(icpc, { questions: [{ solvedAt: -5 }] }));
    expect([e2.code, e2.field]).toEqual(['OUT_OF_RANGE', 'questions[0].solvedAt']);
  });
});
