import { EXAMPLE_SCHEMES } from './examples';
import { JudgePanelConfig, JudgePanelInput } from './judge-panel';
import { computeScheme, SchemeConfig } from './scheme';
import { blockingProblems, cellSpecs, checkCell, EntryCells, inputFromCells } from './sheet-cells';
import { inputError } from './spec-helpers';
import { TimedConfig } from './timed';

/** Cells from a plain object: { key: { judgeId: value } }. */
function cells(o: Record<string, Record<number, string>>): EntryCells {
  return new Map(Object.entries(o).map(([k, byJudge]) => [k, new Map(Object.entries(byJudge).map(([j, v]) => [Number(j), v]))]));
}

// Same panel as judge-panel.spec.ts "diving": 7 judges, 2 highest and 2 lowest cancelled, sum × DD.
const diving7: JudgePanelConfig = {
  kind: 'judge-panel',
  marks: { min: 0, max: 10, step: '0.5' },
  judges: 7,
  difficulty: { min: '1.2', max: '4.8', maxDecimals: 1 },
  criteria: [{ key: 'execution', drop: { highest: 2, lowest: 2 }, aggregate: 'sum', multiplyByDifficulty: true }],
  rounding: { digits: 2, mode: 'half-up' },
};
const panel = [11, 12, 13, 14, 15, 16, 17];

describe('sheet cells — judge panel', () => {
  it('lists a per-judge key per criterion, then part:<key>, difficulty and status', () => {
    expect(cellSpecs(diving7)).toEqual([
      { key: 'execution', perJudge: true, label: 'execution' },
      { key: 'difficulty', perJudge: false, label: '难度系数' },
      { key: 'status', perJudge: false, label: '状态' },
    ]);
    const withParts: JudgePanelConfig = { ...EXAMPLE_SCHEMES.simplePanel, parts: [{ key: 'tes', label: '技术分', effect: 'add' }] } as JudgePanelConfig;
    expect(cellSpecs(withParts).map((s) => [s.key, s.perJudge])).toEqual([['score', true], ['part:tes', false], ['status', false]]);
  });

  it('builds the diving input from the cells and scores it as the rulebook does (66.00)', () => {
    // 7.5 7.0 7.5 7.0 7.5 8.0 6.5, DD 3.0 → 7.0 + 7.5 + 7.5 = 22.0 × 3.0 = 66.00 (judge-panel.spec.ts).
    // The DD is entered by a technical official (99) who is not seated on the panel.
    const c = cells({
      execution: { 11: '7.5', 12: '7.0', 13: '7.5', 14: '7.0', 15: '7.5', 16: '8.0', 17: '6.5' },
      difficulty: { 99: '3.0' },
    });
    const input = inputFromCells(diving7, c, panel);
    expect(input).toEqual({ marks: { execution: ['7.5', '7.0', '7.5', '7.0', '7.5', '8.0', '6.5'] }, difficulty: '3.0' });
    expect(computeScheme(diving7, input).total).toBe('66.00');
  });

  it('puts null in the seat of a judge without a mark, for the missing-mark rule', () => {
    const c = cells({ execution: { 11: '7.5', 12: '7.0', 13: '7.5', 15: '7.5', 16: '8.0', 17: '6.5' }, difficulty: { 99: '3.0' } });
    const input = inputFromCells(diving7, c, panel) as JudgePanelInput;
    expect(input.marks).toEqual({ execution: ['7.5', '7.0', '7.5', null, '7.5', '8.0', '6.5'] });
    // average-of-others: (7.5+7.0+7.5+7.5+8.0+6.5)/6 = 7.333… replaces seat 3; keep 7.333…, 7.5, 7.5 → 22.333… × 3 = 67.00
    expect(computeScheme({ ...diving7, missingMark: 'average-of-others' }, input).total).toBe('67.00');
  });

  it('takes a one-per-entry value from the judge earliest in seat order', () => {
    const c = cells({ execution: {}, difficulty: { 99: '2.0', 13: '3.2', 12: '3.0' } });
    expect((inputFromCells(diving7, c, panel) as JudgePanelInput).difficulty).toBe('3.0');
  });

  it('checks marks with the criterion range: trimmed as entered, or OUT_OF_RANGE / TOO_MANY_DECIMALS / BAD_STEP on value', () => {
    expect(checkCell(diving7, 'execution', ' 7.5 ')).toEqual({ key: 'execution', value: '7.5', perJudge: true });
    expect(checkCell(diving7, 'difficulty', '3.0')).toEqual({ key: 'difficulty', value: '3.0', perJudge: false });
    const high = inputError(() => checkCell(diving7, 'execution', '10.5'));
    expect([high.code, high.field]).toEqual(['OUT_OF_RANGE', 'value']);
    expect(high.message).toContain('execution');
    expect(inputError(() => checkCell(diving7, 'execution', '7.3')).code).toBe('BAD_STEP');
    expect(inputError(() => checkCell(diving7, 'execution', 'seven')).code).toBe('NOT_A_NUMBER');
    const decimals = inputError(() => checkCell(EXAMPLE_SCHEMES.simplePanel, 'score', '9.255'));
    expect([decimals.code, decimals.field]).toEqual(['TOO_MANY_DECIMALS', 'value']);
  });

  it('refuses a key the scheme does not have with UNKNOWN_KEY on key', () => {
    const e = inputError(() => checkCell(diving7, 'artistry', '7'));
    expect([e.code, e.field]).toEqual(['UNKNOWN_KEY', 'key']);
    expect(inputError(() => checkCell(EXAMPLE_SCHEMES.simplePanel, 'difficulty', '2.0')).code).toBe('UNKNOWN_KEY');
  });

  it('checks and upper-cases the status; DNS scores as DNS', () => {
    expect(checkCell(diving7, 'status', ' dns ').value).toBe('DNS');
    const e = inputError(() => checkCell(diving7, 'status', 'late'));
    expect([e.code, e.field]).toEqual(['BAD_STATUS', 'value']);
    const input = inputFromCells(diving7, cells({ status: { 99: 'DNS' } }), panel);
    expect(computeScheme(diving7, input)).toMatchObject({ total: null, status: 'DNS' });
  });
});

describe('sheet cells — timed', () => {
  const race: TimedConfig = { kind: 'timed', rounding: { digits: 2, mode: 'up' } };

  it('has one time key, or gunTime and netTime for a net-time race', () => {
    expect(cellSpecs(race).map((s) => s.key)).toEqual(['time', 'status']);
    expect(cellSpecs({ ...race, basis: 'net' }).map((s) => s.key)).toEqual(['gunTime', 'netTime', 'status']);
    expect(inputError(() => checkCell(race, 'gunTime', '10.2')).code).toBe('UNKNOWN_KEY');
  });

  it('normalizes a time as the domain reads it and scores it', () => {
    expect(checkCell(race, 'time', '10.234').value).toBe('10.234');
    expect(checkCell(race, 'time', ' 1:02.35 ').value).toBe('1:02.35');
    expect(checkCell(race, 'time', '62.35').value).toBe('1:02.35');
    // 10.234 → next longer 1/100 s: 10.24
    expect(computeScheme(race, inputFromCells(race, cells({ time: { 5: '10.234' } }), [5])).total).toBe('10.24');
    expect(computeScheme(race, inputFromCells(race, cells({ time: { 5: '1:02.35' } }), [5])).total).toBe('62.35');
  });

  it('records DNF in the status cell', () => {
    expect(checkCell(race, 'status', 'DNF').value).toBe('DNF');
    expect(computeScheme(race, inputFromCells(race, cells({ status: { 5: 'DNF' } }), [5]))).toMatchObject({ total: null, status: 'DNF' });
  });

  it('refuses a malformed time with BAD_TIME_FORMAT on value', () => {
    const e = inputError(() => checkCell(race, 'time', '10:7x'));
    expect([e.code, e.field]).toEqual(['BAD_TIME_FORMAT', 'value']);
    expect(inputError(() => checkCell(race, 'time', '10.2345')).code).toBe('TOO_MANY_DECIMALS');
  });

  it('uses the net time of a net-time race', () => {
    const road: TimedConfig = { ...race, basis: 'net' };
    const input = inputFromCells(road, cells({ gunTime: { 1: '2:10:03.1' }, netTime: { 1: '2:09:58.4' } }), [1]);
    expect(input).toEqual({ gunTime: '2:10:03.1', netTime: '2:09:58.4' });
    expect(computeScheme(road, input).total).toBe('7798.40');
  });
});

describe('sheet cells — measured', () => {
  const longJump = EXAMPLE_SCHEMES.longJump;

  it('takes the attempts as one comma-separated text: marks, x (foul), - (pass)', () => {
    expect(cellSpecs(longJump).map((s) => s.key)).toEqual(['attempts', 'status']);
    expect(checkCell(longJump, 'attempts', ' 7.95, X ,-，8.01 ').value).toBe('7.95,x,-,8.01');
    const input = inputFromCells(longJump, cells({ attempts: { 3: '7.95,x,-,8.01' } }), [3]);
    expect(input).toEqual({ attempts: ['7.95', 'x', '-', '8.01'] });
    expect(computeScheme(longJump, input).total).toBe('8.01');
  });

  it('refuses a bad trial, a mark with too many decimals and too many trials', () => {
    const e = inputError(() => checkCell(longJump, 'attempts', '7.95,o'));
    expect([e.code, e.field]).toEqual(['BAD_ATTEMPT', 'value']);
    expect(inputError(() => checkCell(longJump, 'attempts', '7.955')).code).toBe('TOO_MANY_DECIMALS');
    expect(inputError(() => checkCell(longJump, 'attempts', 'x,x,x,x,x,x,x')).code).toBe('WRONG_COUNT');
  });
});

describe('sheet cells — vertical jump', () => {
  const highJump = EXAMPLE_SCHEMES.highJump;

  it('takes one h:<height> cell per bar height and finds the best height cleared', () => {
    expect(cellSpecs(highJump).map((s) => s.key)).toEqual(['h:*', 'status']);
    const c = cells({ 'h:1.80': { 2: 'o' }, 'h:1.85': { 2: 'xo' }, 'h:1.90': { 2: 'xxx' } });
    const input = inputFromCells(highJump, c, [2]);
    expect(input).toEqual({ attempts: { '1.80': 'o', '1.85': 'xo', '1.90': 'xxx' } });
    expect(computeScheme(highJump, input).total).toBe('1.85');
  });

  it('normalizes the height key and the trials', () => {
    expect(checkCell(highJump, 'h:1.8', ' XO ')).toEqual({ key: 'h:1.80', value: 'xo', perJudge: false });
  });

  it('refuses a bad trial string on value and a bad height on key', () => {
    const e = inputError(() => checkCell(highJump, 'h:1.85', 'xa'));
    expect([e.code, e.field]).toEqual(['BAD_ATTEMPT', 'value']);
    expect(inputError(() => checkCell(highJump, 'h:1.85', 'ox')).code).toBe('BAD_ATTEMPT');
    for (const key of ['h:abc', 'h:1.855', 'h:*', 'height']) {
      const k = inputError(() => checkCell(highJump, key, 'o'));
      expect([k.code, k.field]).toEqual(['UNKNOWN_KEY', 'key']);
    }
    const announced: SchemeConfig = { ...highJump, heights: ['1.80', '1.85'] };
    expect(inputError(() => checkCell(announced, 'h:1.83', 'o')).code).toBe('UNKNOWN_KEY');
  });
});

describe('sheet cells — points and penalty', () => {
  it('takes points, penalty and lastCorrectAt', () => {
    const quiz = EXAMPLE_SCHEMES.quiz;
    expect(cellSpecs(quiz).map((s) => s.key)).toEqual(['points', 'penalty', 'lastCorrectAt', 'status']);
    expect(inputError(() => checkCell(quiz, 'points', '7.5')).code).toBe('TOO_MANY_DECIMALS');
    expect(inputError(() => checkCell(quiz, 'penalty', '-3')).code).toBe('OUT_OF_RANGE');
    const r = computeScheme(quiz, inputFromCells(quiz, cells({ points: { 1: '70' }, penalty: { 1: '123' }, lastCorrectAt: { 1: '95' } }), [1]));
    expect(r.total).toBe('70');
    expect(r.tieBreakKeys.map((k) => k.value)).toEqual(['123', '95']);
  });
});

describe('sheet cells — marking scheme', () => {
  const ms = EXAMPLE_SCHEMES.markingScheme; // A1 measurement 4, A2 judgement 6, B1 measurement 60, B2 judgement 30; gap 1
  const judges = [21, 22, 23];

  it('makes judgement aspects per judge and measurement aspects one value', () => {
    expect(cellSpecs(ms).map((s) => [s.key, s.perJudge])).toEqual([['A1', false], ['A2', true], ['B1', false], ['B2', true], ['status', false]]);
    expect(inputError(() => checkCell(ms, 'A2', '4')).code).toBe('OUT_OF_RANGE');
    expect(inputError(() => checkCell(ms, 'A2', '1.5')).code).toBe('BAD_STEP');
    expect(inputError(() => checkCell(ms, 'A1', '4.5')).code).toBe('OUT_OF_RANGE');
  });

  it('blocks submission on a judgement gap (scores 0, 3, 1 with gap 1)', () => {
    const c = cells({ A1: { 21: '4' }, A2: { 21: '0', 22: '3', 23: '1' }, B1: { 21: '50' }, B2: { 21: '2', 22: '2', 23: '3' } });
    const problems = blockingProblems(ms, c, judges);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['JUDGEMENT_GAP', 'marks.A2']]);
  });

  it('lets a complete sheet through and scores it', () => {
    // A1 4 + A2 (2+2+3)/3 ÷ 3 × 6 = 4.67 + B1 50 + B2 (2+2+3)/3 ÷ 3 × 30 = 23.33 → 82.00
    const c = cells({ A1: { 21: '4' }, A2: { 21: '2', 22: '2', 23: '3' }, B1: { 21: '50' }, B2: { 21: '2', 22: '2', 23: '3' } });
    expect(blockingProblems(ms, c, judges)).toEqual([]);
    expect(computeScheme(ms, inputFromCells(ms, c, judges)).total).toBe('82.00');
  });

  it('does not block on scores still to be entered, but on a gap among those entered', () => {
    const partial = cells({ A2: { 21: '2', 23: '3' }, B2: { 22: '2' } });
    expect(blockingProblems(ms, partial, judges)).toEqual([]);
    const gap = cells({ A2: { 21: '0', 23: '3' } });
    expect(blockingProblems(ms, gap, judges).map((p) => [p.code, p.field])).toEqual([['JUDGEMENT_GAP', 'marks.A2']]);
    // ...and the incomplete entry is still refused when scored
    expect(inputError(() => computeScheme(ms, inputFromCells(ms, partial, judges))).code).toBe('MISSING_VALUE');
  });

  it('has nothing to check for an entry that did not start, nor for other kinds', () => {
    expect(blockingProblems(ms, cells({ A2: { 21: '0', 22: '3' }, status: { 21: 'DNS' } }), judges)).toEqual([]);
    expect(blockingProblems(diving7, cells({}), panel)).toEqual([]);
  });
});
