import { computeMeasured, MeasuredConfig } from './measured';
import { rankScheme } from './scheme';
import { inputError } from './spec-helpers';

const lj: MeasuredConfig = { kind: 'measured', attempts: 6, digits: 2 };

describe('measured attempts — best of N, ties by next best (World Athletics TR 25.22)', () => {
  // A: 8.01  x  7.95  8.10  -  7.90 → ordered 8.10 8.01 7.95 7.90
  // B: 8.10 7.99 x  x  8.05  x      → ordered 8.10 8.05 7.99
  // C: 8.10 8.05 7.50 x x x         → ordered 8.10 8.05 7.50
  // D: x x x                        → NM
  // E: 7.95 7.95 -                  → ordered 7.95 7.95
  // Best 8.10 for A, B, C; second best: B 8.05 = C 8.05 > A 8.01; third: B 7.99 > C 7.50.
  const inputs: Record<string, (string | number)[]> = {
    A: ['8.01', 'x', '7.95', '8.10', '-', '7.90'],
    B: ['8.10', '7.99', 'x', 'X', '8.05', 'x'],
    C: [8.1, 8.05, 7.5, 'x', 'x', 'x'],
    D: ['x', 'x', 'x'],
    E: ['7.95', '7.95', '-'],
  };
  const results = Object.entries(inputs).map(([id, attempts]) => ({ id, result: computeMeasured(lj, { attempts }) }));

  it('takes the best mark and lists the next best as tie-break keys', () => {
    const a = results[0].result;
    expect(a.total).toBe('8.10');
    expect(a.tieBreakKeys.map((k) => k.value)).toEqual(['8.01', '7.95', '7.90', null, null]);
    expect(results[3].result).toMatchObject({ total: null, status: 'NM' });
  });

  it('ranks B, C, A, E and gives D (no valid trial) no place', () => {
    expect(rankScheme(lj, results).map((r) => [r.id, r.place, r.decidedBy])).toEqual([
      ['B', 1, null],
      ['C', 2, 2], // decided by the third best mark
      ['A', 3, 1], // decided by the second best mark
      ['E', 4, 0],
      ['D', null, null],
    ]);
  });

  it('leaves a complete tie shared', () => {
    const same = ['7.50', 'x', '7.40'];
    const res = ['p', 'q'].map((id) => ({ id, result: computeMeasured(lj, { attempts: same }) }));
    expect(rankScheme(lj, res).map((r) => [r.id, r.place, r.tied])).toEqual([['p', 1, true], ['q', 1, true]]);
  });

  it('rejects bad trials naming the field', () => {
    const e = inputError(() => computeMeasured(lj, { attempts: ['7.50', 'o'] }));
    expect([e.code, e.field]).toEqual(['BAD_ATTEMPT', 'attempts[1]']);
    const e2 = inputError(() => computeMeasured(lj, { attempts: ['7.505'] }));
    expect([e2.code, e2.field]).toEqual(['TOO_MANY_DECIMALS', 'attempts[0]']);
    const e3 = inputError(() => computeMeasured({ ...lj, attempts: 3 }, { attempts: ['x', 'x', 'x', '7.00'] }));
    expect([e3.code, e3.field]).toEqual(['WRONG_COUNT', 'attempts']);
    const e4 = inputError(() => computeMeasured(lj, { attempts: ['-1'] }));
    expect([e4.code, e4.field]).toEqual(['OUT_OF_RANGE', 'attempts[0]']);
  });
});
