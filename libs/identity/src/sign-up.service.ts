import { AppConfig } from '@app/config';
import { inTransaction } from '@app/database';
import { enqueue, InjectRedis } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { createHash, createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, type EntityManager } from 'typeorm';
import { CODE_LIMITS, CODE_TTL_MS, type CodePurpose, formatCode, judgeCode, normaliseMobile, smsTexts } from './domain/sign-in-code';
import { fieldError, IdentityError, IdentityErrorCode } from './identity-error';
import { OrganisationsService } from './organisations.service';
import { SignInCode } from './sign-in-code.entity';
import { UsersService } from './users.service';

export interface SelfSignUp {
  mobile: string;
  code: string;
  username: string;
  password: string;
  realName: string;
  /** The person's home organisation: an enterprise union, picked from the tree. */
  organisationId: number;
}

/**
 * People sign up by themselves, and reset their password, with a one-time code texted to their
 * mobile number. Asking for a code answers the same whatever the number: a number that already
 * has an account gets a note to its owner instead of a code, so no answer tells anyone who is
 * registered. Codes per number and per address are limited (domain/sign-in-code.ts); the texts
 * leave through the outbox to the worker's SMS channel.
 */
@Injectable()
export class SignUpService {
  private readonly numberMinute: RateLimiterRedis;
  private readonly numberDay: RateLimiterRedis;
  private readonly address: RateLimiterRedis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() redis: Redis,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        rejectIfRedisNotReady: true,
        keyPrefix: `${config.QUEUE_PREFIX}:sms-code:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.numberMinute = limiter('number-minute', CODE_LIMITS.perNumberMinute, config.SMS_CODE_INTERVAL_S);
    this.numberDay = limiter('number-day', CODE_LIMITS.perNumberDay, 24 * 3600);
    this.address = limiter('address', CODE_LIMITS.perAddressHour, 3600);
  }

  /** Texts a code (or, for sign-up with a registered number, a note to its owner); the answer never differs. */
  async requestCode(purpose: CodePurpose, mobileInput: string, address: string): Promise<void> {
    const mobile = this.mobile(mobileInput);
    const key = this.mobileHash(mobile);
    await this.take(this.address, address);
    await this.take(this.numberMinute, key);
    await this.take(this.numberDay, key);
    const owner = await this.ownerOf(key);
    await inTransaction(this.dataSource, async (m) => {
      if (purpose === 'sign_up' && owner) return this.text(m, mobile, smsTexts.alreadyRegistered());
      if (purpose === 'password_reset' && !owner) return;
      const code = formatCode(randomInt(1_000_000));
      // A new code replaces the last: only the newest opens.
      await m.query('UPDATE sign_in_codes SET used_at = NOW(3) WHERE mobile_hash = ? AND purpose = ? AND used_at IS NULL', [key, purpose]);
      await m.insert(SignInCode, { purpose, mobileHash: key, codeHash: this.codeHash(key, purpose, code), expiresAt: new Date(Date.now() + CODE_TTL_MS) });
      await this.text(m, mobile, smsTexts.code(code, purpose));
    });
  }

  /** A new contestant account of the chosen enterprise union, once the code proves the number. */
  async signUp(input: SelfSignUp): Promise<{ userId: number }> {
    const mobile = this.mobile(input.mobile);
    const key = this.mobileHash(mobile);
    const org = await this.organisations.get(input.organisationId);
    if (org.kind !== 'enterprise') {
      throw fieldError('invalid', IdentityErrorCode.NotAnEnterprise, 'organisationId', '请选择所在企业（单位）工会');
    }
    await this.consume('sign_up', key, input.code);
    if (await this.ownerOf(key)) throw this.codeInvalid();
    const user = await this.users.create('system', {
      username: input.username,
      password: input.password,
      realName: input.realName,
      roles: [{ organisationId: org.id, role: 'contestant' }],
      mobileHash: key,
      membershipPending: true,
    });
    return { userId: user.id };
  }

  /** A new password for the account the number belongs to. */
  async resetPassword(mobileInput: string, code: string, password: string): Promise<void> {
    const key = this.mobileHash(this.mobile(mobileInput));
    await this.consume('password_reset', key, code);
    const owner = await this.ownerOf(key);
    if (!owner) throw this.codeInvalid();
    await this.users.resetPassword(owner, password);
  }

  private mobile(input: string): string {
    const mobile = normaliseMobile(input ?? '');
    if (!mobile) throw fieldError('invalid', IdentityErrorCode.InvalidMobile, 'mobile', '手机号码格式不正确（11 位，以 1 开头）');
    return mobile;
  }

  /** Keyed, so the hashes of all 10^10 possible numbers cannot be listed without the key. */
  private mobileHash(mobile: string): string {
    return createHmac('sha256', `${this.config.PII_KEY}:sign-in-mobile`).update(mobile).digest('hex');
  }

  private codeHash(key: string, purpose: CodePurpose, code: string): string {
    return createHash('sha256').update(`${key}|${purpose}|${code}`).digest('hex');
  }

  private async ownerOf(key: string): Promise<number | null> {
    const [row] = await this.dataSource.query('SELECT id FROM users WHERE mobile_hash = ?', [key]);
    return row ? Number(row.id) : null;
  }

  /** Uses the newest code of the number once; a wrong one counts a try. Every failure answers alike. */
  private async consume(purpose: CodePurpose, key: string, typed: string): Promise<void> {
    const verdict = await inTransaction(this.dataSource, async (m) => {
      const [row] = await m.query(
        'SELECT id, code_hash AS codeHash, attempts, expires_at AS expiresAt, used_at AS usedAt FROM sign_in_codes WHERE mobile_hash = ? AND purpose = ? ORDER BY id DESC LIMIT 1 FOR UPDATE',
        [key, purpose],
      );
      if (!row) return 'wrong';
      const expected = Buffer.from(row.codeHash, 'hex');
      const given = Buffer.from(this.codeHash(key, purpose, String(typed ?? '').trim()), 'hex');
      const verdict = judgeCode({ expiresAt: new Date(row.expiresAt), usedAt: row.usedAt ? new Date(row.usedAt) : null, attempts: Number(row.attempts) }, timingSafeEqual(expected, given), new Date());
      if (verdict === 'ok') await m.query('UPDATE sign_in_codes SET used_at = NOW(3) WHERE id = ?', [row.id]);
      else if (verdict === 'wrong') await m.query('UPDATE sign_in_codes SET attempts = attempts + 1 WHERE id = ?', [row.id]);
      return verdict;
    });
    if (verdict !== 'ok') throw this.codeInvalid();
  }

  private codeInvalid(): IdentityError {
    return fieldError('invalid', IdentityErrorCode.CodeInvalid, 'code', '验证码不正确或已失效，请重新获取');
  }

  private async text(m: EntityManager, mobile: string, text: string): Promise<void> {
    await enqueue(m, 'sms.code', { mobile, text, ref: randomUUID() });
  }

  private async take(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.ceil(err.msBeforeNext / 1000);
      throw new IdentityError('rate_limited', IdentityErrorCode.TooManyCodes, `获取验证码过于频繁，请 ${seconds} 秒后再试`, [
        { field: 'mobile', code: IdentityErrorCode.TooManyCodes, message: `请 ${seconds} 秒后再试`, retryAfterSeconds: seconds },
      ]);
    }
  }
}
