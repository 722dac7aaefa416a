import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses fewer than 10 characters, however random', () => {
    expect(passwordProblem('x7#Qp!2vZ', [])).toBe('too_short');
  });

  it('refuses common passwords and keyboard walks of any length', () => {
    expect(passwordProblem('password-123', [])).toBe('too_weak');
    expect(passwordProblem('qwertyuiop123', [])).toBe('too_weak');
    expect(passwordProblem('1234567890', [])).toBe('too_weak');
  });

  it("refuses a password built from the person's own username", () => {
    expect(passwordProblem('zhangwei2026', [])).toBeNull();
    expect(passwordProblem('zhangwei2026', ['zhangwei', '张伟'])).toBe('too_weak');
  });

  it('accepts a long passphrase and a random string', () => {
    expect(passwordProblem('Qiantang-tide-lantern-77', ['zhangwei'])).toBeNull();
    expect(passwordProblem('vK3_pXq9-Lm2w', [])).toBeNull();
  });
});
