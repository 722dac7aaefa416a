import fc from 'fast-check';
// The board's own rule, read from its context's domain: the property below holds awards to it.
import { computeScoringPlaces } from '../../../results/src/domain/scoring-places';
import { allocateAwards, type AwardRule } from './allocate-awards';
import { awardPlaces } from './award-places';
import { allocateByBands, type BandAwardRule } from './band-allocation';
import type { EntryStatus, RankedEntry } from './types';

/** One contestant as the tally leaves them: a status, and a total when they finished. */
const contestant = fc.record({
  status: fc.constantFrom<EntryStatus>('OK', 'OK', 'OK', 'OK', 'OK', 'DNS', 'DNF', 'DQ', 'NM'),
  // Few distinct totals, so ties are common.
  total: fc.integer({ min: 80, max: 88 }),
});

/**
 * A field ranked as the tally ranks it: OK rows by total over the whole field, guests included,
 * ties sharing a place ("1, 2, 2, 4"); everyone else unplaced and without a total.
 */
const field = fc.array(fc.record({ c: contestant, guestDraw: fc.integer({ min: 0, max: 5 }) }), { minLength: 0, maxLength: 40 }).map((rows) =>
  rows.map(({ c, guestDraw }, i): RankedEntry => {
    const ok = c.status === 'OK';
    const totals = rows.filter((r) => r.c.status === 'OK').map((r) => r.c.total);
    return {
      entryId: `E${i + 1}`,
      personIds: [`P${i + 1}`],
      place: ok ? 1 + totals.filter((t) => t > c.total).length : null,
      total: ok ? String(c.total) : null,
      status: c.status,
      // About one in six is a guest (特邀).
      guest: guestDraw === 0,
    };
  }),
);

/** The places the results board counts (guests and DNS/DNF/DQ skipped, ties shared). */
function boardPlaces(f: readonly RankedEntry[]): Map<string, number | null> {
  const rows = f.map((e) => ({ entryId: e.entryId, delegationId: '', place: e.place, status: e.status, guest: e.guest ?? false }));
  return new Map(computeScoringPlaces(rows).map((p) => [p.entryId, p.scoringPlace]));
}

/** A rank rule with an award of its own for every place 1…40, so a grant names the place it was given for. */
const EVERY_PLACE: AwardRule = {
  type: 'rank',
  tiers: Array.from({ length: 40 }, (_, i) => ({ fromPlace: i + 1, award: { code: `P${i + 1}`, name: `第${i + 1}名奖`, level: 1 } })),
};

const band = (percentOf?: 'ranked' | 'started'): BandAwardRule => ({
  type: 'band',
  bands: [{ percent: 100, award: { code: 'ALL', name: '参与奖', level: 1 } }],
  rounding: 'floor',
  tiePolicy: 'include',
  ...(percentOf ? { percentOf } : {}),
});

describe('award places are the board places', () => {
  it('for random fields with guests, ties and DNS/DNF/DQ: awardPlaces equals the board, entry by entry', () => {
    fc.assert(
      fc.property(field, (f) => {
        expect(Object.fromEntries(awardPlaces(f))).toEqual(Object.fromEntries(boardPlaces(f)));
      }),
      { numRuns: 500 },
    );
  });

  it('for random fields: a rank rule awards every entry the prize of its board place, and nobody else', () => {
    fc.assert(
      fc.property(field, (f) => {
        const board = boardPlaces(f);
        const granted = new Map(allocateAwards(f, [EVERY_PLACE]).map((g) => [g.entryId, g.awardCode]));
        for (const e of f) {
          const place = board.get(e.entryId);
          expect([e.entryId, granted.get(e.entryId)]).toEqual([e.entryId, place === null ? undefined : `P${place}`]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('for random fields: a band takes its percent of the official contestants ranked, or of those who started when the rule says so', () => {
    fc.assert(
      fc.property(field, (f) => {
        const ranked = [...boardPlaces(f).values()].filter((p) => p !== null).length;
        const started = f.filter((e) => !e.guest && e.status !== 'DNS').length;
        expect(allocateByBands(f, band()).fieldSize).toBe(ranked);
        expect(allocateByBands(f, band('ranked')).fieldSize).toBe(ranked);
        expect(allocateByBands(f, band('started')).fieldSize).toBe(started);
        // 100 % of the ranked: exactly the board-ranked entries, never a guest.
        expect([...allocateByBands(f, band()).awards.keys()].sort()).toEqual(f.filter((e) => board(f, e.entryId) !== null).map((e) => e.entryId).sort());
      }),
      { numRuns: 300 },
    );
  });
});

const board = (f: readonly RankedEntry[], entryId: string) => boardPlaces(f).get(entryId);

describe('guests (特邀) and awards', () => {
  const e = (entryId: string, place: number | null, opts: Partial<RankedEntry> = {}): RankedEntry => ({
    entryId,
    personIds: [entryId],
    place,
    total: place === null ? null : String(100 - place),
    status: 'OK',
    ...opts,
  });
  const 一二三: AwardRule = {
    type: 'rank',
    tiers: [
      { fromPlace: 1, award: { code: 'FIRST', name: '一等奖', level: 1 } },
      { fromPlace: 2, award: { code: 'SECOND', name: '二等奖', level: 2 } },
      { fromPlace: 3, award: { code: 'THIRD', name: '三等奖', level: 3 } },
    ],
  };
  const names = (f: RankedEntry[], rules: AwardRule[]) => Object.fromEntries(allocateAwards(f, rules).map((g) => [g.entryId, g.awardName]));

  it('a guest who finishes first wins nothing, and the first official contestant gets the first prize', () => {
    const f = [e('特邀外援', 1, { guest: true }), e('张伟', 2), e('王芳', 3), e('李娜', 3), e('刘洋', null, { status: 'DNS' }), e('陈静', 5)];
    // Board places: 张伟 1, 王芳 and 李娜 2 (tied), 陈静 4.
    expect(names(f, [一二三])).toEqual({ 张伟: '一等奖', 王芳: '二等奖', 李娜: '二等奖' });
  });

  it('a guest never takes a threshold award or a band place', () => {
    const f = [e('特邀外援', 1, { guest: true }), e('张伟', 2), e('王芳', 3)];
    const threshold: AwardRule = { type: 'threshold', thresholds: [{ minTotal: '90', award: { code: 'MEDAL', name: '优秀奖章', level: 3 } }] };
    expect(names(f, [threshold])).toEqual({ 张伟: '优秀奖章', 王芳: '优秀奖章' });
    // Top 50 % of two official contestants is one: 张伟, not the guest.
    const half: AwardRule = { type: 'band', bands: [{ percent: 50, award: { code: 'B1', name: '一等奖', level: 1 } }], rounding: 'floor', tiePolicy: 'include' };
    expect(names(f, [half])).toEqual({ 张伟: '一等奖' });
  });

  it('counts a band of "those who started" over DNF and DQ as well, never over DNS or guests', () => {
    // Ranked: 张伟, 王芳 (n = 2). Started: also 李娜 (DNF) and 刘洋 (DQ) (n = 4). 陈静 did not start.
    const f = [
      e('特邀外援', 1, { guest: true }),
      e('张伟', 2),
      e('王芳', 3),
      e('李娜', null, { status: 'DNF' }),
      e('刘洋', null, { status: 'DQ' }),
      e('陈静', null, { status: 'DNS' }),
    ];
    const top = (percentOf?: 'ranked' | 'started'): AwardRule => ({
      type: 'band',
      bands: [{ percent: 50, award: { code: 'B1', name: '一等奖', level: 1 } }],
      rounding: 'floor',
      tiePolicy: 'include',
      ...(percentOf ? { percentOf } : {}),
    });
    expect(names(f, [top()])).toEqual({ 张伟: '一等奖' }); // floor(50 % × 2) = 1
    expect(names(f, [top('started')])).toEqual({ 张伟: '一等奖', 王芳: '一等奖' }); // floor(50 % × 4) = 2
    expect(() => allocateAwards(f, [{ ...top(), percentOf: 'entered' } as never])).toThrow(expect.objectContaining({ code: 'INVALID_BAND_BASIS' }));
  });
});
