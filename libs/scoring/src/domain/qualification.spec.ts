import { qualify, QualificationConfig, QualificationEntry, type Qualifier, seedNextRound } from './qualification';
import { inputError } from './spec-helpers';

// 3 heats, first 2 of each heat (Q) + 2 fastest losers (q) → 8 for an 8-lane semi-final.
const cfg: QualificationConfig = { byPlace: 2, byPerformance: 2, better: 'lower' };

function heats(overrides: Record<string, Partial<QualificationEntry>> = {}): QualificationEntry[] {
  const base: QualificationEntry[] = [
    { id: 'a1', heat: 'H1', place: 1, performance: '10.10' },
    { id: 'a2', heat: 'H1', place: 2, performance: '10.20' },
    { id: 'a3', heat: 'H1', place: 3, performance: '10.30' },
    { id: 'a4', heat: 'H1', place: 4, performance: '10.45' },
    { id: 'b1', heat: 'H2', place: 1, performance: '10.05' },
    { id: 'b2', heat: 'H2', place: 2, performance: '10.25' },
    { id: 'b3', heat: 'H2', place: 3, performance: '10.31' },
    { id: 'b4', heat: 'H2', status: 'DNF' },
    { id: 'c1', heat: 'H3', place: 1, performance: '10.15' },
    { id: 'c2', heat: 'H3', place: 2, performance: '10.22' },
    { id: 'c3', heat: 'H3', place: 3, performance: '10.29' },
    { id: 'c4', heat: 'H3', place: 4, performance: '10.50' },
    { id: 'c5', heat: 'H3', status: 'DQ' },
  ];
  return base.map((e) => ({ ...e, ...(overrides[e.id] ?? {}) }));
}
const marks = (r: ReturnType<typeof qualify>) => Object.fromEntries(r.rows.filter((x) => x.qualified || x.draw).map((x) => [x.id, x.draw ? 'draw' : x.qualified]));

describe('qualification from heats (World Athletics TR 20 / TR 21)', () => {
  it('Q by place in each heat, then q by the next best times', () => {
    // Q: a1 a2 b1 b2 c1 c2; remaining finishers by time: c3 10.29, a3 10.30, b3 10.31, a4, c4 → q: c3, a3
    const r = qualify(cfg, heats());
    expect(marks(r)).toEqual({ a1: 'Q', a2: 'Q', b1: 'Q', b2: 'Q', c1: 'Q', c2: 'Q', c3: 'q', a3: 'q' });
    expect([r.nominal, r.room, r.draws]).toEqual([8, 8, []]);
    expect(r.rows.find((x) => x.id === 'b4')).toEqual({ id: 'b4', heat: 'H2', place: null, qualified: null, draw: false });
  });

  it('a tie for the last Q place: both qualify, and one fewer goes through on time', () => {
    // a2 and a3 share 2nd place in heat 1 → 7 Q; 8 − 7 = 1 q place → c3 only.
    const r = qualify(cfg, heats({ a3: { place: 2, performance: '10.20' } }));
    expect(marks(r)).toEqual({ a1: 'Q', a2: 'Q', a3: 'Q', b1: 'Q', b2: 'Q', c1: 'Q', c2: 'Q', c3: 'q' });
  });

  it('a tie for the last q place is first split at 1/1000 s', () => {
    // a3 and b3 both 10.30 officially; 10.292 < 10.296 → a3 takes the 2nd q place.
    const r = qualify(cfg, heats({ a3: { performance: '10.30', raw: '10.292' }, b3: { performance: '10.30', raw: '10.296' }, c3: { raw: '10.281' } }));
    expect(marks(r)).toMatchObject({ c3: 'q', a3: 'q' });
    expect(r.rows.find((x) => x.id === 'b3')!.qualified).toBeNull();
  });

  it('a q tie that 1/1000 cannot split: flagged for a draw when lanes are full, both advance when there is room', () => {
    const tie = { a3: { performance: '10.30', raw: '10.293' }, b3: { performance: '10.30', raw: '10.293' } };
    const full = qualify(cfg, heats(tie));
    expect(marks(full)).toMatchObject({ c3: 'q', a3: 'draw', b3: 'draw' });
    expect(full.draws).toEqual([{ basis: 'performance', ids: ['a3', 'b3'], places: 1 }]);
    const spare = qualify({ ...cfg, maxAdvancing: 9 }, heats(tie));
    expect(marks(spare)).toMatchObject({ c3: 'q', a3: 'q', b3: 'q' });
    expect(spare.draws).toEqual([]);
  });

  it('a tie for a Q place when no room at all is left: draw among the tied', () => {
    // 2 heats, first 2 qualify, no q, 4 lanes. Heat 1 has a dead heat for 2nd → 5 Q for 4 lanes.
    const entries: QualificationEntry[] = [
      { id: 'x1', heat: 'H1', place: 1, performance: '50.01' },
      { id: 'x2', heat: 'H1', place: 2, performance: '50.50' },
      { id: 'x3', heat: 'H1', place: 2, performance: '50.50' },
      { id: 'y1', heat: 'H2', place: 1, performance: '50.10' },
      { id: 'y2', heat: 'H2', place: 2, performance: '50.20' },
    ];
    const r = qualify({ byPlace: 2, byPerformance: 0, better: 'lower' }, entries);
    expect(marks(r)).toEqual({ x1: 'Q', x2: 'draw', x3: 'draw', y1: 'Q', y2: 'Q' });
    expect(r.draws).toEqual([{ basis: 'place', ids: ['x2', 'x3'], places: 1 }]);
  });

  it('derives places from the marks when no places are given (field events, higher is better)', () => {
    // Two groups, best 1 of each group + the next best mark.
    const entries: QualificationEntry[] = [
      { id: 'p', heat: 'A', performance: '7.80' },
      { id: 'q', heat: 'A', performance: '7.95' },
      { id: 'r', heat: 'B', performance: '7.70' },
      { id: 's', heat: 'B', performance: '7.85' },
      { id: 't', heat: 'B', status: 'DNS' },
    ];
    const r = qualify({ byPlace: 1, byPerformance: 1, better: 'higher' }, entries);
    expect(marks(r)).toEqual({ q: 'Q', s: 'Q', p: 'q' });
  });

  it('without official places, splits equal times at 1/1000 s before sharing a Q place', () => {
    // Heat H1: m1 10.10; m2 and m3 both 10.20 officially, 10.196 vs 10.199 → m2 is 2nd (Q), m3 3rd.
    // Heat H2: n1 10.05, n2 10.25. One q: m3 10.20 beats n3 10.31.
    const entries: QualificationEntry[] = [
      { id: 'm1', heat: 'H1', performance: '10.10' },
      { id: 'm3', heat: 'H1', performance: '10.20', raw: '10.199' },
      { id: 'm2', heat: 'H1', performance: '10.20', raw: '10.196' },
      { id: 'n1', heat: 'H2', performance: '10.05' },
      { id: 'n2', heat: 'H2', performance: '10.25' },
      { id: 'n3', heat: 'H2', performance: '10.31' },
    ];
    const r = qualify({ byPlace: 2, byPerformance: 1, better: 'lower' }, entries);
    expect(r.rows.filter((x) => x.heat === 'H1').map((x) => [x.id, x.place, x.qualified])).toEqual([
      ['m1', 1, 'Q'],
      ['m3', 3, 'q'],
      ['m2', 2, 'Q'],
    ]);
    expect(r.draws).toEqual([]);
  });

  it('refuses bad configuration and a finisher without a performance', () => {
    const e = inputError(() => qualify({ byPlace: -1, byPerformance: 0, better: 'lower' }, []));
    expect([e.code, e.field]).toEqual(['INVALID_CONFIG', 'config.byPlace']);
    const e2 = inputError(() => qualify(cfg, [{ id: 'z', heat: 'H', place: 1 }]));
    expect([e2.code, e2.field]).toEqual(['MISSING_VALUE', 'entries[0].performance']);
  });
});

describe('seedNextRound (TR 20.3.3: place qualifiers by place then time, then time qualifiers; zigzag into heats)', () => {
  // Three heats, first two of each (Q) and the next two fastest (q) go to two semi-finals.
  const qualifiers: Qualifier[] = [
    { id: '张伟', qualified: 'Q', place: 1, performance: '10.20' },
    { id: '李强', qualified: 'Q', place: 2, performance: '10.25' },
    { id: '王磊', qualified: 'Q', place: 1, performance: '10.10' },
    { id: '赵军', qualified: 'Q', place: 2, performance: '10.40' },
    { id: '刘洋', qualified: 'Q', place: 1, performance: '10.30' },
    { id: '陈杰', qualified: 'Q', place: 2, performance: '10.31' },
    { id: '杨帆', qualified: 'q', place: 3, performance: '10.45' },
    { id: '黄涛', qualified: 'q', place: 3, performance: '10.35' },
  ];

  it('ranks winners (10.10, 10.20, 10.30), then runners-up (10.25, 10.31, 10.40), then q (10.35, 10.45) and deals them 1-2-2-1-1-2-2-1', () => {
    expect(seedNextRound(qualifiers, 2, 'lower')).toEqual([
      { id: '王磊', heat: 1, lane: 1 },
      { id: '张伟', heat: 2, lane: 1 },
      { id: '刘洋', heat: 2, lane: 2 },
      { id: '李强', heat: 1, lane: 2 },
      { id: '陈杰', heat: 1, lane: 3 },
      { id: '赵军', heat: 2, lane: 3 },
      { id: '黄涛', heat: 2, lane: 4 },
      { id: '杨帆', heat: 1, lane: 4 },
    ]);
  });

  it('puts everyone in one heat, in seeding order, for a final', () => {
    expect(seedNextRound(qualifiers, 1, 'lower').map((s) => `${s.heat}/${s.lane} ${s.id}`)).toEqual([
      '1/1 王磊', '1/2 张伟', '1/3 刘洋', '1/4 李强', '1/5 陈杰', '1/6 赵军', '1/7 黄涛', '1/8 杨帆',
    ]);
  });

  it('ranks higher marks first when higher is better', () => {
    const field = seedNextRound(
      [
        { id: '甲', qualified: 'q', place: 4, performance: '7.10' },
        { id: '乙', qualified: 'q', place: 5, performance: '7.45' },
      ],
      1,
      'higher',
    );
    expect(field.map((s) => s.id)).toEqual(['乙', '甲']);
  });

  it('refuses a heat count that is not a positive integer', () => {
    expect(() => seedNextRound(qualifiers, 0, 'lower')).toThrow('heats');
  });
});
