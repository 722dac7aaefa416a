/**
 * The form of a typed username that the database's collation (utf8mb4_unicode_ci) would match:
 * width (ＡＤＭＩＮ), case and trailing spaces do not make a different name. Limits on names no
 * account has are kept on this form, so variants share one counter.
 */
export function loginName(typed: string): string {
  return typed.normalize('NFKC').trim().toLowerCase();
}

/** How long an attempt waits after `failures` recent failures on one account: doubling from 250 ms, capped. */
export function loginDelayMs(failures: number, freeFailures: number, maxDelayMs: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(maxDelayMs, 250 * 2 ** (failures - freeFailures));
}
