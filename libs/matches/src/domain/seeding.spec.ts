import { recordingLot, replayLot } from './lot';
import { MatchesErrorCode } from './matches-error';
import { makeDraw, seedLineGroups } from './seeding';

const 种子 = ['吴易昺', '张之臻', '商竣程', '布云朝克特', '白卓璇', '朱琳', '袁悦', '王蔷'];
const 非种子 = ['李明', '王芳', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '徐丽', '孙浩', '马超', '胡军', '郭晶', '何平', '高峰', '林涛', '罗兰', '梁雪', '宋佳', '郑凯', '谢红', '韩冰', '唐宁'];
const lineOf = (lines: (string | null)[], p: string) => lines.indexOf(p) + 1;

describe('seed lines (ITF/ATP seeding placement)', () => {
  it('a 32 draw: 1 on line 1, 2 on 32, 3–4 on 9 and 24, 5–8 on 8, 16, 17, 25', () => {
    expect(seedLineGroups(32, 4)).toEqual([[1], [32], [9, 24], [8, 16, 17, 25]]);
  });

  it('a 16 draw: 3–4 on lines 5 and 12', () => {
    expect(seedLineGroups(16, 3)).toEqual([[1], [16], [5, 12]]);
  });

  it('a 128 draw: one seed per segment, 9–16 and 17–32 where the Grand Slam draws put them', () => {
    const g = seedLineGroups(128, 6);
    expect(g[2]).toEqual([33, 96]);
    expect(g[3]).toEqual([32, 64, 65, 97]);
    expect(g[4]).toEqual([16, 17, 48, 49, 80, 81, 112, 113]);
    expect(g[5].slice(0, 4)).toEqual([8, 9, 24, 25]);
  });
});

describe('single-elimination draw', () => {
  it('16 players, 4 seeds: 1 top, 2 bottom, 3–4 by lot on lines 5 and 12, everyone placed once', () => {
    const lines = makeDraw({ seeds: 种子.slice(0, 4), unseeded: 非种子.slice(0, 12) }, recordingLot(2026));
    expect(lines).toHaveLength(16);
    expect(lines.filter((p) => p === null)).toHaveLength(0);
    expect(new Set(lines).size).toBe(16);
    expect(lineOf(lines, '吴易昺')).toBe(1);
    expect(lineOf(lines, '张之臻')).toBe(16);
    expect([lineOf(lines, '商竣程'), lineOf(lines, '布云朝克特')].sort((a, b) => a - b)).toEqual([5, 12]);
  });

  it('the lot decides seeds 3–4: different lots put them both ways round', () => {
    const seen = new Set<number>();
    for (let s = 1; s <= 20; s++) seen.add(lineOf(makeDraw({ seeds: 种子.slice(0, 4), unseeded: 非种子.slice(0, 12) }, recordingLot(s)), '商竣程'));
    expect([...seen].sort((a, b) => a - b)).toEqual([5, 12]);
  });

  it('13 players in a draw of 16: the 3 byes face seeds 1, 2 and 3', () => {
    const lines = makeDraw({ seeds: 种子.slice(0, 4), unseeded: 非种子.slice(0, 9), size: 16 }, recordingLot(7));
    const byes = lines.flatMap((p, i) => (p === null ? [i + 1] : []));
    const seed3 = lineOf(lines, '商竣程');
    expect(byes).toEqual([2, 15, seed3 === 5 ? 6 : 11].sort((a, b) => a - b));
    const seed4 = lineOf(lines, '布云朝克特');
    expect(lines[(seed4 % 2 === 1 ? seed4 + 1 : seed4 - 1) - 1]).not.toBeNull(); // seed 4 plays a first round
  });

  it('byes beyond the seeds go to where the next seeds would stand, one per section', () => {
    // 11 players, 2 seeds, 16 lines: 5 byes; seeds 1–2 take two, the rest face lines 5/12 and one of 4, 8, 9, 13
    const lines = makeDraw({ seeds: 种子.slice(0, 2), unseeded: 非种子.slice(0, 9), size: 16 }, recordingLot(3));
    const byes = lines.flatMap((p, i) => (p === null ? [i + 1] : []));
    expect(byes).toHaveLength(5);
    expect(byes).toEqual(expect.arrayContaining([2, 15, 6, 11]));
    expect([3, 7, 10, 14]).toContain(byes.find((l) => ![2, 15, 6, 11].includes(l)));
  });

  it('32 players, 8 seeds: 3–4 on 9 and 24, 5–8 on 8, 16, 17, 25', () => {
    const lines = makeDraw({ seeds: 种子, unseeded: 非种子 }, recordingLot(99));
    const at = (from: number, to: number) => 种子.slice(from, to).map((p) => lineOf(lines, p)).sort((a, b) => a - b);
    expect(at(0, 2)).toEqual([1, 32]);
    expect(at(2, 4)).toEqual([9, 24]);
    expect(at(4, 8)).toEqual([8, 16, 17, 25]);
    expect(new Set(lines).size).toBe(32);
  });

  it('replays exactly from the recorded draws', () => {
    const input = { seeds: 种子, unseeded: 非种子 };
    const lot = recordingLot(20261207);
    const first = makeDraw(input, lot);
    expect(makeDraw(input, replayLot(lot.draws))).toEqual(first);
    expect(makeDraw(input, recordingLot(20261208))).not.toEqual(first);
  });

  it('refuses a replay from a record that runs out', () => {
    const lot = recordingLot(1);
    makeDraw({ seeds: 种子.slice(0, 4), unseeded: 非种子.slice(0, 12) }, lot);
    expect(() => makeDraw({ seeds: 种子.slice(0, 4), unseeded: 非种子.slice(0, 12) }, replayLot(lot.draws.slice(0, 3)))).toThrow(expect.objectContaining({ code: MatchesErrorCode.LotExhausted }));
  });

  it('refuses a draw that is not a power of two, too small, half byes, or over half seeded', () => {
    const bad = expect.objectContaining({ code: MatchesErrorCode.BadDraw });
    expect(() => makeDraw({ seeds: [], unseeded: 非种子.slice(0, 10), size: 12 }, recordingLot(1))).toThrow(bad);
    expect(() => makeDraw({ seeds: [], unseeded: 非种子.slice(0, 20), size: 16 }, recordingLot(1))).toThrow(bad);
    expect(() => makeDraw({ seeds: [], unseeded: 非种子.slice(0, 8), size: 16 }, recordingLot(1))).toThrow(bad);
    expect(() => makeDraw({ seeds: [...种子, '李明'], unseeded: ['王芳', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄强'] }, recordingLot(1))).toThrow(bad);
  });
});
