import { JwtService } from '@nestjs/jwt';
import { TEST_JWT_SECRET } from './support/test-env';
import { bearer, buildWorld, http, login, type World } from './support/world';

const expectErrorShape = (body: Record<string, unknown>, status: number, code: string) => {
  expect(body).toMatchObject({ statusCode: status, code });
  expect(typeof body.message).toBe('string');
  expect(Object.keys(body).every((k) => ['statusCode', 'code', 'message', 'details', 'errorId'].includes(k))).toBe(true);
};

describe('bad input gets a 4xx in the one error shape, never a 500', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld({ judges: 1, contestants: 1 });
  });

  it('malformed JSON', async () => {
    const res = await http()
      .post('/api/v1/events')
      .set(bearer(world.organizer.token))
      .set('content-type', 'application/json')
      .send('{"organisationId": 1, "kind": ');
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400, 'MALFORMED_BODY');
  });

  it('an unknown field is refused and named', async () => {
    const res = await http()
      .post('/api/v1/events')
      .set(bearer(world.organizer.token))
      .send({ organisationId: world.district.id, kind: 'skill_competition', name: '职工茶艺技能竞赛', budget: 5000 });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field: 'budget', code: 'UNKNOWN_FIELD', message: '不接受字段 budget' }]);
  });

  it('a wrong type is refused and named', async () => {
    const res = await http()
      .post('/api/v1/events')
      .set(bearer(world.organizer.token))
      .send({ organisationId: '拱墅区', kind: 'skill_competition', name: '职工茶艺技能竞赛' });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['organisationId']);
  });

  it('a nested field is named with its path', async () => {
    const admin = await login('e2e-admin', 'e2e-admin-password');
    const res = await http()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ username: `x-${world.tag}`, password: 'Qiantang-tide-2026', realName: '测试', roles: [{ organisationId: 1, role: '队长' }] });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['roles[0].role']);
  });

  it('a missing token', async () => {
    const res = await http().post('/api/v1/events').send({ organisationId: 1, kind: 'hiking', name: '运河毅行' });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401, 'IDENTITY_BAD_CREDENTIALS');
  });

  it('an expired token', async () => {
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const past = Math.floor(Date.now() / 1000) - 7200;
    const token = await jwt.signAsync({ sub: String(world.organizer.id), name: world.organizer.username, roles: [], iat: past, exp: past + 60 });
    const res = await http().get('/api/v1/auth/me').set(bearer(token));
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401, 'IDENTITY_BAD_CREDENTIALS');
    expect(res.body.details).toEqual([{ field: 'authorization', code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }]);
  });

  it('a token signed with another key', async () => {
    const token = await new JwtService({ secret: 'someone-elses-secret-key' }).signAsync({ sub: '1', name: 'e2e-admin', roles: [{ role: 'admin', orgId: 1, path: '/1/' }] });
    const res = await http().get('/api/v1/auth/me').set(bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(['TOKEN_INVALID']);
  });

  it('a token whose role does not allow the call', async () => {
    const res = await http()
      .post('/api/v1/events')
      .set(bearer(world.contestants[0].token))
      .send({ organisationId: world.district.id, kind: 'skill_competition', name: '职工茶艺技能竞赛' });
    expect(res.status).toBe(403);
    expectErrorShape(res.body, 403, 'IDENTITY_FORBIDDEN');
  });

  it('a token whose organisation does not allow the call: a sibling district or the city above', async () => {
    const sibling = await buildWorld({ judges: 0, contestants: 0 });
    for (const organisationId of [sibling.district.id, 1]) {
      const res = await http()
        .post('/api/v1/events')
        .set(bearer(world.organizer.token))
        .send({ organisationId, kind: 'sports_meet', name: '职工运动会' });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403, 'IDENTITY_FORBIDDEN');
    }
    const own = await http()
      .post('/api/v1/events')
      .set(bearer(world.organizer.token))
      .send({ organisationId: world.enterprises[0].id, kind: 'sports_meet', name: '企业职工运动会' });
    expect(own.status).toBe(201);
  });

  it('a judge not on the panel cannot mark, an unknown route is a 404, a bad id a 400', async () => {
    const notFound = await http().get('/api/v1/no-such-thing');
    expect(notFound.status).toBe(404);
    expectErrorShape(notFound.body, 404, 'NOT_FOUND');
    const badId = await http().get('/api/v1/events/abc');
    expect(badId.status).toBe(400);
    expectErrorShape(badId.body, 400, 'INVALID_ID');
    const missing = await http().get('/api/v1/events/99999999');
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body, 404, 'EVENTS_EVENT_NOT_FOUND');
  });

  it('rate-limits failed logins per username, with Retry-After', async () => {
    const username = world.contestants[0].username;
    for (let i = 0; i < 5; i++) {
      const res = await http().post('/api/v1/auth/login').send({ username, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const blocked = await http().post('/api/v1/auth/login').send({ username, password: 'Qiantang-tide-2026' });
    expect(blocked.status).toBe(429);
    expectErrorShape(blocked.body, 429, 'IDENTITY_TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another user is not affected.
    expect((await http().post('/api/v1/auth/login').send({ username: world.organizer.username, password: 'Qiantang-tide-2026' })).status).toBe(200);
  });

  it('echoes a request id on every answer', async () => {
    const res = await http().get('/health').set('x-request-id', 'trace-abc-123');
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
  });
});
