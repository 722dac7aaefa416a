import { beijingDate, beijingIso, beijingTime } from './local-time';

describe('Beijing time', () => {
  it('writes a UTC instant as Beijing wall time, across midnight', () => {
    expect(beijingTime(new Date('2026-04-30T16:30:00Z'))).toBe('2026-05-01 00:30');
    expect(beijingTime('2026-05-01T00:30:00.000Z')).toBe('2026-05-01 08:30');
    expect(beijingTime('2026-05-01T00:30:05.250Z', 'second')).toBe('2026-05-01 08:30:05');
    expect(beijingTime(null)).toBeNull();
    expect(beijingDate(new Date('2026-04-30T16:30:00Z'))).toBe('2026-05-01');
  });

  it('gives JSON the same instant with the +08:00 offset', () => {
    const iso = beijingIso(new Date('2026-04-30T16:30:00.125Z'))!;
    expect(iso).toBe('2026-05-01T00:30:00.125+08:00');
    expect(Date.parse(iso)).toBe(Date.parse('2026-04-30T16:30:00.125Z'));
    expect(beijingIso(undefined)).toBeNull();
  });
});
