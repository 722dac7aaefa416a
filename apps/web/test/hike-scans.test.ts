import { describe, expect, it } from 'vitest';
import { newScanId, parseCode, verdictOf, walkerCode } from '../src/hike/scans';
import { duration } from '../src/hike/durations';

describe('a checkpoint phone reading codes', () => {
  it("takes a walker's own code as the walker, anything bib-like as a bib", () => {
    expect(parseCode(walkerCode(42))).toEqual({ walkerId: 42 });
    expect(parseCode(' yx007 ')).toEqual({ bib: 'YX007' });
    expect(parseCode('YX-007')).toEqual({ bib: 'YX-007' });
  });

  it('refuses what is neither, before it is queued', () => {
    expect(parseCode('https://example.com/王五')).toBeNull();
    expect(parseCode('')).toBeNull();
    expect(parseCode('hike-walker:abc')).toBeNull();
  });

  it('makes client scan ids the API accepts, different each time', () => {
    const a = newScanId('phone-abcd1234');
    expect(a).toMatch(/^[\w.:-]{1,40}$/);
    expect(newScanId('phone-abcd1234')).not.toBe(a);
  });
});

describe("the server's answer per scan", () => {
  it('is accepted, flagged with its flags, or refused with the message', () => {
    expect(verdictOf({ index: 0, outcome: 'accepted', walkerIds: [1], counted: [true], flags: [[]] })).toEqual({ state: 'accepted', detail: [] });
    expect(verdictOf({ index: 0, outcome: 'accepted', walkerIds: [1, 2], counted: [false, true], flags: [['duplicate'], ['no_start_scan', 'duplicate']] })).toEqual({
      state: 'flagged',
      detail: ['duplicate', 'no_start_scan'],
    });
    expect(verdictOf({ index: 1, outcome: 'refused', code: 'HIKING_UNKNOWN_BIB', message: '本活动没有此号码：YX999' })).toEqual({ state: 'refused', detail: ['本活动没有此号码：YX999'] });
  });

  it('counts a repeat of an upload the server already has as accepted', () => {
    expect(verdictOf({ index: 0, outcome: 'repeat', walkerIds: [1] })).toEqual({ state: 'accepted', detail: [] });
  });
});

describe('durations', () => {
  it('are h:mm:ss, hours past 24 on a long walk', () => {
    expect(duration(3_725_000)).toBe('1:02:05');
    expect(duration(26 * 3600_000)).toBe('26:00:00');
    expect(duration(null)).toBe('—');
  });
});
