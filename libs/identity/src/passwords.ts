import { Gate } from '@app/common';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { IdentityError, IdentityErrorCode } from './identity-error';

/**
 * argon2id at OWASP's recommended minimum: 19 MiB, two passes, one lane. The library's default
 * (64 MiB, three passes, four lanes) costs several times the CPU per guess, and its four lanes take
 * every core of a small server while it runs, so wrong passwords arriving a few dozen a second
 * starved every other request.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes one API process computes at once: each holds a core, and the event loop keeps the other. */
const AT_ONCE = 1;
/** Hashes waiting their turn; past them a login is refused at once rather than held for seconds. */
export const PASSWORDS_MAX_WAITING = 100;

/**
 * Every argon2 hash and check of the process, through one gate: a flood of logins, however fast it
 * arrives, costs at most AT_ONCE cores and AT_ONCE × 19 MiB, and everything else is served meanwhile.
 */
@Injectable()
export class Passwords {
  private readonly gate = new Gate(
    AT_ONCE,
    PASSWORDS_MAX_WAITING,
    () => new IdentityError('rate_limited', IdentityErrorCode.PasswordChecksBusy, '登录的人太多，请稍后再试', { field: null, retryAfterSeconds: 5 }),
  );
  // Checked against when the account does not exist or has no password, so that those answers take as long as a wrong password.
  private readonly dummy = argon2.hash('not-a-real-password', PASSWORD_HASH_OPTIONS);

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
  }

  /** False for a wrong password, and for a stored value that is no argon2 hash (people imported without a password). */
  async verify(stored: string | null, password: string): Promise<boolean> {
    const usable = stored?.startsWith('$') ? stored : null;
    const digest = usable ?? (await this.dummy);
    const ok = await this.gate.run(() => argon2.verify(digest, password));
    return ok && usable !== null;
  }

  /** Whether a hash was made with other parameters than today's, so that the next successful login should replace it. */
  outdated(stored: string): boolean {
    return stored.startsWith('$') && argon2.needsRehash(stored, PASSWORD_HASH_OPTIONS);
  }
}
