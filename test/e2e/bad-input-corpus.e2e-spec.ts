import type { DataSource } from 'typeorm';
import { CorpusProbeModule } from './support/corpus-probe.module';
import { type CorpusFixture, runCorpus } from './support/corpus-runner';
import { startInProcessApi, type InProcessApi } from './support/in-process-api';
import { operationsOf } from './support/routes';
import { openDatabase } from './support/stack';
import { adminToken, buildWorld, competitionWithEntries, type World } from './support/world';

/**
 * The bad-input corpus: every operation of the route table gets malformed JSON, deep nesting, a
 * body of null, {}, null and a wrong type for each field, a 100,000-character string, unknown
 * fields, bad path and query ids and a wrong content type, from its DTOs' metadata alone. Any 5xx,
 * any answer out of the error shape, any refused case that gets through, and any change of the
 * database fails it. A new route is covered the day it is added.
 */
describe('bad-input corpus over every operation', () => {
  let api: InProcessApi;
  let world: World;
  let ds: DataSource;
  let fx: CorpusFixture;

  beforeAll(async () => {
    api = await startInProcessApi();
    world = await buildWorld({ url: api.baseUrl, judges: 1, contestants: 2 });
    const competition = await competitionWithEntries(world);
    const targets = {
      eventId: competition.eventId,
      itemId: competition.itemId,
      entryId: competition.entryIds[0],
      judgeId: world.judges[0].id,
      userId: world.contestants[0].id,
      organisationId: world.enterprises[0].id,
    };
    ds = await openDatabase();
    fx = { url: api.baseUrl, token: await adminToken(api.baseUrl), targets, ds };
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await api?.close();
  });

  it('answers every refused case with a 4xx in the one error shape, in one language, and changes nothing', async () => {
    const { problems, rows, requests } = await runCorpus(fx, operationsOf(api.app));
    process.stdout.write(`\nbad-input corpus: ${rows.length} operations, ${requests} requests\n${rows.join('\n')}\n`);
    expect(problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
  }, 290_000);

  it('covers a route added to the API without being told about it, and catches one that lets null through', async () => {
    const probe = await startInProcessApi([CorpusProbeModule]);
    try {
      const ops = operationsOf(probe.app).filter((op) => op.path.includes('corpus-probe'));
      expect(ops.map((op) => op.key)).toEqual(['PUT /api/v1/corpus-probe/:eventId/loose-note', 'PUT /api/v1/corpus-probe/:eventId/note']);
      const [loose, checked] = ops;
      expect((await runCorpus({ ...fx, url: probe.baseUrl }, [checked])).problems).toEqual([]);
      const caught = (await runCorpus({ ...fx, url: probe.baseUrl }, [loose])).problems;
      expect(caught).toEqual([expect.stringMatching(/^PUT \/api\/v1\/corpus-probe\/:eventId\/loose-note — urgent = null: 500 /)]);
    } finally {
      await probe.close();
    }
  }, 120_000);
});
