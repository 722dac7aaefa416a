import { buildMedalTable, type MedalItem } from './medal-table';
import { row, 上城, 拱墅, 滨江, 特邀, 萧山, 西湖 } from './fixtures.spec-helpers';

const medals = (table: ReturnType<typeof buildMedalTable>) => table.map((r) => [r.delegationId, r.rank, r.gold, r.silver, r.bronze]);

describe('buildMedalTable', () => {
  it('awards gold/silver/bronze to scoring places 1/2/3', () => {
    const items: MedalItem[] = [{ itemId: '男子100米', rows: [row('张伟', 拱墅, 1), row('李强', 西湖, 2), row('王五', 上城, 3), row('赵六', 滨江, 4)] }];
    expect(medals(buildMedalTable(items, { mode: 'gold-first' }))).toEqual([
      [拱墅, 1, 1, 0, 0],
      [西湖, 2, 0, 1, 0],
      [上城, 3, 0, 0, 1],
      [滨江, 4, 0, 0, 0],
    ]);
  });

  it('two tied for 1st both take gold, no silver, the next takes bronze ("1,1,3")', () => {
    const items: MedalItem[] = [{ itemId: '男子跳高', rows: [row('张伟', 拱墅, 1), row('李强', 西湖, 1), row('王五', 上城, 3), row('赵六', 滨江, 4)] }];
    const t = buildMedalTable(items, { mode: 'gold-first' });
    expect(medals(t)).toEqual([
      [拱墅, 1, 1, 0, 0],
      [西湖, 1, 1, 0, 0],
      [上城, 3, 0, 0, 1],
      [滨江, 4, 0, 0, 0],
    ]);
    expect(t.reduce((s, r) => s + r.silver, 0)).toBe(0);
  });

  it('two tied for 3rd both take bronze', () => {
    const items: MedalItem[] = [{ itemId: '女子跳远', rows: [row('甲', 拱墅, 1), row('乙', 西湖, 2), row('丙', 上城, 3), row('丁', 滨江, 3)] }];
    const t = buildMedalTable(items, { mode: 'gold-first' });
    expect(t.find((r) => r.delegationId === 上城)!.bronze).toBe(1);
    expect(t.find((r) => r.delegationId === 滨江)!.bronze).toBe(1);
  });

  it('guests take no medal and do not push anyone down; DNS/DQ never medal', () => {
    const items: MedalItem[] = [
      {
        itemId: '男子1500米',
        rows: [
          row('外援甲', 特邀, 1, { guest: true }),
          row('张伟', 拱墅, 2, { status: 'DQ' }),
          row('李强', 西湖, 3),
          row('王五', 上城, 4),
          row('赵六', 滨江, 5),
          row('孙七', 萧山, null, { status: 'DNS' }),
        ],
      },
    ];
    // eligible: 李强 → gold, 王五 → silver, 赵六 → bronze
    expect(medals(buildMedalTable(items, { mode: 'gold-first' }))).toEqual([
      [西湖, 1, 1, 0, 0],
      [上城, 2, 0, 1, 0],
      [滨江, 3, 0, 0, 1],
      [拱墅, 4, 0, 0, 0],
      [萧山, 4, 0, 0, 0],
    ]);
  });

  const threeItems: MedalItem[] = [
    // three items
    { itemId: 'A', rows: [row('a1', 拱墅, 1), row('a2', 西湖, 2), row('a3', 上城, 3)] },
    { itemId: 'B', rows: [row('b1', 上城, 1), row('b2', 西湖, 2), row('b3', 上城, 3)] },
    { itemId: 'C', rows: [row('c1', 滨江, 1), row('c2', 西湖, 2), row('c3', 上城, 3)] },
  ];
  // 拱墅 1-0-0, 西湖 0-3-0, 上城 1-0-3, 滨江 1-0-0

  it("orders 'gold-first' by golds, silvers, bronzes; equal keys share a rank, listed by pinyin name", () => {
    const names = { [拱墅]: '拱墅区总工会', [滨江]: '滨江区总工会', [上城]: '上城区总工会', [西湖]: '西湖区总工会' };
    const t = buildMedalTable(threeItems, { mode: 'gold-first' }, { delegationNames: names });
    // 上城 1-0-3 > {滨江 1-0-0 = 拱墅 1-0-0} > 西湖 0-3-0; bīn before gǒng
    expect(medals(t)).toEqual([
      [上城, 1, 1, 0, 3],
      [滨江, 2, 1, 0, 0],
      [拱墅, 2, 1, 0, 0],
      [西湖, 4, 0, 3, 0],
    ]);
    expect(t[0]).toMatchObject({ name: '上城区总工会', total: 4 });
  });

  it("orders 'weighted' by 3/2/1 points by default, then golds", () => {
    const t = buildMedalTable(threeItems, { mode: 'weighted' });
    // 上城 3+3 = 6, 西湖 3×2 = 6, 拱墅 3, 滨江 3; 上城 vs 西湖 equal points → more golds: 上城
    expect(t.map((r) => [r.delegationId, r.rank, r.weightedPoints])).toEqual([
      [上城, 1, '6'],
      [西湖, 2, '6'],
      [滨江, 3, '3'], // 滨江 and 拱墅 share rank 3; no names given → ids collated by pinyin: bīn < gǒng
      [拱墅, 3, '3'],
    ]);
  });

  it('accepts custom (decimal) weights', () => {
    const t = buildMedalTable(threeItems, { mode: 'weighted', weights: { gold: '5', silver: '2.5', bronze: 1 } });
    // 西湖 3×2.5 = 7.5; 上城 5+3 = 8; 拱墅 5; 滨江 5
    expect(t.map((r) => [r.delegationId, r.weightedPoints])).toEqual([
      [上城, '8'],
      [西湖, '7.5'],
      [滨江, '5'],
      [拱墅, '5'],
    ]);
  });

  it('weighted ties with equal golds, silvers and bronzes share a rank', () => {
    const items: MedalItem[] = [{ itemId: 'A', rows: [row('a', 拱墅, 1), row('b', 西湖, 1)] }];
    expect(buildMedalTable(items, { mode: 'weighted' }).map((r) => r.rank)).toEqual([1, 1]);
  });

  it('lists requested delegations with no rows', () => {
    const t = buildMedalTable([], { mode: 'gold-first' }, { delegationIds: [西湖, 拱墅] });
    expect(medals(t)).toEqual([
      [拱墅, 1, 0, 0, 0],
      [西湖, 1, 0, 0, 0],
    ]);
  });

  it('refuses negative weights and duplicate items', () => {
    expect(() => buildMedalTable([], { mode: 'weighted', weights: { gold: -1, silver: 0, bronze: 0 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_MEDAL_WEIGHTS' }),
    );
    const item: MedalItem = { itemId: 'A', rows: [] };
    expect(() => buildMedalTable([item, item], { mode: 'gold-first' })).toThrow(expect.objectContaining({ code: 'DUPLICATE_ITEM' }));
  });
});
