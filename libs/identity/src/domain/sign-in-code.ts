/**
 * Sign-up and password reset by a one-time code sent by SMS: the rules, apart from storage.
 * A code is 6 digits, lives 10 minutes and allows 5 wrong tries; a new one replaces the last.
 */
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_TRIES = 5;
/** Codes per number: one per SMS_CODE_INTERVAL_S (a minute), ten a day; per address: thirty an hour (an enterprise behind one NAT). */
export const CODE_LIMITS = { perNumberMinute: 1, perNumberDay: 10, perAddressHour: 30 } as const;

export type CodePurpose = 'sign_up' | 'password_reset';

/** A mainland mobile number (11 digits from 1[3-9]), written with or without +86, spaces or dashes; the 11 digits, or null. */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** Six digits from a random integer below 1,000,000. */
export const formatCode = (n: number): string => String(n % 1_000_000).padStart(6, '0');

export type CodeVerdict = 'ok' | 'expired' | 'used' | 'too_many_tries' | 'wrong';

/** Whether a typed code opens the stored one (its hash compared by the caller): used and expired first, then tries. */
export function judgeCode(stored: { expiresAt: Date; usedAt: Date | null; attempts: number }, matches: boolean, now: Date): CodeVerdict {
  if (stored.usedAt) return 'used';
  if (stored.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (stored.attempts >= CODE_MAX_TRIES) return 'too_many_tries';
  return matches ? 'ok' : 'wrong';
}

/** The texts sent; none says whether the number has an account to anyone but its owner. */
export const smsTexts = {
  code: (code: string, purpose: CodePurpose) =>
    `【职工赛事平台】${purpose === 'sign_up' ? '注册' : '重置密码'}验证码 ${code}，10 分钟内有效。如非本人操作请忽略。`,
  alreadyRegistered: () => '【职工赛事平台】有人用本号码申请注册，但本号码已有账号。如是您本人，请直接登录，或用“忘记密码”重设密码。',
};
