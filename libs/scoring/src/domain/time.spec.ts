import { Dec } from './decimal';
import { inputError } from './spec-helpers';
import { formatTime, parseTime } from './time';

describe('parseTime / formatTime', () => {
  it.each([
    ['9.58', '9.58'],
    ['58', '58'],
    ['1:02.345', '62.345'],
    ['2:03:04.56', '7384.56'], // 2×3600 + 3×60 + 4.56
    ['0:59.9', '59.9'],
    [' 10.00 ', '10'],
  ])('parses %s as %s s', (s, sec) => {
    expect(parseTime(s).toFixed()).toBe(sec);
  });

  it.each(['9,58', '1:2.3', '1:60.00', '1:02:3.4', 'abc', '', '-9.58', '1.2.3', '1:02:03:04'])('rejects %j with BAD_TIME_FORMAT', (s) => {
    const e = inputError(() => parseTime(s, 'results[3].time'));
    expect([e.code, e.field]).toEqual(['BAD_TIME_FORMAT', 'results[3].time']);
    expect(e.message).toContain('results[3].time');
  });

  it('rejects more decimals than the timing system gives', () => {
    const e = inputError(() => parseTime('9.5812'));
    expect([e.code, e.field]).toEqual(['TOO_MANY_DECIMALS', 'time']);
  });

  it('formats seconds back', () => {
    expect(formatTime(new Dec('9.58'), 2)).toBe('9.58');
    expect(formatTime(new Dec('62.35'), 2)).toBe('1:02.35');
    expect(formatTime(new Dec('7384.56'), 2)).toBe('2:03:04.56');
    expect(formatTime(new Dec('7785'), 0)).toBe('2:09:45');
  });
});
