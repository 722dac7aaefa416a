import { jsonDepthExceeds } from './body-limits';

describe('jsonDepthExceeds', () => {
  const nested = (n: number, open = '{"a":', close = '}') => Buffer.from(open.repeat(n) + '1' + close.repeat(n));

  it('counts objects and arrays alike, up to the limit inclusive', () => {
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds(nested(33, '[', ']'), 32)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ name: '{'.repeat(100), q: '\\"[[[[' })), 2)).toBe(false);
  });

  it('answers for 20,000 levels without recursing', () => {
    expect(jsonDepthExceeds(nested(20_000, '[', ']'), 32)).toBe(true);
  });
});
