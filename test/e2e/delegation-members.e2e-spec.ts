import { adminToken, bearer, buildWorld, http, login, post, PASSWORD, type World } from './support/world';

/** Whom a delegation leader may enter: the contestants of their own organisation, found by name, mobiles masked. */
describe('delegation members', () => {
  let world: World;
  let leaderToken: string;
  const list = (token: string, query: Record<string, string | number> = {}) => http(world.url).get('/api/v1/delegation-members').query(query).set(bearer(token));

  beforeAll(async () => {
    // Contestants alternate between the two enterprises: 0, 2, 4 in the first.
    world = await buildWorld({ judges: 0, contestants: 6 });
    const leader = await post(world.url, '/api/v1/users', await adminToken(), {
      username: `members-leader-${world.tag}`,
      password: PASSWORD,
      realName: '周领队',
      roles: [{ organisationId: world.enterprises[0].id, role: 'delegation_leader' }],
    });
    leaderToken = await login(leader.username);
  });

  it("lists the leader's own organisation only, with masked mobiles, and pages through it", async () => {
    const mine = [0, 2, 4].map((i) => world.contestants[i].id).sort((a, b) => a - b);
    const all = await list(leaderToken, { limit: 100 });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((m: { userId: number }) => m.userId).sort((a: number, b: number) => a - b)).toEqual(mine);
    for (const m of all.body.items) {
      expect(m).toMatchObject({ organisationId: world.enterprises[0].id, membershipConfirmed: true, masked: true });
      expect(m.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }

    const first = await list(leaderToken, { limit: 2 });
    const second = await list(leaderToken, { limit: 2, offset: 2 });
    expect([first.body.total, first.body.items.length, second.body.items.length]).toEqual([3, 2, 1]);
    const paged = [...first.body.items, ...second.body.items].map((m: { userId: number }) => m.userId);
    expect(paged.sort((a, b) => a - b)).toEqual(mine);
  });

  it('finds people by a part of their name, a wildcard typed as itself', async () => {
    const target = world.contestants[2];
    const found = await list(leaderToken, { q: target.realName.slice(1) });
    expect(found.body.items.map((m: { userId: number }) => m.userId)).toContain(target.id);
    expect(found.body.items.every((m: { realName: string }) => m.realName.includes(target.realName.slice(1)))).toBe(true);
    // A contestant of the other enterprise is not found, even by their exact name.
    const other = await list(leaderToken, { q: world.contestants[1].realName });
    expect(other.body.items.map((m: { userId: number }) => m.userId)).not.toContain(world.contestants[1].id);
    expect((await list(leaderToken, { q: '%' })).body.total).toBe(0);
  });

  it("shows organizers both enterprises' people with clear mobiles, and refuses contestants", async () => {
    const res = await list(world.organizer.token, { limit: 100 });
    expect(res.body.total).toBe(6);
    expect(res.body.items.every((m: { masked: boolean; mobile: string }) => !m.masked && /^1\d{10}$/.test(m.mobile))).toBe(true);
    expect((await list(world.contestants[0].token)).status).toBe(403);
    expect((await list(leaderToken, { limit: 1000 })).status).toBe(400);
  });
});
