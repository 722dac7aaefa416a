import { allocatePlacingPoints, WORKERS_GAMES_POINTS, type PlacingPointsTable } from './placing-points';
import { row, 上城, 拱墅, 滨江, 特邀, 萧山, 西湖 } from './fixtures.spec-helpers';
import type { ItemResults } from './types';

// Table from a typical 教职工/职工运动会 竞赛规程: "每项比赛取前八名，按9、7、6、5、4、3、2、1计分"
// (e.g. 浙江农林大学第四届教职工趣味运动会规程, gh.zafu.edu.cn/info/1045/1802.htm);
// relay items doubled, as many 规程 do ("接力项目加倍计分").
const T = WORKERS_GAMES_POINTS;

const pointsOf = (res: ReturnType<typeof allocatePlacingPoints>, entryId: string) =>
  res.allocations.find((a) => a.entryId === entryId)!;
const totalOf = (res: ReturnType<typeof allocatePlacingPoints>, d: string) => res.totals.find((t) => t.delegationId === d)!;

describe('allocatePlacingPoints', () => {
  it('gives 9-7-6-5-4-3-2-1 to places 1–8 and nothing to 9th', () => {
    const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰'];
    const item: ItemResults = { itemId: '男子100米', isRelay: false, rows: names.map((n, i) => row(n, 拱墅, i + 1)) };
    const res = allocatePlacingPoints([item], T);
    expect(names.map((n) => pointsOf(res, n).points)).toEqual(['9', '7', '6', '5', '4', '3', '2', '1', '0']);
    // 9+7+6+5+4+3+2+1 = 37
    expect(totalOf(res, 拱墅).points).toBe('37');
  });

  it('doubles points for relay items with the relay table', () => {
    const item: ItemResults = {
      itemId: '4×100米接力',
      isRelay: true,
      rows: [row('拱墅队', 拱墅, 1), row('西湖队', 西湖, 2), row('上城队', 上城, 3)],
    };
    const res = allocatePlacingPoints([item], T);
    expect(res.allocations.map((a) => a.points)).toEqual(['18', '14', '12']);
  });

  it('two tied for 2nd share (7+6)/2 = 6.5 each; the next is 4th and gets 5', () => {
    const item: ItemResults = {
      itemId: '女子跳远',
      isRelay: false,
      rows: [row('王芳', 拱墅, 1), row('李娜', 西湖, 2), row('刘洋', 上城, 2), row('陈静', 滨江, 4)],
    };
    const res = allocatePlacingPoints([item], T);
    expect(pointsOf(res, '王芳').points).toBe('9');
    expect(pointsOf(res, '李娜')).toMatchObject({ scoringPlace: 2, tieSize: 2, points: '6.5', pointsFraction: '13/2', exact: true });
    expect(pointsOf(res, '刘洋').points).toBe('6.5');
    expect(pointsOf(res, '陈静')).toMatchObject({ scoringPlace: 4, points: '5' });
  });

  it('three tied for 2nd share (7+6+5)/3 = 6; two tied for 5th share (4+3)/2 = 3.5', () => {
    const item: ItemResults = {
      itemId: '男子跳高',
      isRelay: false,
      rows: [row('甲', 拱墅, 1), row('乙', 西湖, 2), row('丙', 上城, 2), row('丁', 滨江, 2), row('戊', 萧山, 5), row('己', 萧山, 5)],
    };
    const res = allocatePlacingPoints([item], T);
    // places 2,3,4 → (7+6+5)/3 = 18/3 = 6
    expect(['乙', '丙', '丁'].map((e) => pointsOf(res, e).points)).toEqual(['6', '6', '6']);
    // places 5,6 → (4+3)/2 = 3.5; 萧山 total 7
    expect(pointsOf(res, '戊').points).toBe('3.5');
    expect(totalOf(res, 萧山).points).toBe('7');
  });

  it('two tied for 4th share (5+4)/2 = 4.5 exactly', () => {
    const item: ItemResults = {
      itemId: '女子铅球',
      isRelay: false,
      rows: [row('甲', 拱墅, 1), row('乙', 拱墅, 2), row('丙', 拱墅, 3), row('丁', 西湖, 4), row('戊', 上城, 4)],
    };
    const res = allocatePlacingPoints([item], T);
    expect(pointsOf(res, '丁').points).toBe('4.5');
    expect(pointsOf(res, '戊').points).toBe('4.5');
  });

  it('keeps non-terminating shares exact as fractions: three tied for 1st get 22/3 each', () => {
    // (9+7+6)/3 = 22/3 = 7.333…; all three in 拱墅 → total exactly 22
    const item: ItemResults = {
      itemId: '跳绳',
      isRelay: false,
      rows: [row('甲', 拱墅, 1), row('乙', 拱墅, 1), row('丙', 拱墅, 1), row('丁', 西湖, 4)],
    };
    const res = allocatePlacingPoints([item], T);
    expect(pointsOf(res, '甲')).toMatchObject({ points: '7.3333', pointsFraction: '22/3', exact: false });
    expect(totalOf(res, 拱墅)).toMatchObject({ points: '22', pointsFraction: '22', exact: true });
    expect(pointsOf(res, '丁').points).toBe('5');
  });

  it('a tie across the last scoring place shares with the zero beyond the table: (1+0)/2 = 0.5', () => {
    const rows = ['1', '2', '3', '4', '5', '6', '7'].map((n, i) => row(`选手${n}`, 拱墅, i + 1));
    rows.push(row('王五', 西湖, 8), row('赵六', 上城, 8));
    const res = allocatePlacingPoints([{ itemId: '飞镖', isRelay: false, rows }], T);
    expect(pointsOf(res, '王五').points).toBe('0.5');
    expect(pointsOf(res, '赵六').points).toBe('0.5');
  });

  it('skips a guest who finished 1st: the best non-guest gets 1st-place points', () => {
    const item: ItemResults = {
      itemId: '男子1500米',
      isRelay: false,
      rows: [row('外援甲', 特邀, 1, { guest: true }), row('张伟', 拱墅, 2), row('李强', 西湖, 3)],
    };
    const res = allocatePlacingPoints([item], T);
    expect(pointsOf(res, '外援甲')).toMatchObject({ points: '0', scoringPlace: null, ineligibleReason: 'GUEST' });
    expect(pointsOf(res, '张伟')).toMatchObject({ scoringPlace: 1, points: '9' });
    expect(pointsOf(res, '李强')).toMatchObject({ scoringPlace: 2, points: '7' });
    // guest-only delegations are not in the standings
    expect(res.totals.map((t) => t.delegationId)).toEqual([拱墅, 西湖]);
  });

  it('skips DNS/DNF/DQ and unplaced rows when counting places', () => {
    const item: ItemResults = {
      itemId: '女子400米',
      isRelay: false,
      rows: [
        row('王芳', 拱墅, 1, { status: 'DQ' }), // placed 1st, then disqualified
        row('李娜', 西湖, 2),
        row('刘洋', 上城, null, { status: 'DNF' }),
        row('陈静', 滨江, null, { status: 'DNS' }),
        row('周敏', 萧山, 3),
        row('孙丽', 萧山, null), // OK but not placed (eliminated in heats)
      ],
    };
    const res = allocatePlacingPoints([item], T);
    expect(pointsOf(res, '王芳')).toMatchObject({ points: '0', ineligibleReason: 'NOT_OK' });
    expect(pointsOf(res, '李娜')).toMatchObject({ scoringPlace: 1, points: '9' });
    expect(pointsOf(res, '周敏')).toMatchObject({ scoringPlace: 2, points: '7' });
    expect(pointsOf(res, '孙丽')).toMatchObject({ points: '0', ineligibleReason: 'UNPLACED' });
    expect(pointsOf(res, '陈静').ineligibleReason).toBe('NOT_OK');
  });

  it('a guest inside a tie group does not count towards the tie size', () => {
    // official places: 1 张伟, 2= 外援 (guest) and 李强, 4 王五 → eligible: 1, 2, 3
    const rows = [row('张伟', 拱墅, 1), row('外援', 特邀, 2, { guest: true }), row('李强', 西湖, 2), row('王五', 上城, 4)];
    const res = allocatePlacingPoints([{ itemId: '羽毛球', isRelay: false, rows }], T);
    expect(pointsOf(res, '李强')).toMatchObject({ scoringPlace: 2, tieSize: 1, points: '7' });
    expect(pointsOf(res, '王五')).toMatchObject({ scoringPlace: 3, points: '6' });
  });

  it('sums delegations over items and ranks by points, then by countback of 1st, 2nd … places', () => {
    const items: ItemResults[] = [
      { itemId: 'A', isRelay: false, rows: [row('a1', 拱墅, 1), row('a2', 西湖, 2), row('a3', 上城, 3)] },
      { itemId: 'B', isRelay: false, rows: [row('b1', 上城, 1), row('b2', 西湖, 2), row('b3', 拱墅, 3)] },
    ];
    // 拱墅 9+6 = 15 (one 1st), 上城 6+9 = 15 (one 1st), 西湖 7+7 = 14
    // 拱墅 and 上城: equal points, equal countback (1 first, 0 second, 1 third) → share rank 1
    const res = allocatePlacingPoints(items, T, [滨江]);
    expect(res.totals.map((t) => [t.delegationId, t.rank, t.points])).toEqual([
      [上城, 1, '15'], // ids compared by code point: 上 (U+4E0A) < 拱 (U+62F1)
      [拱墅, 1, '15'],
      [西湖, 3, '14'],
      [滨江, 4, '0'], // listed delegation with no result
    ]);
    expect(res.totals[0].placeCounts).toEqual([1, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('breaks equal points by more 1st places', () => {
    const filler = [1, 2, 3, 4, 5, 6].map((p) => row(`上城${p}`, 上城, p));
    const items: ItemResults[] = [
      { itemId: 'A', isRelay: false, rows: [row('a1', 西湖, 1), row('a2', 拱墅, 2)] },
      { itemId: 'B', isRelay: false, rows: [...filler, row('b7', 拱墅, 7)] },
    ];
    // 西湖 9 (one 1st); 拱墅 7 (2nd in A) + 2 (7th in B) = 9, no 1st → 西湖 ranks ahead
    const res = allocatePlacingPoints(items, T);
    expect(res.totals.filter((t) => t.delegationId !== 上城).map((t) => [t.delegationId, t.rank, t.points])).toEqual([
      [西湖, 2, '9'],
      [拱墅, 3, '9'],
    ]);
    // 上城 9+7+6+5+4+3 = 34 → rank 1
    expect(totalOf(res, 上城)).toMatchObject({ rank: 1, points: '34' });
  });

  it('accepts decimal table values and keeps them exact', () => {
    const table: PlacingPointsTable = { individual: ['2.5', '1.5', '0.1'], relay: [] };
    const rows = [row('甲', 拱墅, 1), row('乙', 西湖, 1), row('丙', 上城, 3)];
    const res = allocatePlacingPoints([{ itemId: 'x', isRelay: false, rows }], table);
    // (2.5+1.5)/2 = 2
    expect(pointsOf(res, '甲').points).toBe('2');
    expect(pointsOf(res, '丙').points).toBe('0.1');
  });

  it('is deterministic: allocations sorted by item, place, entry', () => {
    const rows = [row('丙', 上城, 3), row('甲', 拱墅, 1), row('乙', 西湖, 2)];
    const a = allocatePlacingPoints([{ itemId: 'x', isRelay: false, rows }], T);
    const b = allocatePlacingPoints([{ itemId: 'x', isRelay: false, rows: [...rows].reverse() }], T);
    expect(a).toEqual(b);
    expect(a.allocations.map((x) => x.entryId)).toEqual(['甲', '乙', '丙']);
  });

  it('refuses malformed input with coded errors', () => {
    const bad = (rows: ItemResults['rows'], table: PlacingPointsTable = T) => () =>
      allocatePlacingPoints([{ itemId: 'x', isRelay: false, rows }], table);
    expect(bad([row('甲', 拱墅, 1), row('甲', 拱墅, 2)])).toThrow(expect.objectContaining({ code: 'DUPLICATE_ENTRY' }));
    expect(bad([row('甲', 拱墅, 0)])).toThrow(expect.objectContaining({ code: 'INVALID_PLACE' }));
    expect(bad([row('甲', 拱墅, 1.5)])).toThrow(expect.objectContaining({ code: 'INVALID_PLACE' }));
    expect(bad([], { individual: [-1], relay: [] })).toThrow(expect.objectContaining({ code: 'INVALID_POINTS_TABLE' }));
    expect(bad([], { individual: ['九'], relay: [] })).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
    const item = { itemId: 'x', isRelay: false, rows: [] };
    expect(() => allocatePlacingPoints([item, item], T)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ITEM' }));
  });
});
