import { readFileSync } from 'node:fs';
import { testEnv } from './test-env';
import { waitFor } from './processes';

/** The texts the worker's development SMS sink wrote for a number (no gateway in tests). */
export function textsTo(mobile: string, file = testEnv().SMS_SINK_FILE): string[] {
  let lines: string[] = [];
  try {
    lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
  return lines.map((l) => JSON.parse(l) as { to: string; text: string }).filter((m) => m.to === mobile).map((m) => m.text);
}

/** Waits for the n-th text to a number and answers it. */
export const nthTextTo = (mobile: string, n: number, file?: string) =>
  waitFor(`text ${n} to ${mobile}`, async () => textsTo(mobile, file)[n - 1], 15_000, 50);

/** The six-digit code in a text. */
export const codeIn = (text: string) => text.match(/验证码 (\d{6})/)?.[1] ?? '';
