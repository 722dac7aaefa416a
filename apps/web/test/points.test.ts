import { describe, expect, it } from 'vitest';
import { ageBound, formatPoints, parsePoints } from '../src/manage/points';

describe('placing points as typed', () => {
  it('reads figures separated by commas, spaces or Chinese marks, 1st place first', () => {
    expect(parsePoints('9, 7，6、5 4')).toEqual({ ok: true, points: ['9', '7', '6', '5', '4'] });
    expect(parsePoints('18 14 12.5 12.5')).toEqual({ ok: true, points: ['18', '14', '12.5', '12.5'] });
    expect(formatPoints(['9', '7', '6'])).toBe('9, 7, 6');
  });

  it('refuses an empty table, a figure that is not a number, and a place worth more than the one above', () => {
    expect(parsePoints('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parsePoints('9, 七, 6')).toEqual({ ok: false, problem: 'notNumber', at: 2 });
    expect(parsePoints('9, -1')).toEqual({ ok: false, problem: 'notNumber', at: 2 });
    expect(parsePoints('9, 7, 8')).toEqual({ ok: false, problem: 'rising', at: 3 });
  });
});

describe('age bounds as typed', () => {
  it('is blank for none, a whole number of years otherwise', () => {
    expect(ageBound('')).toBeNull();
    expect(ageBound(null)).toBeNull();
    expect(ageBound(' 45 ')).toBe(45);
    expect(ageBound('0')).toBe('invalid');
    expect(ageBound('18.5')).toBe('invalid');
    expect(ageBound('200')).toBe('invalid');
  });
});
