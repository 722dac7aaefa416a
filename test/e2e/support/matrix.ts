import type { Response } from 'supertest';
import type { Fixture, PersonName } from './matrix-fixture';
import { ROLE_OF } from './matrix-fixture';
import { type Call, type Caller, DEFAULT_REFUSAL, type Guarded, isOpen, type Permission, personOf, STRANGER_PERSON, STRANGERS, type Stranger } from './permissions';
import type { Operation } from './routes';
import { bearer, http } from './world';

const TABLE = 'test/e2e/support/permissions.ts';

/**
 * What is wrong between the API's operations and the permission table: an operation the table
 * does not name, an entry for an operation that is gone, an access rule the table contradicts.
 * Empty when they agree.
 */
export function tableProblems(ops: Operation[], table: Record<string, Permission>): string[] {
  const problems: string[] = [];
  for (const op of ops) {
    const entry = table[op.key];
    const declared = !op.access ? 'nothing' : 'public' in op.access ? '@Public()' : `@Allow(${op.access.roles === 'any' ? "'any'" : op.access.roles.map((r) => `'${r}'`).join(', ')})`;
    if (!entry) {
      problems.push(`'${op.key}' (${op.controller}.${op.handler}, ${declared}) is missing from ${TABLE}: add who may call it`);
    } else if (!op.access) {
      problems.push(`'${op.key}' (${op.controller}.${op.handler}) declares neither @Public() nor @Allow(...)`);
    } else if ('public' in op.access !== isOpen(entry)) {
      problems.push(`'${op.key}' is ${declared} but ${TABLE} calls it ${isOpen(entry) ? 'public' : 'guarded'}`);
    } else if (!isOpen(entry)) {
      const { role } = ROLE_OF[entry.allowed];
      const roles = (op.access as { roles: string[] | 'any' }).roles;
      if (roles !== 'any' && role !== 'admin' && !roles.includes(role)) {
        problems.push(`'${op.key}' is ${declared}, but ${TABLE} has it called by ${entry.allowed}, a ${role}`);
      }
      if (entry.refused && !entry.why) problems.push(`'${op.key}': ${TABLE} changes what strangers get without saying why`);
    }
  }
  const served = new Set(ops.map((o) => o.key));
  for (const key of Object.keys(table)) if (!served.has(key)) problems.push(`'${key}' is in ${TABLE} but the API has no such operation`);
  return problems;
}

/** One row of the matrix: the status each caller got, and what was not as the table says. */
export interface Row {
  key: string;
  seen: Partial<Record<Stranger | 'allowed', string>>;
  problems: string[];
}

const tokenOf = (fx: Fixture, caller: Caller): string | undefined => {
  const person = personOf(caller);
  return caller === 'expired' ? fx.expiredToken : person && fx.people[person].token;
};

/** Why a 401 was given: each way of being signed out has its own code, so the right check refused. */
const UNAUTHENTICATED: Partial<Record<Stranger, (res: Response) => string | undefined>> = {
  anonymous: (res) => res.body.code,
  expired: (res) => res.body.details?.[0]?.code,
  roleRemoved: (res) => res.body.code,
  disabled: (res) => res.body.code,
};
const UNAUTHENTICATED_CODE: Partial<Record<Stranger, string>> = {
  anonymous: 'IDENTITY_BAD_CREDENTIALS',
  expired: 'TOKEN_EXPIRED',
  roleRemoved: 'IDENTITY_TOKEN_REVOKED',
  disabled: 'IDENTITY_TOKEN_REVOKED',
};

/** An id no table holds: what "does not exist" is compared with. */
const MISSING_ID = 2_000_000_000;

export function send(url: string, op: Operation, call: Call, token: string | undefined): Promise<Response> {
  const path = op.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`${op.key}: the table's request gives no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  let req = http(url)[method](path);
  if (token) req = req.set(bearer(token));
  if (call.query) req = req.query(call.query);
  if (call.file) return req.set('content-type', call.file.type).send(call.file.data);
  // A stream that opens answers with its status; its first bytes are enough, then it is closed.
  if (op.sse) {
    req = req.buffer(false).parse((res, done) => {
      const stream = res as unknown as NodeJS.ReadableStream & { destroy: () => void; headers: Record<string, string> };
      if (!String(stream.headers['content-type']).startsWith('text/event-stream')) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk));
        stream.on('end', () => done(null, text ? JSON.parse(text) : {}));
        return;
      }
      stream.on('data', () => stream.destroy());
      stream.on('close', () => done(null, {}));
    });
  }
  return call.body === undefined ? req : req.send(call.body);
}

const ok = (status: number) => status >= 200 && status < 300;
const brief = (res: Response) => `${res.status}${res.body?.code ? ` ${res.body.code}` : ''}`;

/**
 * Calls one operation as every stranger, then as the allowed caller, and says where the answers
 * differ from the table. Strangers go first: a refusal changes nothing, so the allowed call
 * still finds its target as the fixture left it.
 */
export async function probeOperation(op: Operation, rule: Guarded, fx: Fixture, url = fx.url): Promise<Row> {
  const row: Row = { key: op.key, seen: {}, problems: [] };
  for (const stranger of STRANGERS) {
    const expected = rule.refused?.[stranger] ?? DEFAULT_REFUSAL[stranger];
    const call = await rule.request(fx, stranger);
    const res = await send(url, op, call, tokenOf(fx, stranger));
    const fault: string[] = [];
    if (res.status !== expected) fault.push(`expected ${expected}, got ${brief(res)}`);
    else if (expected === 401 && UNAUTHENTICATED[stranger]!(res) !== UNAUTHENTICATED_CODE[stranger]) {
      fault.push(`expected ${UNAUTHENTICATED_CODE[stranger]}, got ${UNAUTHENTICATED[stranger]!(res)}`);
    }
    if (ok(res.status) && rule.sees) {
      const seen = rule.sees(res, fx, stranger);
      if (seen) fault.push(`sees ${seen}`);
    }
    if (expected === 404 && !rule.hides) fault.push('a 404 refusal must name the parameter it hides (`hides`)');
    if (res.status === 404 && rule.hides) {
      const missing = await send(url, op, { ...call, params: { ...call.params, [rule.hides]: MISSING_ID } }, tokenOf(fx, stranger));
      if (brief(missing) !== brief(res)) fault.push(`"not yours" answers ${brief(res)} but "does not exist" ${brief(missing)}`);
    }
    if (ok(res.status)) rule.after?.(res, fx, stranger);
    row.seen[stranger] = `${res.status}${fault.length ? '✗' : ''}`;
    row.problems.push(...fault.map((f) => `${stranger} (${stranger === 'anonymous' ? 'no token' : STRANGER_PERSON[stranger]}): ${f}`));
  }
  for (const [person, expected] of Object.entries(rule.kin ?? {}) as [PersonName, number][]) {
    const res = await send(url, op, await rule.request(fx, person), tokenOf(fx, person));
    if (res.status !== expected) row.problems.push(`${person} (of the same kind, another target): expected ${expected}, got ${brief(res)}`);
  }
  const res = await send(url, op, await rule.request(fx, rule.allowed), tokenOf(fx, rule.allowed));
  row.seen.allowed = `${res.status}${ok(res.status) ? '' : '✗'}`;
  if (ok(res.status)) rule.after?.(res, fx, rule.allowed);
  else row.problems.push(`${rule.allowed} (allowed): expected 2xx, got ${brief(res)} ${JSON.stringify(res.body?.message ?? '')}`);
  return row;
}

const COLUMNS: [Stranger | 'allowed', string][] = [
  ['anonymous', 'anon'],
  ['expired', 'expired'],
  ['roleRemoved', 'roleRm'],
  ['disabled', 'disabled'],
  ['contestant', 'contest'],
  ['unassignedJudge', 'judge'],
  ['otherLeader', 'leaderB'],
  ['siblingOrganizer', 'sibling'],
  ['allowed', 'allowed'],
];

/** Operations × callers with the statuses seen; ✗ marks an answer the table did not name. */
export function formatMatrix(rows: Row[]): string {
  const width = Math.max(...rows.map((r) => r.key.length), 9);
  const head = ['operation'.padEnd(width), ...COLUMNS.map(([, label]) => label.padStart(8))].join(' ');
  const lines = rows.map((r) => [r.key.padEnd(width), ...COLUMNS.map(([c]) => (r.seen[c] ?? '-').padStart(8))].join(' '));
  return [head, ...lines].join('\n');
}
