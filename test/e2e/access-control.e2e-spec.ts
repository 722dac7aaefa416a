import * as argon2 from 'argon2';
import { request as httpRequest } from 'node:http';
import { startInProcessApi, type InProcessApi } from './support/in-process-api';
import { openDatabase } from './support/stack';
import { adminToken, bearer, buildWorld, http, login, post, type Person, type World } from './support/world';

const PASSWORD = 'Qiantang-tide-2026';

/** A login sent from a chosen loopback source address: the address the API sees, since no proxy is trusted. */
function loginFrom(url: string, address: string, username: string, password: string): Promise<{ status: number; body: any }> {
  const target = new URL('/api/v1/auth/login', url);
  const payload = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress: address, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls until `check` holds, for at most `ms`; answers how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - start;
}

/** Role grants inside one's subtree only, revocation that takes effect within seconds, login limits per account, strong passwords. */
describe('access control', () => {
  let world: World;
  let other: World;
  let second: InProcessApi;
  let leader: Person;

  const meOn = (url: string, token: string) => http(url).get('/api/v1/auth/me').set(bearer(token));
  const rolesOf = async (userId: number) => (await http(world.url).get(`/api/v1/users/${userId}`).set(bearer(await adminToken()))).body.roles;

  beforeAll(async () => {
    [world, other] = [await buildWorld({ judges: 1, contestants: 5 }), await buildWorld({ judges: 0, contestants: 1 })];
    second = await startInProcessApi();
    const admin = await adminToken();
    const u = await post(world.url, '/api/v1/users', admin, {
      username: `lead-${world.tag}`,
      password: PASSWORD,
      realName: '周领队',
      roles: [{ organisationId: world.enterprises[0].id, role: 'delegation_leader' }],
    });
    leader = { id: u.id, username: u.username, realName: u.realName, token: await login(u.username) };
  });

  afterAll(() => second?.close());

  describe('role grants', () => {
    it("refuses a grant to a person of a sibling district, writing nothing, even on the granter's own organisation", async () => {
      const victim = other.contestants[0];
      const before = await rolesOf(victim.id);
      for (const role of ['contestant', 'organizer']) {
        const res = await http(world.url)
          .post(`/api/v1/users/${victim.id}/roles`)
          .set(bearer(world.organizer.token))
          .send({ organisationId: world.district.id, role });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('IDENTITY_PERSON_OUTSIDE_SUBTREE');
      }
      expect(await rolesOf(victim.id)).toEqual(before);
    });

    it('refuses a role above the granter’s own', async () => {
      const res = await http(world.url)
        .post(`/api/v1/users/${world.contestants[0].id}/roles`)
        .set(bearer(world.organizer.token))
        .send({ organisationId: world.district.id, role: 'admin' });
      expect(res.status).toBe(403);
      const byLeader = await http(world.url)
        .post(`/api/v1/users/${world.contestants[0].id}/roles`)
        .set(bearer(leader.token))
        .send({ organisationId: world.enterprises[0].id, role: 'judge' });
      expect(byLeader.status).toBe(403);
    });

    it('grants inside the subtree and audits who granted what', async () => {
      const person = world.contestants[0];
      const res = await http(world.url).post(`/api/v1/users/${person.id}/roles`).set(bearer(world.organizer.token)).send({ organisationId: world.district.id, role: 'judge' });
      expect(res.status).toBe(201);
      const audit = await http(world.url).get(`/api/v1/users/${person.id}/audit`).set(bearer(world.organizer.token));
      expect(audit.status).toBe(200);
      expect(audit.body).toContainEqual(expect.objectContaining({ action: 'role_granted', actorId: world.organizer.id, organisationId: world.district.id, role: 'judge' }));
    });
  });

  describe('revocation', () => {
    it('a removed role stops every token of the person at once on each of two API processes, though each keeps standings for 5 s', async () => {
      const person = world.contestants[1];
      // A few requests a tenth of a second apart: each process is listening for changes and keeps the person's standing.
      for (let i = 0; i < 3; i++) {
        for (const url of [world.url, second.baseUrl]) expect((await meOn(url, person.token)).status).toBe(200);
        await new Promise((r) => setTimeout(r, 100));
      }
      const org = world.enterprises[1].id;
      const removed = await http(world.url).delete(`/api/v1/users/${person.id}/roles/${org}/contestant`).set(bearer(world.organizer.token));
      expect(removed.status).toBe(200);
      // The change is announced: neither process waits for its kept standing to expire.
      for (const url of [world.url, second.baseUrl]) {
        expect(await within(5000, async () => (await meOn(url, person.token)).status === 401)).toBeLessThan(1000);
      }
      const again = await meOn(world.url, person.token);
      expect(again.body.code).toBe('IDENTITY_TOKEN_REVOKED');
      const audit = await http(world.url).get(`/api/v1/users/${person.id}/audit`).set(bearer(world.organizer.token));
      expect(audit.body).toContainEqual(expect.objectContaining({ action: 'role_removed', actorId: world.organizer.id, role: 'contestant' }));
    });

    it('a disabled account cannot sign in and its tokens stop on both processes; enabling lets it sign in again', async () => {
      const person = world.contestants[2];
      const res = await http(world.url).post(`/api/v1/users/${person.id}/disable`).set(bearer(world.organizer.token));
      expect(res.status).toBe(200);
      expect(res.body.disabled).toBe(true);
      for (const url of [world.url, second.baseUrl]) await within(5000, async () => (await meOn(url, person.token)).status === 401);
      const refused = await http(world.url).post('/api/v1/auth/login').send({ username: person.username, password: PASSWORD });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('IDENTITY_USER_DISABLED');
      expect((await http(world.url).post(`/api/v1/users/${person.id}/enable`).set(bearer(world.organizer.token))).status).toBe(200);
      expect((await meOn(world.url, await login(person.username))).status).toBe(200);
    });

    it('only one who could grant every role the person holds may disable them, and nobody themselves', async () => {
      const byLeader = await http(world.url).post(`/api/v1/users/${world.judges[0].id}/disable`).set(bearer(leader.token));
      expect(byLeader.status).toBe(403);
      const ofOtherDistrict = await http(world.url).post(`/api/v1/users/${other.contestants[0].id}/disable`).set(bearer(world.organizer.token));
      expect(ofOtherDistrict.status).toBe(403);
      const self = await http(world.url).post(`/api/v1/users/${world.organizer.id}/disable`).set(bearer(world.organizer.token));
      expect(self.status).toBe(422);
      expect((await meOn(world.url, world.judges[0].token)).status).toBe(200);
    });

    it('logout ends the token on both processes', async () => {
      const person = world.contestants[3];
      const token = await login(person.username);
      expect((await meOn(second.baseUrl, token)).status).toBe(200);
      expect((await http(world.url).post('/api/v1/auth/logout').set(bearer(token))).status).toBe(204);
      for (const url of [world.url, second.baseUrl]) await within(5000, async () => (await meOn(url, token)).status === 401);
    });

    it('a password change ends earlier tokens and answers with a working one', async () => {
      const person = world.contestants[4];
      const old = await login(person.username);
      const weak = await http(world.url).post('/api/v1/auth/password').set(bearer(old)).send({ currentPassword: PASSWORD, newPassword: 'password1234' });
      expect(weak.status).toBe(400);
      const res = await http(world.url).post('/api/v1/auth/password').set(bearer(old)).send({ currentPassword: PASSWORD, newPassword: 'Baidi-causeway-willow-9' });
      expect(res.status).toBe(200);
      await within(5000, async () => (await meOn(world.url, old)).status === 401);
      expect((await meOn(world.url, res.body.accessToken)).status).toBe(200);
    });
  });

  describe('login limits', () => {
    it('counts every spelling the database matches to one account, and locks only the guessing address', async () => {
      const owner = world.judges[0];
      const spellings = [`${owner.username} `, owner.username.toUpperCase(), owner.username.replace(/[a-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))];
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await loginFrom(world.url, '127.0.0.2', spellings[i % 3], 'wrong-password-guess')).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const stillLocked = await loginFrom(world.url, '127.0.0.2', owner.username, PASSWORD);
      expect(stillLocked.status).toBe(429);
      const owners = await loginFrom(world.url, '127.0.0.3', owner.username, PASSWORD);
      expect(owners.status).toBe(200);
    });
  });

  describe('passwords', () => {
    it("signs in with a hash of older parameters and replaces it with one of today's, the password and tokens unchanged", async () => {
      const person = world.contestants[0];
      const ds = await openDatabase();
      try {
        const hashOf = async () => (await ds.query('SELECT password_hash AS h FROM users WHERE id = ?', [person.id]))[0].h as string;
        // argon2's own default (64 MiB, three passes, four lanes), as hashes were made before.
        await ds.query('UPDATE users SET password_hash = ? WHERE id = ?', [await argon2.hash(PASSWORD), person.id]);
        const token = await login(person.username);
        expect(await hashOf()).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
        expect((await meOn(world.url, token)).status).toBe(200);
        expect((await meOn(world.url, await login(person.username))).status).toBe(200);
      } finally {
        await ds.destroy();
      }
    });

    it.each([
      ['shorter than 10 characters', 'x7#Qp!2vZ'],
      ['a common password', 'password-123'],
      ['built from the username', 'weakling2026'],
    ])('refuses one %s', async (_, password) => {
      const res = await http(world.url)
        .post('/api/v1/users')
        .set(bearer(world.organizer.token))
        .send({ username: 'weakling', password, realName: '弱口令', roles: [{ organisationId: world.district.id, role: 'judge' }] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IDENTITY_WEAK_PASSWORD');
    });
  });
});
