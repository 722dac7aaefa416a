import { judgeDeviationReport, validateJudgeDeviationConfig } from './judge-deviation';
import { inputError } from './spec-helpers';

describe('judge deviation report (ISU-style: deviation from the mean of the other judges)', () => {
  const judges = ['J1', 'J2', 'J3', 'J4', 'J5'];
  const rows = [
    { key: 'entry-7/composition', marks: ['8.00', '8.25', '8.50', '8.25', '9.75'] },
    { key: 'entry-9/composition', marks: ['7.50', '7.75', '7.75', '7.50', '9.00'] },
  ];

  it('computes each mark against the average of the others and flags outliers', () => {
    // Row 1: J1 8.00 − (8.25+8.50+8.25+9.75)/4 = 8.00 − 8.6875 = −0.6875 → −0.69
    //        J2 8.25 − 8.625 = −0.375 → −0.38; J3 8.50 − 8.5625 = −0.0625 → −0.06
    //        J4 −0.375 → −0.38;  J5 9.75 − 8.25 = +1.50 → flagged (> 1.00)
    // Row 2: J1 7.50 − 8.00 = −0.50; J2 7.75 − 7.9375 = −0.1875 → −0.19; J3 −0.19; J4 −0.50;
    //        J5 9.00 − 7.625 = +1.375 → 1.38, flagged
    // Absolute sums: J1 1.1875 → 1.19; J2 0.5625 → 0.56; J3 0.25; J4 0.875 → 0.88; J5 2.875 → 2.88 (> 2.00, flagged)
    const r = judgeDeviationReport({ markThreshold: '1.00', judgeThreshold: '2.00', sumMode: 'absolute' }, { judges, rows });
    expect(r.rows[0].marks.map((m) => [m.othersMean, m.deviation, m.flagged])).toEqual([
      ['8.69', '-0.69', false],
      ['8.63', '-0.38', false],
      ['8.56', '-0.06', false],
      ['8.63', '-0.38', false],
      ['8.25', '1.50', true],
    ]);
    expect(r.rows[1].marks.map((m) => m.deviation)).toEqual(['-0.50', '-0.19', '-0.19', '-0.50', '1.38']);
    expect(r.judges.map((j) => [j.judge, j.deviationSum, j.flaggedMarks, j.flagged])).toEqual([
      ['J1', '1.19', 0, false],
      ['J2', '0.56', 0, false],
      ['J3', '0.25', 0, false],
      ['J4', '0.88', 0, false],
      ['J5', '2.88', 2, true],
    ]);
  });

  it('signed sums cancel opposite deviations; absolute sums do not', () => {
    // 3 judges. Row 1: 5, 6, 7 → J1 5 − 6.5 = −1.5, J2 0, J3 +1.5
    //           Row 2: 7, 6, 5 → J1 +1.5, J2 0, J3 −1.5
    // absolute: J1 3.0, J3 3.0 (> 2 flagged); signed: all 0 (none flagged)
    const input = { judges: ['A', 'B', 'C'], rows: [{ key: 'r1', marks: [5, 6, 7] }, { key: 'r2', marks: [7, 6, 5] }] };
    const abs = judgeDeviationReport({ markThreshold: 2, judgeThreshold: 2, sumMode: 'absolute' }, input);
    expect(abs.judges.map((j) => [j.deviationSum, j.flagged])).toEqual([['3.00', true], ['0.00', false], ['3.00', true]]);
    const signed = judgeDeviationReport({ markThreshold: 2, judgeThreshold: 2, sumMode: 'signed' }, input);
    expect(signed.judges.map((j) => [j.deviationSum, j.flagged])).toEqual([['0.00', false], ['0.00', false], ['0.00', false]]);
  });

  it('skips a missing mark and leaves it out of the others’ average', () => {
    // J2 missing: J1 8 − 9 = −1; J3 9 − 8 = +1
    const r = judgeDeviationReport({ markThreshold: 1, judgeThreshold: 5, sumMode: 'signed' }, { judges: ['J1', 'J2', 'J3'], rows: [{ key: 'x', marks: [8, null, 9] }] });
    expect(r.rows[0].marks.map((m) => m.deviation)).toEqual(['-1.00', null, '1.00']);
    expect(r.judges.map((j) => j.marks)).toEqual([1, 0, 1]);
  });

  it('validates the configuration and the marks', () => {
    expect(validateJudgeDeviationConfig({ markThreshold: -1, judgeThreshold: 'x', sumMode: 'mean' }).map((e) => e.field)).toEqual([
      'config.markThreshold',
      'config.judgeThreshold',
      'config.sumMode',
    ]);
    const e = inputError(() => judgeDeviationReport({ markThreshold: 1, judgeThreshold: 1, sumMode: 'signed', marks: { min: 0, max: 10 } }, { judges: ['a', 'b'], rows: [{ key: 'k', marks: [1, 11] }] }));
    expect([e.code, e.field]).toEqual(['OUT_OF_RANGE', 'rows[0].marks[1]']);
  });
});
