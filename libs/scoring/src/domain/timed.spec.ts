import { rankScheme } from './scheme';
import { inputError } from './spec-helpers';
import { computeTimed, TimedConfig } from './timed';

const fat: TimedConfig = { kind: 'timed', rounding: { digits: 2, mode: 'up' } };

describe('timed items (World Athletics TR 19: times to the next longer 1/100 s)', () => {
  it('rounds a 1/1000 reading UP to the next 1/100', () => {
    // 10.001 → 10.01 (next longer hundredth), 10.010 stays 10.01, 9.999 → 10.00
    expect(computeTimed(fat, { time: '10.001' }).total).toBe('10.01');
    expect(computeTimed(fat, { time: '10.010' }).total).toBe('10.01');
    expect(computeTimed(fat, { time: '9.999' }).total).toBe('10.00');
    const r = computeTimed(fat, { time: '1:02.341' });
    expect(r.breakdown).toMatchObject({ raw: '62.341', official: '62.35', display: '1:02.35' });
  });

  it('records road-race times to the next longer whole second (2:09:44.3 → 2:09:45)', () => {
    const road: TimedConfig = { kind: 'timed', rounding: { digits: 0, mode: 'up' } };
    const r = computeTimed(road, { time: '2:09:44.3' });
    expect([r.total, (r.breakdown as { display: string }).display]).toEqual(['7785', '2:09:45']);
  });

  it('reads hand times to the next longer 1/10 s', () => {
    // hand-timed 10.11 → 10.2; 10.10 stays 10.1
    const hand: TimedConfig = { kind: 'timed', rounding: { digits: 1, mode: 'up' }, inputDecimals: 2 };
    expect(computeTimed(hand, { time: '10.11' }).total).toBe('10.2');
    expect(computeTimed(hand, { time: '10.10' }).total).toBe('10.1');
  });

  it('keeps 1/1000 when configured', () => {
    const ms: TimedConfig = { kind: 'timed', rounding: { digits: 3, mode: 'up' } };
    expect(computeTimed(ms, { time: '9.58' }).total).toBe('9.580');
  });

  it('ranks by gun or by net time as configured', () => {
    // A: gun 41:10.0, net 40:55.0; B: gun 41:05.0, net 41:00.0
    const inputs = { A: { gunTime: '41:10.0', netTime: '40:55.0' }, B: { gunTime: '41:05.0', netTime: '41:00.0' } };
    const byGun: TimedConfig = { kind: 'timed', rounding: { digits: 1, mode: 'up' }, basis: 'gun' };
    const byNet: TimedConfig = { ...byGun, basis: 'net' };
    const run = (cfg: TimedConfig) =>
      rankScheme(cfg, Object.entries(inputs).map(([id, i]) => ({ id, result: computeTimed(cfg, i) }))).map((r) => [r.id, r.place, r.total]);
    expect(run(byGun)).toEqual([['B', 1, '2465.0'], ['A', 2, '2470.0']]);
    expect(run(byNet)).toEqual([['A', 1, '2455.0'], ['B', 2, '2460.0']]);
  });

  it('places DNS, DNF, DQ after all finishers without a place', () => {
    const res = [
      { id: 'dq', result: computeTimed(fat, { status: 'DQ' }) },
      { id: 'b', result: computeTimed(fat, { time: '10.12' }) },
      { id: 'dns', result: computeTimed(fat, { status: 'DNS' }) },
      { id: 'a', result: computeTimed(fat, { time: '10.05' }) },
      { id: 'dnf', result: computeTimed(fat, { status: 'DNF' }) },
      { id: 'c', result: computeTimed(fat, { time: '10.12' }) },
    ];
    expect(rankScheme(fat, res).map((r) => [r.id, r.place])).toEqual([
      ['a', 1], ['b', 2], ['c', 2], ['dnf', null], ['dq', null], ['dns', null],
    ]);
  });

  it('can break equal official times by the 1/1000 reading when configured', () => {
    const cfg: TimedConfig = { ...fat, tieBreakOnRawTime: true };
    // 10.113 and 10.118 are both 10.12 officially; by 1/1000 10.113 is ahead.
    const res = [
      { id: 'x', result: computeTimed(cfg, { time: '10.118' }) },
      { id: 'y', result: computeTimed(cfg, { time: '10.113' }) },
    ];
    expect(rankScheme(cfg, res).map((r) => [r.id, r.place, r.total])).toEqual([['y', 1, '10.12'], ['x', 2, '10.12']]);
  });

  it('rejects a bad time and a finisher without a time, naming the field', () => {
    const e = inputError(() => computeTimed(fat, { time: '10:75.00' }));
    expect([e.code, e.field]).toEqual(['BAD_TIME_FORMAT', 'time']);
    const e2 = inputError(() => computeTimed({ ...fat, basis: 'net' }, { gunTime: '10.00' }));
    expect([e2.code, e2.field]).toEqual(['MISSING_VALUE', 'netTime']);
    const e3 = inputError(() => computeTimed(fat, { time: '10.00', status: 'XX' as never }));
    expect([e3.code, e3.field]).toEqual(['BAD_STATUS', 'status']);
  });
});
