import { entryStatus, formatDuration } from './standing-rows';

describe('hiking standing rows', () => {
  it('formats a night walk past 24 hours', () => {
    expect(formatDuration(3_723_400)).toBe('1:02:03');
    expect(formatDuration(25 * 3600_000)).toBe('25:00:00');
  });
  it('names the status of an entry without a time', () => {
    expect(entryStatus(['finished'], true)).toBe('OK');
    expect(entryStatus(['registered', 'registered'], false)).toBe('DNS');
    expect(entryStatus(['withdrawn', 'disqualified'], false)).toBe('DQ');
    expect(entryStatus(['withdrawn', 'on_course'], false)).toBe('INCOMPLETE');
    expect(entryStatus(['withdrawn', 'timed_out'], false)).toBe('DNF');
  });
});
