import type { AppConfig } from '@app/config';
import type { Role } from '@app/identity';

/** A demo account the seed made, as the banner shows it. */
export interface Credential {
  username: string;
  password: string;
  realName: string;
  role: Role;
  organisation: string;
}

const RULE = '─'.repeat(72);

/** Where a person on this machine reaches the API: its own address, or localhost when it listens on every interface. */
export function localBase(config: Pick<AppConfig, 'HTTP_HOST' | 'HTTP_PORT'>): string {
  const host = ['0.0.0.0', '::', ''].includes(config.HTTP_HOST) ? 'localhost' : config.HTTP_HOST.includes(':') ? `[${config.HTTP_HOST}]` : config.HTTP_HOST;
  return `http://${host}:${config.HTTP_PORT}`;
}

export function credentialLines(credentials: Credential[]): string[] {
  const width = Math.max(...credentials.map((c) => c.password.length));
  return credentials.map((c) => `  ${c.username.padEnd(12)} ${c.password.padEnd(width)}  ${c.role.padEnd(18)} ${c.realName}  ${c.organisation}`);
}

/**
 * What `npm start` prints once the API and the worker are up: where everything is, and the demo
 * accounts with their passwords when they were made just now (they are shown this once only).
 */
export function startBanner(config: Pick<AppConfig, 'HTTP_HOST' | 'HTTP_PORT'>, credentials: Credential[] | null): string {
  const base = localBase(config);
  const accounts = credentials
    ? ['演示账号 demo accounts (passwords are shown only now; keep them):', ...credentialLines(credentials)]
    : ['演示账号 demo accounts: admin, organizer, judge1–3, leader, employer, contestant1–6', '  (their passwords were shown when the demo was seeded; `npm run demo:reset` seeds it anew)'];
  return [
    RULE,
    '职工赛事平台 · Union events platform is running',
    `  Web pages    ${base}/`,
    `  API          ${base}/api/v1`,
    `  OpenAPI UI   ${base}/docs   (document: ${base}/docs-json)`,
    `  Health       ${base}/health`,
    `  Queue board  ${base}/admin/queues   (an admin's username and password)`,
    '',
    ...accounts,
    '',
    'Guided tour: bash scripts/demo-replay.sh (see README) · Ctrl-C stops the API and the worker',
    RULE,
  ].join('\n');
}
