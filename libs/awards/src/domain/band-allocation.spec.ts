import { allocateByBands, bandBoundaries, type Band, type BandAwardRule, type BandRounding, type TiePolicy } from './band-allocation';
import type { AwardDefinition, RankedEntry } from './types';

const 一等奖: AwardDefinition = { code: 'FIRST', name: '一等奖', level: 1 };
const 二等奖: AwardDefinition = { code: 'SECOND', name: '二等奖', level: 2 };
const 三等奖: AwardDefinition = { code: 'THIRD', name: '三等奖', level: 3 };
const 十二三十: Band[] = [
  { percent: 10, award: 一等奖 },
  { percent: 20, award: 二等奖 },
  { percent: 30, award: 三等奖 },
];
const rule = (rounding: BandRounding, tiePolicy: TiePolicy = 'include', extra: Partial<BandAwardRule> = {}): BandAwardRule => ({
  type: 'band',
  bands: 十二三十,
  rounding,
  tiePolicy,
  ...extra,
});

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴刚', '郑爽', '孙丽'];
/** Field from places; totals descend with place so minimum-score tests read naturally. */
function field(places: number[], totals?: string[]): RankedEntry[] {
  return places.map((place, i) => ({
    entryId: NAMES[i],
    personIds: [NAMES[i]],
    place,
    total: totals?.[i] ?? String(100 - place),
    status: 'OK',
  }));
}
/** Award name per entry, in field order; '-' = none. */
function names(f: RankedEntry[], r: BandAwardRule): string[] {
  const { awards } = allocateByBands(f, r);
  return f.map((e) => awards.get(e.entryId)?.name ?? '-');
}

describe('bandBoundaries (cumulative, exact decimal rounding)', () => {
  it.each<[number, BandRounding, number[]]>([
    // n = 7: 10 % → 0.7, 30 % → 2.1, 60 % → 4.2
    [7, 'ceil', [1, 3, 5]],
    [7, 'floor', [0, 2, 4]],
    [7, 'half-up', [1, 2, 4]],
    // n = 1: 0.1, 0.3, 0.6
    [1, 'ceil', [1, 1, 1]],
    [1, 'floor', [0, 0, 0]],
    [1, 'half-up', [0, 0, 1]],
    // n = 2: 0.2, 0.6, 1.2
    [2, 'ceil', [1, 1, 2]],
    [2, 'floor', [0, 0, 1]],
    [2, 'half-up', [0, 1, 1]],
    [0, 'ceil', [0, 0, 0]],
    // n = 10: 1, 3, 6 exactly whatever the rounding
    [10, 'floor', [1, 3, 6]],
  ])('n = %i, %s → %j', (n, rounding, expected) => {
    expect(bandBoundaries(n, 十二三十, rounding)).toEqual(expected);
  });

  it('rounds exact halves up: 30 % × 5 = 1.5 → 2; half-up 10 % × 5 = 0.5 → 1', () => {
    expect(bandBoundaries(5, [{ percent: '30', award: 一等奖 }], 'half-up')).toEqual([2]);
    expect(bandBoundaries(5, [{ percent: '10', award: 一等奖 }], 'half-up')).toEqual([1]);
  });

  it('does the maths in decimal: 7 % × 100 is exactly 7, so ceil gives 7 (float gives 7.000000000000001 → 8)', () => {
    expect(bandBoundaries(100, [{ percent: 7, award: 一等奖 }], 'ceil')).toEqual([7]);
    expect(Math.ceil(0.07 * 100)).toBe(8); // the float trap this avoids
    expect(bandBoundaries(100, [{ percent: '12.5', award: 一等奖 }], 'floor')).toEqual([12]);
  });

  it('avoids per-band drift: n = 7 ceil awards ceil(4.2) = 5, not 1 + 2 + 3 = 6', () => {
    const b = bandBoundaries(7, 十二三十, 'ceil');
    expect(b[2]).toBe(5);
  });

  it('caps at the field size and refuses bands over 100 % or negative', () => {
    expect(bandBoundaries(3, [{ percent: 100, award: 一等奖 }], 'ceil')).toEqual([3]);
    expect(() => bandBoundaries(3, [{ percent: 60, award: 一等奖 }, { percent: '40.5', award: 二等奖 }], 'ceil')).toThrow(
      expect.objectContaining({ code: 'BANDS_EXCEED_100' }),
    );
    expect(() => bandBoundaries(3, [{ percent: -1, award: 一等奖 }], 'ceil')).toThrow(expect.objectContaining({ code: 'INVALID_BAND' }));
    expect(() => bandBoundaries(3, [{ percent: '十', award: 一等奖 }], 'ceil')).toThrow(expect.objectContaining({ code: 'INVALID_BAND' }));
  });
});

describe('allocateByBands', () => {
  describe('fields of 1, 2 and 7', () => {
    it('n = 1: ceil → 一等奖; floor → nothing; half-up → 三等奖', () => {
      const f = field([1]);
      expect(names(f, rule('ceil'))).toEqual(['一等奖']);
      expect(names(f, rule('floor'))).toEqual(['-']);
      expect(names(f, rule('half-up'))).toEqual(['三等奖']); // 60 % × 1 = 0.6 → 1
    });

    it('n = 2: ceil → 一等奖 + 三等奖 (二等奖 empty); floor → the winner gets 三等奖 only', () => {
      const f = field([1, 2]);
      // ceil boundaries 1, 1, 2
      expect(names(f, rule('ceil'))).toEqual(['一等奖', '三等奖']);
      // floor boundaries 0, 0, 1
      expect(names(f, rule('floor'))).toEqual(['三等奖', '-']);
      // half-up boundaries 0, 1, 1
      expect(names(f, rule('half-up'))).toEqual(['二等奖', '-']);
    });

    it('n = 7 without ties: ceil 1/2/2, floor 0/2/2, half-up 1/1/2', () => {
      const f = field([1, 2, 3, 4, 5, 6, 7]);
      expect(names(f, rule('ceil'))).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '-', '-']);
      expect(names(f, rule('floor'))).toEqual(['二等奖', '二等奖', '三等奖', '三等奖', '-', '-', '-']);
      expect(names(f, rule('half-up'))).toEqual(['一等奖', '二等奖', '三等奖', '三等奖', '-', '-', '-']);
      expect(allocateByBands(f, rule('ceil')).counts).toEqual([1, 2, 2]);
    });
  });

  describe('ties at a band edge (n = 10, ceil → boundaries 1, 3, 6)', () => {
    // places 1, 2, 3=, 3=, 5, 6=, 6=, 8, 9, 10
    // positions 0 | 1 | 2-3 | 4 | 5-6 | 7 …; the 3= tie straddles edge 3, the 6= tie straddles edge 6
    const f = field([1, 2, 3, 3, 5, 6, 6, 8, 9, 10]);

    it("'include' puts each whole tie in the higher band", () => {
      // 3= starts at position 2 < 3 → both 二等奖 (二等奖 holds 3, nominal 2);
      // 5th at position 4 ≥ 3 → 三等奖; 6= starts at 5 < 6 → both 三等奖; 8th at 7 ≥ 6 → none
      expect(names(f, rule('ceil', 'include'))).toEqual(['一等奖', '二等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖', '-', '-', '-']);
      expect(allocateByBands(f, rule('ceil', 'include')).counts).toEqual([1, 3, 3]);
    });

    it("'exclude' pushes each whole tie into the lower band", () => {
      // 3= ends at 4 > 3 → pushed to 三等奖 (ends 4 ≤ 6); 5th ends 5 ≤ 6 → 三等奖;
      // 6= ends 7 > 6 and there is no lower band → none
      expect(names(f, rule('ceil', 'exclude'))).toEqual(['一等奖', '二等奖', '三等奖', '三等奖', '三等奖', '-', '-', '-', '-', '-']);
      expect(allocateByBands(f, rule('ceil', 'exclude')).counts).toEqual([1, 1, 3]);
    });

    it('a tie for 1st at the first edge: include → two 一等奖; exclude → two 二等奖, no 一等奖', () => {
      const g = field([1, 1, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(names(g, rule('ceil', 'include')).slice(0, 4)).toEqual(['一等奖', '一等奖', '二等奖', '三等奖']);
      // include: 1= takes positions 0-1 (edge 1), 3rd at 2 < 3 → 二等奖, 4th at 3 ≥ 3 → 三等奖
      expect(names(g, rule('ceil', 'exclude')).slice(0, 4)).toEqual(['二等奖', '二等奖', '二等奖', '三等奖']);
      // exclude: 1= ends at 2 > 1 → 二等奖 (2 ≤ 3); 3rd ends at 3 ≤ 3 → 二等奖; 4th → 三等奖
    });

    it('a tie wider than the whole remaining room under exclude gets nothing, nor anyone behind it', () => {
      const g = field([1, 2, 2, 2, 2, 2, 2, 8, 9, 10]); // 2= covers positions 1-6
      expect(names(g, rule('ceil', 'exclude'))).toEqual(['一等奖', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
      // include: the tie starts at 1 < 3 → all six 二等奖; then 8th at 7 ≥ 6 → none
      expect(allocateByBands(g, rule('ceil', 'include')).counts).toEqual([1, 6, 0]);
    });
  });

  describe('caps', () => {
    const f = field([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    it('a capped band stops at its cap; free positions flow to the next band (cumulative edges)', () => {
      const r: BandAwardRule = {
        type: 'band',
        rounding: 'ceil',
        tiePolicy: 'include',
        bands: [
          { percent: 20, maxCount: 1, award: 一等奖 }, // edge 2, cap 1
          { percent: 30, award: 二等奖 }, // edge 5
        ],
      };
      // 张伟 一等奖; 王芳 would fit edge 2 but the cap is 1 → 二等奖; 二等奖 takes positions 1-4 (4 > nominal 3)
      expect(names(f, r)).toEqual(['一等奖', '二等奖', '二等奖', '二等奖', '二等奖', '-', '-', '-', '-', '-']);
    });

    it('a cap wins over include: a tie bigger than the cap moves down whole', () => {
      const g = field([1, 1, 3, 4, 5, 6, 7, 8, 9, 10]);
      const r: BandAwardRule = {
        type: 'band',
        rounding: 'ceil',
        tiePolicy: 'include',
        bands: [
          { percent: 10, maxCount: 1, award: 一等奖 },
          { percent: 20, award: 二等奖 },
          { percent: 30, maxCount: 2, award: 三等奖 },
        ],
      };
      // 1= (2 people) > cap 1 → 二等奖; 3rd at 2 < 3 → 二等奖; 4th, 5th → 三等奖 (cap 2); 6th: cap reached → none
      expect(names(g, r)).toEqual(['二等奖', '二等奖', '二等奖', '三等奖', '三等奖', '-', '-', '-', '-', '-']);
      expect(allocateByBands(g, r).counts).toEqual([0, 3, 2]);
    });

    it('a cap of 0 disables a band; a negative or fractional cap is refused', () => {
      const r = (maxCount: number): BandAwardRule => ({ type: 'band', rounding: 'ceil', tiePolicy: 'include', bands: [{ percent: 50, maxCount, award: 一等奖 }] });
      expect(allocateByBands(f, r(0)).awards.size).toBe(0);
      expect(() => allocateByBands(f, r(-1))).toThrow(expect.objectContaining({ code: 'INVALID_BAND_CAP' }));
      expect(() => allocateByBands(f, r(1.5))).toThrow(expect.objectContaining({ code: 'INVALID_BAND_CAP' }));
    });
  });

  describe('minimum score and eligibility', () => {
    it('entries below the minimum get nothing; their position is not handed down', () => {
      const f = field([1, 2, 3, 4, 5, 6, 7], ['95', '90', '85', '80', '59.5', '50', '40']);
      // ceil 1/3/5 → 一, 二, 二, 三, 三(59.5 < 60 → none); nobody behind is promoted
      expect(names(f, rule('ceil', 'include', { minimumTotal: '60' }))).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '-', '-', '-']);
      expect(allocateByBands(f, rule('ceil', 'include', { minimumTotal: '60' })).counts).toEqual([1, 2, 1]);
      // exactly the minimum qualifies
      expect(names(f, rule('ceil', 'include', { minimumTotal: '59.5' }))[4]).toBe('三等奖');
    });

    it('DNS/DNF/DQ and unranked rows are outside the field; a ranked row without a total counts but is never awarded', () => {
      const f: RankedEntry[] = [
        ...field([1, 2, 3, 4, 5, 6, 7]),
        { entryId: '缺赛甲', personIds: ['缺赛甲'], place: null, total: null, status: 'DNS' },
        { entryId: '犯规乙', personIds: ['犯规乙'], place: 2, total: '99', status: 'DQ' },
        { entryId: '未完丙', personIds: ['未完丙'], place: null, total: '10', status: 'DNF' },
        { entryId: '无分丁', personIds: ['无分丁'], place: 8, total: null, status: 'OK' },
      ];
      const res = allocateByBands(f, rule('ceil'));
      // 无分丁 holds a place on the board (OK, placed), so it counts as the board counts it: n = 8.
      expect(res.fieldSize).toBe(8); // boundaries of n = 8: ceil(0.8, 2.4, 4.8) = 1, 3, 5
      expect(res.boundaries).toEqual([1, 3, 5]);
      expect(['缺赛甲', '犯规乙', '未完丙', '无分丁'].some((id) => res.awards.has(id))).toBe(false);
    });

    it('refuses a non-decimal minimum', () => {
      expect(() => allocateByBands(field([1]), rule('ceil', 'include', { minimumTotal: '及格' }))).toThrow(
        expect.objectContaining({ code: 'INVALID_MINIMUM_TOTAL' }),
      );
    });
  });

  it('does not depend on input order', () => {
    const f = field([1, 2, 3, 3, 5, 6, 6, 8, 9, 10]);
    const a = allocateByBands(f, rule('ceil'));
    const b = allocateByBands([...f].reverse(), rule('ceil'));
    expect([...b.awards.entries()].sort()).toEqual([...a.awards.entries()].sort());
  });
});
