import { ScoringConfigError } from './errors';
import { EXAMPLE_SCHEMES } from './examples';
import { computeScheme, rankScheme, SCHEME_KINDS, SchemeConfig, validateSchemeConfig } from './scheme';
import { inputError } from './spec-helpers';

describe('computeScheme / rankScheme', () => {
  it('accepts every example configuration, also after a JSON round trip', () => {
    for (const cfg of Object.values(EXAMPLE_SCHEMES)) {
      expect(validateSchemeConfig(JSON.parse(JSON.stringify(cfg)))).toEqual([]);
    }
    expect(new Set(Object.values(EXAMPLE_SCHEMES).map((c) => c.kind))).toEqual(new Set(SCHEME_KINDS));
  });

  it('scores and ranks the simplest judge panel', () => {
    const cfg = EXAMPLE_SCHEMES.simplePanel;
    // A: 9.2 9.5 8.8 9.1 9.4 → (9.2+9.1+9.4)/3 = 9.2333 → 9.23
    // B: 9.0 9.3 9.3 9.6 8.7 → drop 9.6, 8.7 → (9.0+9.3+9.3)/3 = 9.20
    // C: 9.3 9.2 9.2 9.1 9.3 → drop 9.3, 9.1 → (9.2+9.2+9.3)/3 = 9.2333 → 9.23
    // D: did not start
    const results = [
      { id: 'A', result: computeScheme(cfg, { marks: ['9.2', '9.5', '8.8', '9.1', '9.4'] }) },
      { id: 'B', result: computeScheme(cfg, { marks: ['9.0', '9.3', '9.3', '9.6', '8.7'] }) },
      { id: 'C', result: computeScheme(cfg, { marks: { score: ['9.3', '9.2', '9.2', '9.1', '9.3'] } }) },
      { id: 'D', result: computeScheme(cfg, { marks: [], status: 'DNS' }) },
    ];
    expect(rankScheme(cfg, results).map((r) => [r.id, r.place, r.total, r.tied, r.status])).toEqual([
      ['A', 1, '9.23', true, 'OK'],
      ['C', 1, '9.23', true, 'OK'],
      ['B', 3, '9.20', false, 'OK'],
      ['D', null, null, false, 'DNS'],
    ]);
  });

  it('dispatches every kind', () => {
    const E = EXAMPLE_SCHEMES;
    // diving: 7.0+7.5+7.5 = 22 × 2.0 = 44.00
    expect(computeScheme(E.diving, { marks: [7, 7.5, 7.5, 8, 6.5, 7, 8.5], difficulty: '2.0' }).total).toBe('44.00');
    // marking: A1 3.5 + A2 (2+2+3)/3 ÷ 3 × 6 = 14/3 = 4.67 + B1 50 + B2 (3+3+2)/3 ÷ 3 × 30 = 26.67 → 84.84
    expect(computeScheme(E.markingScheme, { marks: { A1: '3.5', A2: [2, 2, 3], B1: 50, B2: [3, 3, 2] } }).total).toBe('84.84');
    expect(computeScheme(E.sprint, { time: '9.581' }).total).toBe('9.59');
    expect(computeScheme(E.longJump, { attempts: ['x', '8.34', '8.21'] }).total).toBe('8.34');
    expect(computeScheme(E.highJump, { attempts: { '2.30': 'o', '2.35': 'xo', '2.40': 'xxx' } }).total).toBe('2.35');
    // quiz: 2 questions solved × 10 points; penalty (3 + 20) + 7 = 30
    const quiz = computeScheme(E.quiz, { questions: [{ solvedAt: 3, wrongAttempts: 1 }, { solvedAt: 7 }, { solvedAt: null }] });
    expect([quiz.total, quiz.tieBreakKeys[0].value]).toEqual(['20', '30']);
  });

  it('refuses an unknown kind and an invalid configuration with reasons', () => {
    expect(validateSchemeConfig({ kind: 'lottery' }).map((e) => [e.code, e.field])).toEqual([['UNKNOWN_KIND', 'config.kind']]);
    expect(validateSchemeConfig(null).map((e) => e.code)).toEqual(['INVALID_CONFIG']);
    expect(validateSchemeConfig({ kind: 'timed', rounding: { digits: 5, mode: 'up' } }).map((e) => e.field)).toEqual(['config.rounding']);
    expect(validateSchemeConfig({ kind: 'measured', attempts: 0, digits: 2 }).map((e) => e.field)).toEqual(['config.attempts']);
    expect(validateSchemeConfig({ kind: 'vertical-jump', heightDigits: 2, heights: ['1.90', '1.85'] }).map((e) => e.field)).toEqual(['config.heights[1]']);
    expect(validateSchemeConfig({ kind: 'points-penalty', penaltyPerWrong: -20 }).map((e) => e.field)).toEqual(['config.penaltyPerWrong']);
    let err: unknown;
    try {
      computeScheme({ kind: 'judge-panel', criteria: [], rounding: { digits: 2, mode: 'half-up' } } as SchemeConfig, { marks: [] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScoringConfigError);
    expect((err as ScoringConfigError).errors.map((e) => e.field)).toEqual(['config.criteria']);
    expect((err as ScoringConfigError).code).toBe('INVALID_CONFIG');
  });

  it('gives input errors a code, a field and a Chinese message naming the field', () => {
    const e = inputError(() => computeScheme(EXAMPLE_SCHEMES.simplePanel, { marks: ['9.2', '10.5', '8.8'] }));
    expect(e.toJSON()).toEqual({ code: 'OUT_OF_RANGE', field: 'marks[1]', message: '字段 marks[1] 的分数 10.5 超出允许范围 0–10' });
    const e2 = inputError(() => computeScheme(EXAMPLE_SCHEMES.simplePanel, { marks: ['9.2', '9.123', '8.8'] }));
    expect([e2.code, e2.field]).toEqual(['TOO_MANY_DECIMALS', 'marks[1]']);
  });
});
