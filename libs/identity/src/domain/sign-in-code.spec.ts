import { CODE_MAX_TRIES, formatCode, judgeCode, normaliseMobile, smsTexts } from './sign-in-code';

describe('sign-in codes', () => {
  it('takes a mainland mobile number however it is written, and nothing else', () => {
    expect(normaliseMobile('138 0013 8000')).toBe('13800138000');
    expect(normaliseMobile('+86 139-1234-5678')).toBe('13912345678');
    expect(normaliseMobile('12800138000')).toBeNull();
    expect(normaliseMobile('1380013800')).toBeNull();
    expect(normaliseMobile('0571-88888888')).toBeNull();
  });

  it('writes six digits, zeros kept', () => {
    expect(formatCode(42)).toBe('000042');
    expect(formatCode(999_999)).toBe('999999');
  });

  it('opens once, within ten minutes, for fewer than five wrong tries', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    const fresh = { expiresAt: new Date('2026-12-07T02:05:00Z'), usedAt: null, attempts: 0 };
    expect(judgeCode(fresh, true, now)).toBe('ok');
    expect(judgeCode(fresh, false, now)).toBe('wrong');
    expect(judgeCode({ ...fresh, usedAt: now }, true, now)).toBe('used');
    expect(judgeCode({ ...fresh, expiresAt: now }, true, now)).toBe('expired');
    // The fifth wrong try was the last: even the right code is refused then, so guessing stops.
    expect(judgeCode({ ...fresh, attempts: CODE_MAX_TRIES }, true, now)).toBe('too_many_tries');
  });

  it('texts the owner of a registered number, never the code', () => {
    expect(smsTexts.code('012345', 'sign_up')).toContain('012345');
    expect(smsTexts.alreadyRegistered()).not.toMatch(/\d{6}/);
  });
});
