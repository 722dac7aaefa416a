import * as argon2 from 'argon2';
import { IdentityErrorCode } from './identity-error';
import { Passwords, PASSWORDS_MAX_WAITING } from './passwords';

describe('Passwords', () => {
  const passwords = new Passwords();

  it('hashes with argon2id at 19 MiB, two passes, one lane, and checks against it', async () => {
    const hash = await passwords.hash('Qiantang-tide-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(passwords.verify(hash, 'Qiantang-tide-2026')).resolves.toBe(true);
    await expect(passwords.verify(hash, 'qiantang-tide-2026')).resolves.toBe(false);
  });

  it('refuses every password for an account without one (imported people)', async () => {
    await expect(passwords.verify('!imported', 'not-a-real-password')).resolves.toBe(false);
    await expect(passwords.verify('!imported', '!imported')).resolves.toBe(false);
  });

  it('still checks hashes made with older parameters, and calls them outdated', async () => {
    const old = await argon2.hash('Qiantang-tide-2026'); // the library's default: 64 MiB, three passes, four lanes
    await expect(passwords.verify(old, 'Qiantang-tide-2026')).resolves.toBe(true);
    expect(passwords.outdated(old)).toBe(true);
    expect(passwords.outdated(await passwords.hash('Qiantang-tide-2026'))).toBe(false);
    expect(passwords.outdated('!imported')).toBe(false);
  });

  it('admits one check and PASSWORDS_MAX_WAITING waiting ones, and refuses the next at once', async () => {
    const cheap = await argon2.hash('x', { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const gate = new Passwords();
    const admitted = Array.from({ length: 1 + PASSWORDS_MAX_WAITING }, () => gate.verify(cheap, 'x'));
    await expect(gate.verify(cheap, 'x')).rejects.toMatchObject({ kind: 'rate_limited', code: IdentityErrorCode.PasswordChecksBusy, details: [expect.objectContaining({ retryAfterSeconds: 5 })] });
    await expect(Promise.all(admitted)).resolves.toEqual(admitted.map(() => true));
    await expect(gate.verify(cheap, 'x')).resolves.toBe(true);
  });
});
