import type { DataSource } from 'typeorm';
import { type InProcessApi, startInProcessApi } from './support/in-process-api';
import { formatMatrix, probeOperation, type Row, tableProblems } from './support/matrix';
import { buildFixture, type Fixture } from './support/matrix-fixture';
import { MatrixProbeModule, PROBE_KEYS } from './support/matrix-probe.module';
import { type Guarded, isOpen, type Permission, PERMISSIONS } from './support/permissions';
import { operationsOf, type Operation } from './support/routes';
import { openDatabase } from './support/stack';
import { baseUrl } from './support/world';

/** Guarded operations in table order; those that end the caller's sessions last. */
const GUARDED = Object.entries(PERMISSIONS)
  .filter((e): e is [string, Guarded] => !isOpen(e[1]))
  .sort(([, a], [, b]) => Number(!!a.endsSessions) - Number(!!b.endsSessions))
  .map(([key]) => key);

/**
 * Every guarded operation of the API, read from Nest's own route table, called by everyone who
 * must be refused and by one caller who must be served; the answers must be the ones
 * test/e2e/support/permissions.ts names. Prints operations × callers with the statuses seen.
 */
describe('refusal matrix', () => {
  let api: InProcessApi;
  let ops: Operation[];
  let db: DataSource;
  let fx: Fixture;
  const rows: Row[] = [];

  beforeAll(async () => {
    api = await startInProcessApi();
    ops = operationsOf(api.app);
    db = await openDatabase();
    fx = await buildFixture(baseUrl(), db);
  }, 180_000);

  afterAll(async () => {
    if (rows.length) console.log(`refusal matrix (${rows.length} operations; ✗: not the answer the table names)\n${formatMatrix(rows)}`);
    await api?.close();
    await db?.destroy();
  });

  it('the permission table names every operation of the API and no other, as each declares its access', () => {
    expect(tableProblems(ops, PERMISSIONS)).toEqual([]);
    expect(ops.filter((o) => o.access && !('public' in o.access)).map((o) => o.key).sort()).toEqual([...GUARDED].sort());
  });

  describe('routes added to the API', () => {
    let probe: InProcessApi;
    let probeOps: Operation[];
    const plain: Guarded = { allowed: 'organizer', request: (f) => ({ params: { eventId: f.events.main } }) };
    const hiding: Guarded = { ...plain, refused: { siblingOrganizer: 404 }, why: 'the event is hidden from other districts', hides: 'eventId' };
    const K = PROBE_KEYS;
    const withProbes: Record<string, Permission> = { ...PERMISSIONS, [K.checked]: plain, [K.leaky]: plain, [K.hidden]: hiding, [K.halfHidden]: hiding };
    const probeRow = (key: string, rule: Guarded) => probeOperation(probeOps.find((o) => o.key === key)!, rule, fx, probe.baseUrl);
    const sibling = 'siblingOrganizer (siblingOrganizer)';

    beforeAll(async () => {
      probe = await startInProcessApi([MatrixProbeModule]);
      probeOps = operationsOf(probe.app);
    });
    afterAll(() => probe?.close());

    it('are found without being named, and the table check names each one while the table lacks it', () => {
      expect(probeOps.find((o) => o.key === K.checked)).toMatchObject({ access: { roles: ['organizer'] }, params: ['eventId'], controller: 'MatrixProbeController' });
      const missing = (key: string, handler: string) =>
        `'${key}' (MatrixProbeController.${handler}, @Allow('organizer')) is missing from test/e2e/support/permissions.ts: add who may call it`;
      expect(tableProblems(probeOps, PERMISSIONS).sort()).toEqual(
        [missing(K.checked, 'event'), missing(K.leaky, 'leaky'), missing(K.hidden, 'hidden'), missing(K.halfHidden, 'halfHidden')].sort(),
      );
      expect(tableProblems(probeOps, withProbes)).toEqual([]);
      expect(tableProblems(ops, withProbes).sort()).toEqual(Object.values(K).map((k) => `'${k}' is in test/e2e/support/permissions.ts but the API has no such operation`).sort());
    });

    it('are probed once named: a route that checks the organisation passes, one that does not is caught', async () => {
      const checked = await probeRow(K.checked, plain);
      expect(checked.problems).toEqual([]);
      const leaky = await probeRow(K.leaky, plain);
      expect(leaky.problems).toEqual([`${sibling}: expected 403, got 200`]);
      rows.push(checked, leaky);
    });

    it('hold a 404 that hides a thing to the answer for one that does not exist', async () => {
      const hidden = await probeRow(K.hidden, hiding);
      expect(hidden.problems).toEqual([]);
      const half = await probeRow(K.halfHidden, hiding);
      expect(half.problems).toEqual([`${sibling}: "not yours" answers 404 EVENTS_ITEM_NOT_FOUND but "does not exist" 404 EVENTS_EVENT_NOT_FOUND`]);
      const unnamed = await probeRow(K.hidden, { ...hiding, hides: undefined });
      expect(unnamed.problems).toEqual([`${sibling}: a 404 refusal must name the parameter it hides (\`hides\`)`]);
      rows.push(hidden, half);
    });
  });

  for (const key of GUARDED) {
    it(`${key}: every stranger refused as the table says, the allowed caller served`, async () => {
      const op = ops.find((o) => o.key === key);
      if (!op) throw new Error(`${key} is not an operation of the API (see the table check)`);
      const row = await probeOperation(op, PERMISSIONS[key] as Guarded, fx);
      rows.push(row);
      expect(row.problems).toEqual([]);
    });
  }
});
