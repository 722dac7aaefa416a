import { describe, expect, it } from 'vitest';
import { repeatGuard } from '../src/components/repeat-guard';

describe('the scanner repeat guard', () => {
  it('lets a code through once while it stays in view, again after it has been away', () => {
    let now = 0;
    const fresh = repeatGuard(2500, () => now);
    expect(fresh('c1.1')).toBe(true);
    for (now = 200; now < 10_000; now += 200) expect(fresh('c1.1')).toBe(false);
    now += 2600;
    expect(fresh('c1.1')).toBe(true);
  });

  it('lets a different code through at once, and the first one back after it', () => {
    let now = 0;
    const fresh = repeatGuard(2500, () => now);
    expect(fresh('c1.1')).toBe(true);
    now = 100;
    expect(fresh('c1.2')).toBe(true);
    now = 200;
    expect(fresh('c1.1')).toBe(true);
  });
});
