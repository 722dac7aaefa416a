import { allocateByThreshold, type ThresholdAwardRule } from './threshold-awards';
import type { RankedEntry } from './types';

const e = (entryId: string, total: string | null, status: RankedEntry['status'] = 'OK'): RankedEntry => ({
  entryId,
  personIds: [entryId],
  place: null, // thresholds do not need a place
  total,
  status,
});
const rule: ThresholdAwardRule = {
  type: 'threshold',
  thresholds: [
    { minTotal: '600', award: { code: 'GOOD', name: '良好奖章', level: 2 } },
    { minTotal: '700', award: { code: 'EXCELLENT', name: '优秀奖章', level: 1 } },
  ],
};

describe('allocateByThreshold', () => {
  it('grants the highest threshold reached, inclusive (>=)', () => {
    const f = [e('张伟', '735.5'), e('王芳', '700'), e('李娜', '699.99'), e('刘洋', '600.00'), e('陈静', '599.99')];
    const m = allocateByThreshold(f, rule);
    expect(Object.fromEntries([...m].map(([k, v]) => [k, v.name]))).toEqual({
      张伟: '优秀奖章',
      王芳: '优秀奖章', // exactly 700 earns it
      李娜: '良好奖章',
      刘洋: '良好奖章',
    });
  });

  it('never awards DNS/DNF/DQ or rows without a total', () => {
    expect(allocateByThreshold([e('犯规', '800', 'DQ'), e('未完', '800', 'DNF'), e('无分', null)], rule).size).toBe(0);
  });

  it('refuses duplicate or non-decimal thresholds and non-decimal totals', () => {
    const award = { code: 'X', name: '奖', level: 1 };
    expect(() => allocateByThreshold([], { type: 'threshold', thresholds: [{ minTotal: '700', award }, { minTotal: '700.0', award }] })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_THRESHOLD' }),
    );
    expect(() => allocateByThreshold([], { type: 'threshold', thresholds: [{ minTotal: '七百', award }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_THRESHOLD' }),
    );
    expect(() => allocateByThreshold([e('甲', 'abc')], rule)).toThrow(expect.objectContaining({ code: 'INVALID_TOTAL' }));
  });
});
