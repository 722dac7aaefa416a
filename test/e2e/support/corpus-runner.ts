import type { DataSource } from 'typeorm';
import { type Case, casesFor } from './corpus';
import { waitFor } from './processes';
import type { Operation } from './routes';
import { bearer, http } from './world';

const CJK = /[\u3400-\u9fff]/;

/** What the corpus sends its requests against: an API, a token that passes every guard, real targets for path ids, the database. */
export interface CorpusFixture {
  url: string;
  token: string;
  targets: Record<string, number | string>;
  ds: DataSource;
}

export interface CorpusRun {
  problems: string[];
  /** One line per operation: its cases and the statuses seen. */
  rows: string[];
  requests: number;
}

/** Where a path parameter points in the fixture: by the word before it, then by its own name. */
export function targetOf(path: string, param: string, t: Record<string, number | string>): string {
  const before = path.split('/').at(path.split('/').indexOf(`:${param}`) - 1) ?? '';
  const byPlace: Record<string, string | number | undefined> = {
    'events/id': t.eventId,
    'entries/id': t.entryId,
    'users/id': t.userId,
    'organisations/id': t.organisationId,
    'items/id': t.itemId,
  };
  const byName: Record<string, string | number | undefined> = {
    eventId: t.eventId,
    itemId: t.itemId,
    entryId: t.entryId,
    judgeId: t.judgeId,
    userId: t.userId,
    organisationId: t.organisationId,
    roundId: t.roundId,
    trigger: 'entry.approved',
    locale: 'zh-CN',
    role: 'contestant',
    code: 'NOSUCHCODE',
  };
  return String(byPlace[`${before}/${param}`] ?? byName[param] ?? 999_999_999);
}

/** What is wrong with one answer, or null: a 5xx, a refused case let through, the error shape, the language. */
function judge(c: Case, language: 'zh-CN' | 'en', status: number, res: unknown): string | null {
  if (status === 0 || status >= 500) return `${status} ${JSON.stringify(res).slice(0, 300)}`;
  if (status < 400) return c.mayPass ? null : `accepted with ${status}`;
  const body = res as { statusCode?: unknown; code?: unknown; message?: unknown; details?: Array<{ field?: unknown; code?: unknown; message?: unknown }> };
  const shaped =
    body.statusCode === status &&
    typeof body.code === 'string' &&
    typeof body.message === 'string' &&
    Array.isArray(body.details) &&
    body.details.every((d) => (d.field === null || typeof d.field === 'string') && typeof d.code === 'string' && typeof d.message === 'string');
  if (!shaped) return `not the error shape: ${JSON.stringify(res).slice(0, 300)}`;
  const texts = [body.message as string, ...body.details!.map((d) => d.message as string)];
  // An English answer may quote what the request said in Chinese (an unknown field's name), nothing more.
  const quoted = JSON.stringify(c).match(/[\u3400-\u9fff]+/g) ?? [];
  if (language === 'en' && texts.some((t) => CJK.test(quoted.reduce((rest, word) => rest.split(word).join(''), t)))) return `Chinese in an English answer: ${texts.join(' | ')}`;
  if (language === 'zh-CN' && !CJK.test(body.message as string)) return `the Chinese answer has no Chinese: ${body.message}`;
  return null;
}

/** One checksum over every table; read until two reads agree, so the worker's own work after the fixture has settled. */
async function databaseState(ds: DataSource): Promise<string> {
  const tables = (await ds.query('SHOW TABLES')).map((r: Record<string, string>) => Object.values(r)[0]);
  const read = async () => JSON.stringify(await ds.query(`CHECKSUM TABLE ${tables.map((t: string) => `\`${t}\``).join(', ')}`));
  let last = await read();
  return waitFor('the database to settle', async () => {
    const now = await read();
    const settled = now === last;
    last = now;
    return settled && now;
  }, 20_000, 200);
}


function send(fx: CorpusFixture, op: Operation, c: Case, language: 'zh-CN' | 'en') {
  const path = op.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(c.params?.[p] ?? targetOf(op.path, p, fx.targets)));
  const agent = http(fx.url);
  let req = (op.method === 'GET' ? agent.get(path) : op.method === 'POST' ? agent.post(path) : op.method === 'PUT' ? agent.put(path) : op.method === 'DELETE' ? agent.delete(path) : agent.patch(path))
    .set(bearer(fx.token))
    .set('accept-language', language)
    .timeout({ response: 10_000 });
  if (c.query) req = req.query(c.query);
  // A stream that opens is the failure here; its first bytes are enough to see it.
  if (op.sse) {
    req = req.buffer(false).parse((res, done) => {
      const stream = res as unknown as NodeJS.ReadableStream & { destroy: () => void; headers: Record<string, string> };
      if (!String(stream.headers['content-type']).startsWith('text/event-stream')) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk));
        stream.on('end', () => done(null, JSON.parse(text)));
        return;
      }
      stream.on('data', () => stream.destroy());
      stream.on('close', () => done(null, {}));
    });
  }
  if (c.raw !== undefined) return req.set('content-type', c.contentType ?? 'application/json').send(c.raw);
  if (c.body !== undefined) return req.send(c.body as object);
  return req;
}


/**
 * Sends every operation its corpus: the refused cases (alternately in Chinese and English), then a
 * check that they changed nothing in the database, then the cases the operation may take (only "no
 * 5xx" asserted). Collects every problem rather than stopping at the first.
 */
export async function runCorpus(fx: CorpusFixture, ops: Operation[]): Promise<CorpusRun> {
  const run: CorpusRun = { problems: [], rows: [], requests: 0 };
  for (const op of ops) {
    const cases = casesFor(op);
    if (!cases.length) continue;
    const before = await databaseState(fx.ds);
    const statuses = new Map<number, number>();
    const check = async (c: Case, language: 'zh-CN' | 'en') => {
      const res = await send(fx, op, c, language).catch((err: Error) => ({ status: 0, body: { error: err.message } }) as const);
      run.requests++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problem = judge(c, language, res.status, res.body);
      if (problem) run.problems.push(`${op.key} — ${c.name}: ${problem}`);
    };
    const [refused, mayPass] = [cases.filter((c) => !c.mayPass), cases.filter((c) => c.mayPass)];
    for (const [i, c] of refused.entries()) await check(c, i % 2 ? 'en' : 'zh-CN');
    if ((await databaseState(fx.ds)) !== before) run.problems.push(`${op.key}: the refused cases changed the database`);
    for (const c of mayPass) await check(c, 'zh-CN');
    run.rows.push(`${op.key.padEnd(70)} ${String(cases.length).padStart(3)} cases  ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
  }
  return run;
}
