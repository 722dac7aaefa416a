import { rankScheme } from './scheme';
import { inputError } from './spec-helpers';
import { computeVerticalJump, validateVerticalJumpConfig, VerticalJumpConfig } from './vertical-jump';

const hj: VerticalJumpConfig = { kind: 'vertical-jump', heightDigits: 2 };
const H = ['1.91', '1.93', '1.95', '1.97', '1.99', '2.01'];
const row = (...trials: string[]) => Object.fromEntries(trials.map((t, i) => [H[i], t]).filter(([, t]) => t !== ''));

describe('vertical jumps — countback (World Athletics TR 26.8)', () => {
  // The high-jump table commonly used to illustrate TR 26.8 (e.g. the encyclopaedia article
  // on the high jump; not the rulebook's own example), heights 1.91 … 2.01:
  //   A  -   -   xo  xo  xo   xxx   best 1.99, 1 failure at 1.99           → 1st
  //   B  o   -   o   o   xxx        best 1.97, 0 failures at 1.97           → 3rd
  //   C  o   -   xo  xo  x-   xx    best 1.97, 1 failure at 1.97           → 4th
  //   D  -   xo  o   xxo xxo  xxx   best 1.99, 2 failures at 1.99          → 2nd
  //   E  -   -   -   xxx            no height cleared                      → NM, no place
  const athletes = {
    A: row('-', '-', 'xo', 'xo', 'xo', 'xxx'),
    B: row('o', '-', 'o', 'o', 'xxx'),
    C: row('o', '-', 'xo', 'xo', 'x-', 'xx'),
    D: row('-', 'xo', 'o', 'xxo', 'xxo', 'xxx'),
    E: row('-', '-', '-', 'xxx'),
  };

  it('computes best height and the countback keys', () => {
    const a = computeVerticalJump(hj, { attempts: athletes.A });
    expect(a.total).toBe('1.99');
    expect(a.tieBreakKeys.map((k) => [k.name, k.value, k.better])).toEqual([
      ['failuresAtBest', '1', 'lower'],
      ['failuresUpToBest', '3', 'lower'], // xo + xo + xo up to 1.99; the xxx at 2.01 does not count
    ]);
    expect(a.breakdown!.eliminated).toBe(true);
    const e = computeVerticalJump(hj, { attempts: athletes.E });
    expect([e.total, e.status]).toEqual([null, 'NM']);
  });

  it('ranks the table A, D, B, C, then E without a place', () => {
    const results = Object.entries(athletes).map(([id, attempts]) => ({ id, result: computeVerticalJump(hj, { attempts }) }));
    const r = rankScheme(hj, results);
    expect(r.map((x) => [x.id, x.place, x.decidedBy])).toEqual([
      ['A', 1, null],
      ['D', 2, 1], // same height as A, more failures at 1.99 (TR 26.8.1)
      ['B', 3, 0], // lower height
      ['C', 4, 1], // same height as B, more failures at 1.97
      ['E', null, null],
    ]);
    expect(r.every((x) => x.flags.length === 0)).toBe(true);
  });

  it('uses the total failures when failures at the last height are equal (TR 26.8.2)', () => {
    // F: o xo o xo  → 1.97, 1 failure at 1.97, 2 in total
    // G: o o  o xo  → 1.97, 1 failure at 1.97, 1 in total → G ahead of F
    const F = computeVerticalJump(hj, { attempts: row('o', 'xo', 'o', 'xo', 'xxx') });
    const G = computeVerticalJump(hj, { attempts: row('o', 'o', 'o', 'xo', 'xxx') });
    const r = rankScheme(hj, [{ id: 'F', result: F }, { id: 'G', result: G }]);
    expect(r.map((x) => [x.id, x.place, x.decidedBy])).toEqual([['G', 1, null], ['F', 2, 2]]);
  });

  it('flags a tie for first that countback cannot split for a jump-off; other ties stand', () => {
    // P and Q identical (2.01 at first attempt, no failures): tie for 1st → JUMP_OFF.
    // R and S identical at 1.95: they share 3rd, no jump-off.
    const same = row('o', 'o', 'o', 'o', 'o', 'o');
    const lower = row('o', 'o', 'o', 'xxx');
    const res = [
      { id: 'P', result: computeVerticalJump(hj, { attempts: same }) },
      { id: 'R', result: computeVerticalJump(hj, { attempts: lower }) },
      { id: 'Q', result: computeVerticalJump(hj, { attempts: same }) },
      { id: 'S', result: computeVerticalJump(hj, { attempts: lower }) },
    ];
    expect(rankScheme(hj, res).map((x) => [x.id, x.place, x.tied, x.flags])).toEqual([
      ['P', 1, true, ['JUMP_OFF']],
      ['Q', 1, true, ['JUMP_OFF']],
      ['R', 3, true, []],
      ['S', 3, true, []],
    ]);
    expect(rankScheme({ ...hj, jumpOffForFirst: false }, res)[0].flags).toEqual([]);
  });

  it('accepts upper case and an announced height list', () => {
    const cfg: VerticalJumpConfig = { ...hj, heights: H };
    expect(computeVerticalJump(cfg, { attempts: { '1.91': 'XO', '1.93': 'XXX' } }).total).toBe('1.91');
  });

  it.each([
    [{ '1.85': 'xa' }, 'attempts[1.85]', '只能包含'],
    [{ '1.85': 'xxxo' }, 'attempts[1.85]', '超过 3 次'],
    [{ '1.85': 'ox' }, 'attempts[1.85]', '成功'],
    [{ '1.85': '-x' }, 'attempts[1.85]', '免跳'],
    [{ '1.85': 'xxx', '1.90': 'o' }, 'attempts[1.90]', '连续三次失败'],
    [{ '1.85': 'xx-', '1.90': 'xo' }, 'attempts[1.90]', '连续三次失败'],
    [{ 'abc': 'o' }, 'attempts[abc]', '高度'],
  ])('rejects %j naming the field', (attempts, field, text) => {
    const e = inputError(() => computeVerticalJump(hj, { attempts }));
    expect([e.code, e.field]).toEqual(['BAD_ATTEMPT', field]);
    expect(e.message).toContain(field);
    expect(e.message).toContain(text);
  });

  it('rejects a height finer than heightDigits instead of rounding it up (1.855 is not 1.86)', () => {
    const e = inputError(() => computeVerticalJump(hj, { attempts: { '1.80': 'o', '1.855': 'o' } }));
    expect([e.code, e.field]).toEqual(['TOO_MANY_DECIMALS', 'attempts[1.855]']);
    // trailing zeros are harmless
    expect(computeVerticalJump(hj, { attempts: { '1.800': 'o' } }).total).toBe('1.80');
    expect(validateVerticalJumpConfig({ ...hj, heights: ['1.80', '1.855'] }).map((e) => e.field)).toEqual(['config.heights[1]']);
  });

  it('rejects a height not in the announced list', () => {
    const e = inputError(() => computeVerticalJump({ ...hj, heights: H }, { attempts: { '1.92': 'o' } }));
    expect([e.code, e.field]).toEqual(['BAD_ATTEMPT', 'attempts[1.92]']);
  });

  it('allows failures carried over after a pass (x- then xx: eliminated, nothing after)', () => {
    const r = computeVerticalJump(hj, { attempts: { '1.85': 'o', '1.90': 'x-', '1.95': 'xx' } });
    expect([r.total, r.breakdown!.eliminated]).toEqual(['1.85', true]);
  });
});
