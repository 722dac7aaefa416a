import { ScoringConfigError, ScoringInputError } from './errors';
import { computeJudgePanel, JudgePanelConfig, validateJudgePanelConfig } from './judge-panel';
import { rankScheme } from './scheme';

/** The simplest panel the service layer uses: drop 1 high + 1 low, average, 2 digits half-up. */
const simple: JudgePanelConfig = {
  kind: 'judge-panel',
  marks: { min: 0, max: 10, maxDecimals: 2 },
  criteria: [{ key: 'score', drop: { highest: 1, lowest: 1 }, aggregate: 'mean' }],
  rounding: { digits: 2, mode: 'half-up' },
};

function inputError(fn: () => unknown): ScoringInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScoringInputError) return e;
    throw e;
  }
  throw new Error('expected a ScoringInputError');
}

describe('judge panel — simplest case (drop 1 high + 1 low, mean, 2 digits half-up)', () => {
  it('averages the middle marks', () => {
    // 9.2 9.5 8.8 9.1 9.4 → drop 9.5 (high) and 8.8 (low) → (9.2+9.1+9.4)/3 = 27.7/3 = 9.2333… → 9.23
    const r = computeJudgePanel(simple, { marks: ['9.2', '9.5', '8.8', '9.1', '9.4'] });
    expect(r.total).toBe('9.23');
    expect(r.status).toBe('OK');
    const c = r.breakdown!.criteria[0];
    expect(c.droppedHigh).toEqual([1]);
    expect(c.droppedLow).toEqual([2]);
    expect(c.trimmedSum).toBe('27.7');
    expect(c.judges.map((j) => j.use)).toEqual(['counted', 'dropped-high', 'dropped-low', 'counted', 'counted']);
  });

  it('gives the full breakdown used by the scheme preview', () => {
    // Unrounded intermediates are exact to 40 significant digits (27.7 / 3 = 9.2333…).
    const third = expect.stringMatching(/^9\.2{1}3{30,}$/);
    const r = computeJudgePanel(simple, { marks: ['9.2', '9.5', '8.8', '9.1', '9.4'] });
    expect(r).toEqual({
      total: '9.23',
      status: 'OK',
      tieBreakKeys: [],
      breakdown: {
        criteria: [
          {
            key: 'score',
            judges: [
              { judge: 0, mark: '9.2', use: 'counted' },
              { judge: 1, mark: '9.5', use: 'dropped-high' },
              { judge: 2, mark: '8.8', use: 'dropped-low' },
              { judge: 3, mark: '9.1', use: 'counted' },
              { judge: 4, mark: '9.4', use: 'counted' },
            ],
            droppedHigh: [1],
            droppedLow: [2],
            counted: ['9.2', '9.1', '9.4'],
            trimmedSum: '27.7',
            trimmedMean: third,
            aggregate: 'mean',
            aggregateExact: third,
            aggregateRounded: third,
            factor: '1',
            valueExact: third,
            value: third,
          },
        ],
        judgeSubtotalExact: third,
        judgeSubtotal: third,
        parts: [],
        totalExact: third,
        total: '9.23',
        rounding: { digits: 2, mode: 'half-up' },
      },
    });
  });

  it('rounds half-up exactly where binary floating point would not', () => {
    // 1.00 1.00 1.01 1.02 → drop 1.02 and one 1.00 → (1.00+1.01)/2 = 1.005 → 1.01 half-up.
    // (In floating point (1.005).toFixed(2) === "1.00".)
    expect(computeJudgePanel(simple, { marks: [1, 1, 1.01, 1.02] }).total).toBe('1.01');
  });

  it('truncates when configured', () => {
    // 9.00 8.00 8.35 8.40 → (8.35+8.40)/2 = 8.375 → truncate 8.37 (half-up would be 8.38)
    const cfg: JudgePanelConfig = { ...simple, rounding: { digits: 2, mode: 'truncate' } };
    expect(computeJudgePanel(cfg, { marks: ['9.00', '8.00', '8.35', '8.40'] }).total).toBe('8.37');
    expect(computeJudgePanel(simple, { marks: ['9.00', '8.00', '8.35', '8.40'] }).total).toBe('8.38');
  });

  it('returns no total for a DNS/DQ performance', () => {
    expect(computeJudgePanel(simple, { marks: [], status: 'DNS' })).toEqual({ total: null, status: 'DNS', tieBreakKeys: [], breakdown: null });
  });

  it('works with drop 0 (knowledge-contest panel of 3, sum)', () => {
    // 8 + 9 + 7 = 24 (no marks dropped)
    const cfg: JudgePanelConfig = {
      kind: 'judge-panel',
      marks: { min: 0, max: 10, step: 1 },
      judges: 3,
      criteria: [{ key: 'answer', aggregate: 'sum' }],
      rounding: { digits: 0, mode: 'half-up' },
    };
    expect(computeJudgePanel(cfg, { marks: [8, 9, 7] }).total).toBe('24');
  });
});

describe('judge panel — diving (World Aquatics Diving Rules, scoring of a dive)', () => {
  const diving7: JudgePanelConfig = {
    kind: 'judge-panel',
    // Awards 0–10 in half points.
    marks: { min: 0, max: 10, step: '0.5' },
    judges: 7,
    difficulty: { min: '1.2', max: '4.8', maxDecimals: 1 },
    criteria: [{ key: 'execution', drop: { highest: 2, lowest: 2 }, aggregate: 'sum', multiplyByDifficulty: true }],
    rounding: { digits: 2, mode: 'half-up' },
  };

  it('7 judges: two highest and two lowest cancelled, remaining three summed × DD', () => {
    // 7.5 7.0 7.5 7.0 7.5 8.0 6.5, DD 3.0: cancel 8.0, 7.5 (high) and 6.5, 7.0 (low);
    // 7.0 + 7.5 + 7.5 = 22.0; 22.0 × 3.0 = 66.00
    const r = computeJudgePanel(diving7, { marks: [7.5, 7.0, 7.5, 7.0, 7.5, 8.0, 6.5], difficulty: '3.0' });
    expect(r.total).toBe('66.00');
    const c = r.breakdown!.criteria[0];
    expect(c.trimmedSum).toBe('22');
    expect(c.difficulty).toBe('3');
    expect(c.droppedLow).toEqual([1, 6]);
    expect(c.droppedHigh).toEqual([4, 5]);
  });

  it('5 judges: highest and lowest cancelled, remaining three summed × DD', () => {
    // 6.5 7.0 7.0 7.5 8.0, DD 2.8: cancel 8.0 and 6.5 → 7.0+7.0+7.5 = 21.5 → 21.5 × 2.8 = 60.20
    const cfg: JudgePanelConfig = { ...diving7, judges: 5, criteria: [{ ...diving7.criteria[0], drop: { highest: 1, lowest: 1 } }] };
    expect(computeJudgePanel(cfg, { marks: [6.5, 7, 7, 7.5, 8], difficulty: 2.8 }).total).toBe('60.20');
  });

  it('older 7-judge rule: highest and lowest cancelled, sum of five × DD × 0.6', () => {
    // Worked example quoted from the old FINA rule: DD 2.0, awards 8, 7, 7, 7, 7, 7, 6.5.
    // Cancel 8 and 6.5 → 7×5 = 35 → 35 × 2.0 = 70 → × 0.6 = 42.00
    const cfg: JudgePanelConfig = {
      ...diving7,
      criteria: [{ key: 'execution', drop: { highest: 1, lowest: 1 }, aggregate: 'sum', multiplyByDifficulty: true, factor: '0.6' }],
    };
    const r = computeJudgePanel(cfg, { marks: [8, 7, 7, 7, 7, 7, 6.5], difficulty: '2.0' });
    expect(r.total).toBe('42.00');
    expect(r.breakdown!.criteria[0].factor).toBe('0.6');
  });

  it('synchronised diving, 11 judges (D 5.2.1): 3 + 3 execution, 5 synchronisation, remaining five × DD × 0.6', () => {
    // Highest and lowest award of each panel cancelled: one execution award per diver
    // and three synchronisation awards remain; their sum × DD × 0.6 keeps the score
    // on the scale of three awards, like an individual dive.
    // Diver A 7.0 7.5 8.0 → 7.5; diver B 7.5 7.5 7.0 → 7.5; sync 8.0 7.5 8.0 8.5 7.5 → 8.0+7.5+8.0 = 23.5
    // (7.5 + 7.5 + 23.5) = 38.5 × 3.0 = 115.5 × 0.6 = 69.30
    const panel = (key: string, judges: number) => ({
      key,
      judges,
      drop: { highest: 1, lowest: 1 },
      aggregate: 'sum' as const,
      multiplyByDifficulty: true,
      factor: '0.6',
    });
    const synchro: JudgePanelConfig = {
      ...diving7,
      judges: undefined,
      criteria: [panel('executionA', 3), panel('executionB', 3), panel('synchronisation', 5)],
    };
    const r = computeJudgePanel(synchro, {
      marks: { executionA: [7, 7.5, 8], executionB: [7.5, 7.5, 7], synchronisation: [8, 7.5, 8, 8.5, 7.5] },
      difficulty: '3.0',
    });
    expect(r.breakdown!.criteria.map((c) => [c.trimmedSum, c.value])).toEqual([['7.5', '13.5'], ['7.5', '13.5'], ['23.5', '42.3']]);
    expect(r.total).toBe('69.30');
  });

  it('rejects a mark off the 0.5 grid, out of range, and a DD with too many decimals, naming the field', () => {
    const e1 = inputError(() => computeJudgePanel(diving7, { marks: [7, 7, 7.3, 7, 7, 7, 7], difficulty: 2 }));
    expect([e1.code, e1.field]).toEqual(['BAD_STEP', 'marks[2]']);
    expect(e1.message).toContain('marks[2]');
    const e2 = inputError(() => computeJudgePanel(diving7, { marks: [7, 7, 7, 7, 7, 10.5, 7], difficulty: 2 }));
    expect([e2.code, e2.field]).toEqual(['OUT_OF_RANGE', 'marks[5]']);
    const e3 = inputError(() => computeJudgePanel(diving7, { marks: [7, 7, 7, 7, 7, 7, 7], difficulty: '2.05' }));
    expect([e3.code, e3.field]).toEqual(['TOO_MANY_DECIMALS', 'difficulty']);
    const e4 = inputError(() => computeJudgePanel(diving7, { marks: [7, 7, 7, 7, 7, 7], difficulty: 2 }));
    expect([e4.code, e4.field]).toEqual(['WRONG_COUNT', 'marks']);
    const e5 = inputError(() => computeJudgePanel(diving7, { marks: [7, 7, 7, 'seven', 7, 7, 7], difficulty: 2 }));
    expect([e5.code, e5.field]).toEqual(['NOT_A_NUMBER', 'marks[3]']);
    const e6 = inputError(() => computeJudgePanel(diving7, { marks: [7, 7, 7, 7, 7, 7, 7] }));
    expect([e6.code, e6.field]).toEqual(['MISSING_VALUE', 'difficulty']);
  });
});

describe('judge panel — figure skating segment score (ISU Special Regulations Rule 353)', () => {
  // Rule 353: per programme component the highest and lowest of the judges' marks are
  // deleted, the trimmed mean is rounded to two decimals, multiplied by the component
  // factor and rounded to two decimals; segment score = TES + PCS − deductions.
  // Components in 0.25 steps from 0.25 to 10.00; men's free skating factor 3.33.
  const component = (key: string) => ({
    key,
    drop: { highest: 1, lowest: 1 },
    aggregate: 'mean' as const,
    aggregateRounding: { digits: 2, mode: 'half-up' as const },
    factor: '3.33',
    rounding: { digits: 2, mode: 'half-up' as const },
  });
  const skating: JudgePanelConfig = {
    kind: 'judge-panel',
    marks: { min: '0.25', max: '10', step: '0.25', maxDecimals: 2 },
    judges: 9,
    criteria: [component('composition'), component('presentation'), component('skatingSkills')],
    judgeSubtotalRounding: { digits: 2, mode: 'half-up' },
    parts: [
      { key: 'tes', label: '技术得分', effect: 'add', required: true, range: { min: 0, max: 300, maxDecimals: 2 } },
      { key: 'deductions', label: '扣分', effect: 'subtract', range: { min: 0, max: 50, maxDecimals: 2 } },
    ],
    rounding: { digits: 2, mode: 'half-up' },
  };

  it('computes TES + Σ(component trimmed mean × factor) − deductions as one configuration', () => {
    // Composition: 8.50 8.75 9.00 8.25 8.75 9.25 8.50 8.75 9.00 → delete 9.25, 8.25
    //   → 61.25 / 7 = 8.75 → × 3.33 = 29.1375 → 29.14
    // Presentation: 8.25 8.50 8.75 9.00 8.50 8.25 8.75 8.00 8.50 → delete 9.00, 8.00
    //   → 59.50 / 7 = 8.50 → × 3.33 = 28.305 → 28.31
    // Skating skills: 9.00 9.00 8.75 9.25 8.75 9.00 9.50 8.50 9.00 → delete 9.50, 8.50
    //   → 62.75 / 7 = 8.964285… → 8.96 → × 3.33 = 29.8368 → 29.84
    // PCS = 29.14 + 28.31 + 29.84 = 87.29; total = 95.43 + 87.29 − 1.00 = 181.72
    const r = computeJudgePanel(skating, {
      marks: {
        composition: ['8.50', '8.75', '9.00', '8.25', '8.75', '9.25', '8.50', '8.75', '9.00'],
        presentation: ['8.25', '8.50', '8.75', '9.00', '8.50', '8.25', '8.75', '8.00', '8.50'],
        skatingSkills: ['9.00', '9.00', '8.75', '9.25', '8.75', '9.00', '9.50', '8.50', '9.00'],
      },
      parts: { tes: '95.43', deductions: '1.00' },
    });
    const b = r.breakdown!;
    expect(b.criteria.map((c) => [c.aggregateRounded, c.valueExact, c.value])).toEqual([
      ['8.75', '29.1375', '29.14'],
      ['8.50', '28.305', '28.31'],
      ['8.96', '29.8368', '29.84'],
    ]);
    expect(b.judgeSubtotal).toBe('87.29');
    expect(b.parts).toEqual([
      { key: 'tes', label: '技术得分', effect: 'add', value: '95.43' },
      { key: 'deductions', label: '扣分', effect: 'subtract', value: '1' },
    ]);
    expect(r.total).toBe('181.72');
  });

  it('breaks a tied segment score by the higher TES (short program) or the higher PCS (free skating), Rule 353', () => {
    // X: every component 8.00 → 8.00 × 3.33 = 26.64 ×3 → PCS 79.92; TES 90.00 → 169.92
    // Y: every component 9.00 → 9.00 × 3.33 = 29.97 ×3 → PCS 89.91; TES 80.01 → 169.92
    const same = (m: string) => ({ composition: Array(9).fill(m), presentation: Array(9).fill(m), skatingSkills: Array(9).fill(m) });
    const run = (cfg: JudgePanelConfig) =>
      rankScheme(cfg, [
        { id: 'X', result: computeJudgePanel(cfg, { marks: same('8.00'), parts: { tes: '90.00' } }) },
        { id: 'Y', result: computeJudgePanel(cfg, { marks: same('9.00'), parts: { tes: '80.01' } }) },
      ]).map((r) => [r.id, r.place, r.total, r.decidedBy]);
    const shortProgram: JudgePanelConfig = { ...skating, tieBreakers: [{ source: 'part', key: 'tes', better: 'higher' }] };
    const freeSkating: JudgePanelConfig = { ...skating, tieBreakers: [{ source: 'judgeSubtotal', better: 'higher' }] };
    expect(run(shortProgram)).toEqual([['X', 1, '169.92', null], ['Y', 2, '169.92', 1]]);
    expect(run(freeSkating)).toEqual([['Y', 1, '169.92', null], ['X', 2, '169.92', 1]]);
    expect(computeJudgePanel(freeSkating, { marks: same('9.00'), parts: { tes: '80.01' } }).tieBreakKeys).toEqual([
      { name: 'judgeSubtotal', value: '89.91', better: 'higher' },
    ]);
    expect(run(skating)).toEqual([['X', 1, '169.92', null], ['Y', 1, '169.92', null]]);
  });

  it('rejects a component mark off the 0.25 grid and a missing required TES', () => {
    const marks = Array(9).fill('8.00');
    const e = inputError(() =>
      computeJudgePanel(skating, { marks: { composition: [...marks.slice(0, 4), '8.10', ...marks.slice(5)], presentation: marks, skatingSkills: marks }, parts: { tes: 1 } }),
    );
    expect([e.code, e.field]).toEqual(['BAD_STEP', 'marks.composition[4]']);
    const e2 = inputError(() => computeJudgePanel(skating, { marks: { composition: marks, presentation: marks, skatingSkills: marks } }));
    expect([e2.code, e2.field]).toEqual(['MISSING_VALUE', 'parts.tes']);
    const e3 = inputError(() => computeJudgePanel(skating, { marks: { composition: marks, presentation: marks }, parts: { tes: 1 } }));
    expect([e3.code, e3.field]).toEqual(['MISSING_VALUE', 'marks.skatingSkills']);
  });
});

describe('judge panel — artistic gymnastics final score (FIG Code of Points 2022–2024)', () => {
  // Final score = D-score (entered by the D-panel) + E-score − neutral deductions,
  // E-score = 10.000 − average of the E-panel deductions after the highest and lowest
  // are eliminated; scores are shown to three decimals.
  const gym: JudgePanelConfig = {
    kind: 'judge-panel',
    marks: { min: 0, max: 10, maxDecimals: 1 },
    judges: 5,
    criteria: [
      {
        key: 'execution',
        label: '完成分',
        drop: { highest: 1, lowest: 1 },
        aggregate: 'mean',
        aggregateRounding: { digits: 3, mode: 'half-up' },
        subtractFrom: '10',
      },
    ],
    parts: [
      { key: 'difficulty', label: '难度分', effect: 'add', required: true, range: { min: 0, max: 10, maxDecimals: 1 } },
      { key: 'neutral', label: '中立扣分', effect: 'subtract', range: { min: 0, max: 10, maxDecimals: 1 } },
    ],
    rounding: { digits: 3, mode: 'half-up' },
    minTotal: 0,
    tieBreakers: [{ source: 'criterion', key: 'execution', better: 'higher' }],
  };

  it('D + (10 − trimmed mean of deductions) − neutral deductions', () => {
    // E deductions 1.2 1.3 1.1 1.5 1.3 → eliminate 1.5 and 1.1 → (1.2+1.3+1.3)/3 = 1.2666… → 1.267
    // E = 10 − 1.267 = 8.733; final = 5.4 + 8.733 − 0.3 = 13.833
    const r = computeJudgePanel(gym, { marks: ['1.2', '1.3', '1.1', '1.5', '1.3'], parts: { difficulty: '5.4', neutral: '0.3' } });
    expect(r.breakdown!.criteria[0].aggregateRounded).toBe('1.267');
    expect(r.breakdown!.criteria[0].afterSubtract).toBe('8.733');
    expect(r.total).toBe('13.833');
    expect(r.tieBreakKeys).toEqual([{ name: 'criterion:execution', value: '8.733', better: 'higher' }]);
  });

  it('breaks an apparatus-final tie by the higher E-score, then the higher D-score (FIG Technical Regulations)', () => {
    // All three total 13.833:
    //   G1 D 5.4, E 10 − 1.267 = 8.733, neutral 0.3
    //   G2 D 5.9, E deductions 1.7 1.8 1.8 1.5 2.0 → (1.7+1.8+1.8)/3 = 1.767 → E 8.233, neutral 0.3
    //   G3 D 5.5, E 8.733 (same as G1), neutral 0.4
    // G1 and G3 share E 8.733 > 8.233; G3 has the higher D → G3, G1, G2.
    const final: JudgePanelConfig = {
      ...gym,
      tieBreakers: [
        { source: 'criterion', key: 'execution', better: 'higher' },
        { source: 'part', key: 'difficulty', better: 'higher' },
      ],
    };
    const e1 = ['1.2', '1.3', '1.1', '1.5', '1.3'];
    const res = [
      { id: 'G1', result: computeJudgePanel(final, { marks: e1, parts: { difficulty: '5.4', neutral: '0.3' } }) },
      { id: 'G2', result: computeJudgePanel(final, { marks: ['1.7', '1.8', '1.8', '1.5', '2.0'], parts: { difficulty: '5.9', neutral: '0.3' } }) },
      { id: 'G3', result: computeJudgePanel(final, { marks: e1, parts: { difficulty: '5.5', neutral: '0.4' } }) },
    ];
    expect(rankScheme(final, res).map((r) => [r.id, r.place, r.total, r.decidedBy])).toEqual([
      ['G3', 1, '13.833', null],
      ['G1', 2, '13.833', 2], // same E-score, lower D-score
      ['G2', 3, '13.833', 1], // lower E-score
    ]);
  });
});

describe('judge panel — choir contest with weighted criteria and a missing mark', () => {
  const choir: JudgePanelConfig = {
    kind: 'judge-panel',
    marks: { min: 0, max: 100, maxDecimals: 1 },
    judges: 7,
    criteria: [
      { key: 'pitch', label: '音准', drop: { highest: 1, lowest: 1 }, aggregate: 'mean', aggregateRounding: { digits: 2, mode: 'half-up' }, factor: '0.4' },
      { key: 'tone', label: '音色', drop: { highest: 1, lowest: 1 }, aggregate: 'mean', aggregateRounding: { digits: 2, mode: 'half-up' }, factor: '0.3' },
      { key: 'art', label: '艺术表现', drop: { highest: 1, lowest: 1 }, aggregate: 'mean', aggregateRounding: { digits: 2, mode: 'half-up' }, factor: '0.3' },
    ],
    rounding: { digits: 2, mode: 'half-up' },
  };
  const full = {
    pitch: [92, 95, 90, 94, 88, 96, 93],
    tone: [90, 91, 89, 93, 92, 85, 90],
    art: [88, 94, 91, 90, 97, 89, 92],
  };

  it('weights each trimmed mean and sums', () => {
    // pitch: drop 96, 88 → 464/5 = 92.80 × 0.4 = 37.12
    // tone:  drop 93, 85 → 452/5 = 90.40 × 0.3 = 27.12
    // art:   drop 97, 88 → 456/5 = 91.20 × 0.3 = 27.36
    // total 37.12 + 27.12 + 27.36 = 91.60
    const r = computeJudgePanel(choir, { marks: full });
    expect(r.breakdown!.criteria.map((c) => c.value)).toEqual(['37.12', '27.12', '27.36']);
    expect(r.total).toBe('91.60');
  });

  it('replaces a missing mark by the average of the other judges', () => {
    // pitch judge 3 missing: others 92 95 94 88 96 93 → 558/6 = 93 → marks 92 95 93 94 88 96 93
    // drop 96, 88 → 467/5 = 93.40 × 0.4 = 37.36; total 37.36 + 27.12 + 27.36 = 91.84
    const cfg: JudgePanelConfig = { ...choir, missingMark: 'average-of-others' };
    const r = computeJudgePanel(cfg, { marks: { ...full, pitch: [92, 95, null, 94, 88, 96, 93] } });
    expect(r.breakdown!.criteria[0].judges[2]).toEqual({ judge: 2, mark: null, substitute: '93', use: 'counted' });
    expect(r.breakdown!.criteria[0].value).toBe('37.36');
    expect(r.total).toBe('91.84');
  });

  it('leaves a missing mark out when configured', () => {
    // pitch: 92 95 94 88 96 93 → drop 96, 88 → 374/4 = 93.50 × 0.4 = 37.40; total 37.40 + 27.12 + 27.36 = 91.88
    const cfg: JudgePanelConfig = { ...choir, missingMark: 'omit' };
    const r = computeJudgePanel(cfg, { marks: { ...full, pitch: [92, 95, null, 94, 88, 96, 93] } });
    expect(r.breakdown!.criteria[0].judges[2].use).toBe('missing');
    expect(r.total).toBe('91.88');
  });

  it('refuses when too few marks remain after dropping', () => {
    const cfg: JudgePanelConfig = { ...choir, judges: undefined, missingMark: 'omit' };
    const e = inputError(() => computeJudgePanel(cfg, { marks: { ...full, pitch: [90, null] } }));
    expect([e.code, e.field]).toEqual(['NOT_ENOUGH_MARKS', 'marks.pitch']);
  });
});

describe('judge panel — configuration validation', () => {
  it('accepts the example configurations', () => {
    expect(validateJudgePanelConfig(simple)).toEqual([]);
  });

  it('refuses a configuration with the reasons and fields', () => {
    const bad = {
      kind: 'judge-panel',
      judges: 3,
      criteria: [
        { key: 'a', drop: { highest: 1, lowest: 2 }, aggregate: 'median', multiplyByDifficulty: true },
        { key: 'a', aggregate: 'sum', marks: { min: 10, max: 0 } },
      ],
      rounding: { digits: 2, mode: 'round' },
    };
    const errs = validateJudgePanelConfig(bad);
    expect(errs.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'config.rounding',
        'config.criteria[0].aggregate',
        'config.criteria[0].marks',
        'config.criteria[0].drop',
        'config.difficulty',
        'config.criteria[1].key',
        'config.criteria[1].marks',
      ]),
    );
    expect(errs.every((e) => e.code === 'INVALID_CONFIG')).toBe(true);
    const tb = validateJudgePanelConfig({ ...simple, tieBreakers: [{ source: 'judgeSubtotal', better: 'higher' }, { source: 'part', key: 'tes', better: 'higher' }, { source: 'pcs', better: 'up' }] });
    expect(tb.map((e) => e.field)).toEqual(['config.tieBreakers[1].key', 'config.tieBreakers[2].source', 'config.tieBreakers[2].better']);
    expect(() => computeJudgePanel(bad as unknown as JudgePanelConfig, { marks: [] })).toThrow(ScoringConfigError);
  });
});
