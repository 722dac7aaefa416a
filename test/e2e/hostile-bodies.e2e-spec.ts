import type { DataSource } from 'typeorm';
import { openDatabase } from './support/stack';
import { adminToken, bearer, buildWorld, competitionWithEntries, http, type World } from './support/world';

const deepObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/**
 * The holes an attacker's probe found in request handling, each named: deep nesting that overflowed
 * class-transformer's stack, nulls and wrong types that reached services, ids that were not ids, a
 * live stream opened for an event that does not exist.
 */
describe('hostile bodies and ids', () => {
  let world: World;
  let ds: DataSource;
  let eventId: number;
  let itemId: number;
  let roundId: number;
  let admin: string;

  const organizer = () => bearer(world.organizer.token);

  beforeAll(async () => {
    world = await buildWorld({ judges: 1, contestants: 2 });
    ({ eventId, itemId } = await competitionWithEntries(world));
    roundId = (await http().post(`/api/v1/items/${itemId}/rounds`).set(organizer()).send({ name: '预赛', qualification: { byPlace: 1, byPerformance: 0 } })).body.id;
    admin = await adminToken();
    ds = await openDatabase();
  }, 60_000);

  afterAll(() => ds?.destroy());

  it('refuses 200 KB of nesting before it is parsed, and /health keeps answering during a burst of 100', async () => {
    const body = deepObjects(200_000 / 6);
    const burst = Array.from({ length: 100 }, () => http().post('/api/v1/events').set('content-type', 'application/json').send(body));
    const health: number[] = [];
    const probes = (async () => {
      for (let i = 0; i < 10; i++) {
        const started = Date.now();
        expect((await http().get('/health')).status).toBe(200);
        health.push(Date.now() - started);
      }
    })();
    const answers = await Promise.all(burst);
    await probes;
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([413]));
    expect(answers[0].body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(Math.max(...health)).toBeLessThan(1000);
  });

  it('refuses nesting deeper than 32 levels inside a small body with 400, arrays as objects', async () => {
    for (const nested of [deepObjects(40), deepArrays(20_000)]) {
      const res = await http().put(`/api/v1/items/${itemId}/scheme`).set(organizer()).set('content-type', 'application/json').send(`{"scheme":${nested}}`);
      expect([res.status, res.body.code]).toEqual([400, 'BODY_TOO_DEEP']);
    }
  });

  it('refuses null where a value is taken, naming the field, and changes nothing', async () => {
    const before = await ds.query('SELECT auto_approve FROM events WHERE id = ?', [eventId]);
    const cases: Array<[string, string, object, string]> = [
      ['PUT', `/api/v1/events/${eventId}/registration`, { autoApprove: null }, 'autoApprove'],
      ['PUT', `/api/v1/events/${eventId}/results-settings`, { noticeDays: null }, 'noticeDays'],
      ['PUT', `/api/v1/items/${itemId}/award-rules`, { rules: [{ type: 'rank', tiers: 'first' }] }, 'rules[0].tiers'],
      ['PUT', `/api/v1/items/${itemId}/award-rules`, { rules: [{ type: 'rank', tiers: [{ fromPlace: '一', award: { code: 'a', name: '一等奖', level: 1 } }] }] }, 'rules[0].tiers[0].fromPlace'],
      ['POST', '/api/v1/appeals/1/uphold', { reason: '复核', marks: null }, 'marks'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await (method === 'PUT' ? http().put(path) : http().post(path)).set(bearer(admin)).send(body);
      expect([path, res.status, res.body.code, res.body.details.map((d: { field: string }) => d.field)]).toEqual([path, 400, 'VALIDATION_FAILED', [field]]);
    }
    expect(await ds.query('SELECT auto_approve FROM events WHERE id = ?', [eventId])).toEqual(before);
  });

  it('refuses a body of null where an object is taken, and registers nobody for it', async () => {
    const entries = async () => (await ds.query('SELECT COUNT(*) AS n FROM entries WHERE item_id = ?', [itemId]))[0].n;
    const count = await entries();
    const nullBody = (path: string, token: string, method: 'post' | 'put' = 'post') =>
      http()[method](path).set(bearer(token)).set('content-type', 'application/json').send('null');
    for (const res of [
      await nullBody(`/api/v1/items/${itemId}/entries`, world.contestants[0].token),
      await nullBody(`/api/v1/items/${itemId}/registration`, world.organizer.token, 'put'),
      await nullBody(`/api/v1/items/${itemId}/rounds/${roundId}/qualify`, world.organizer.token),
    ]) {
      expect([res.status, res.body.code]).toEqual([400, 'BODY_NOT_OBJECT']);
    }
    expect(await entries()).toEqual(count);
  });

  it('takes an empty change of an item’s registration as a change of nothing', async () => {
    const res = await http().put(`/api/v1/items/${itemId}/registration`).set(organizer()).send({});
    expect([res.status, res.body.id]).toEqual([200, itemId]);
  });

  it('takes only plain decimal ids, in paths and in queries', async () => {
    for (const id of ['0x1', '1e2', '01', '+1', '-1', '0', '4294967296']) {
      const inPath = await http().get(`/api/v1/events/${encodeURIComponent(id)}`);
      expect([id, inPath.status, inPath.body.code, inPath.body.details[0].field]).toEqual([id, 400, 'INVALID_ID', 'id']);
      const inQuery = await http().get(`/api/v1/statistics?organisationId=${encodeURIComponent(id)}&year=2026`).set(organizer());
      expect([id, inQuery.status, inQuery.body.details[0].field]).toEqual([id, 400, 'organisationId']);
    }
    expect((await http().get(`/api/v1/events/${eventId}`)).status).toBe(200);
  });

  it('answers 404 before a live stream opens for an event that does not exist', async () => {
    const res = await http().get('/api/v1/events/999999999/live');
    expect([res.status, res.headers['content-type'], res.body.code]).toEqual([404, expect.stringContaining('application/json'), 'EVENTS_EVENT_NOT_FOUND']);
  });

  it('speaks English when asked, Chinese otherwise', async () => {
    const bad = { organisationId: world.district.id, kind: 'skill_competition', name: '职工茶艺技能竞赛', budget: 1 };
    const zh = await http().post('/api/v1/events').set(organizer()).send(bad);
    const en = await http().post('/api/v1/events').set(organizer()).set('accept-language', 'en-GB,en;q=0.9,zh;q=0.5').send(bad);
    expect(zh.body.details).toEqual([{ field: 'budget', code: 'UNKNOWN_FIELD', message: '不接受字段 budget' }]);
    expect(en.body.details).toEqual([{ field: 'budget', code: 'UNKNOWN_FIELD', message: 'field budget is not accepted' }]);
    expect([zh.headers['content-language'], en.headers['content-language']]).toEqual(['zh-CN', 'en']);
    const missing = await http().get('/api/v1/events/999999999').set('accept-language', 'en');
    expect(missing.body.message).toBe('No such event');
  });
});
