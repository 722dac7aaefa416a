import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../src/manage/check-in';

describe('a scanned code at the gate', () => {
  it('is checked in, or already was', () => {
    expect(outcomeOf({ alreadyCheckedIn: false }, 'c1.7.3.x', 3)).toBe('checkedIn');
    expect(outcomeOf({ alreadyCheckedIn: true }, 'c1.7.3.x', 3)).toBe('already');
  });

  it('is of another event when a well-formed code names one, refused otherwise', () => {
    expect(outcomeOf({ code: 'CHECK_IN_TOKEN_INVALID' }, 'c1.7.4.abcdefghijklmnopqrstuv', 3)).toBe('otherEvent');
    expect(outcomeOf({ code: 'CHECK_IN_TOKEN_INVALID' }, 'c1.7.3.forgedforgedforgedforg', 3)).toBe('refused');
    expect(outcomeOf({ code: 'CHECK_IN_TOKEN_INVALID' }, 'https://example.com', 3)).toBe('refused');
    expect(outcomeOf({ code: 'CHECK_IN_NOT_APPROVED' }, 'c1.7.3.x', 3)).toBe('refused');
  });
});
