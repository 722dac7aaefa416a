import { beijingTime } from './local-time';

describe('beijingTime', () => {
  it('writes a UTC instant as Beijing wall time, across midnight', () => {
    expect(beijingTime(new Date('2026-04-30T16:30:00Z'))).toBe('2026-05-01 00:30');
    expect(beijingTime('2026-05-01T00:30:00.000Z')).toBe('2026-05-01 08:30');
    expect(beijingTime(null)).toBeNull();
  });
});
