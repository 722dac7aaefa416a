import { adminToken, bearer, buildWorld, http, login, PASSWORD, type Person, post, put, type World } from './support/world';

/**
 * The organizer's route page picks checkpoint staff by name: the people holding the
 * checkpoint_staff role at the event's organisation or below it, each once, and who already staffs
 * which checkpoint of the route. Nobody else's people, and nobody but the event's organizers.
 */
describe("hiking: a route's checkpoint staff to pick from", () => {
  let world: World;
  let admin: string;
  let routeId: number;
  let checkpoints: { id: number }[];
  const staff: Record<'district' | 'enterprise' | 'elsewhere', Person> = {} as never;
  let siblingOrganizer: string;

  const person = async (key: string, realName: string, organisationId: number, role = 'checkpoint_staff'): Promise<Person> => {
    const username = `${key}-${world.tag}`;
    const user = await post(world.url, '/api/v1/users', admin, { username, password: PASSWORD, realName, roles: [{ organisationId, role }] });
    return { id: user.id, username, realName, token: await login(username) };
  };
  const read = (token: string, q?: string) => http().get(`/api/v1/hiking/routes/${routeId}/staff`).query(q === undefined ? {} : { q }).set(bearer(token));

  beforeAll(async () => {
    world = await buildWorld({ judges: 0, contestants: 1 });
    admin = await adminToken();
    const sibling = await post(world.url, '/api/v1/organisations', admin, { name: `邻区总工会-${world.tag}`, kind: 'district', parentId: 1 });
    staff.district = await person('cp-district', '陆晓峰', world.district.id);
    staff.enterprise = await person('cp-enterprise', '沈佳怡', world.enterprises[0].id);
    staff.elsewhere = await person('cp-elsewhere', '韩立新', sibling.id);
    siblingOrganizer = (await person('org-sibling', '邻区组织者', sibling.id, 'organizer')).token;
    // Staff of an enterprise who is staff of the district too is listed once, at the district.
    await post(world.url, `/api/v1/users/${staff.enterprise.id}/roles`, admin, { organisationId: world.district.id, role: 'checkpoint_staff' });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'hiking', name: `运河晨走-${world.tag}` })).id;
    const itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '8公里' })).id;
    routeId = (await post(world.url, `/api/v1/hiking/items/${itemId}/route`, org, { distanceM: 8000, referenceStartAt: new Date() })).id;
    checkpoints = (await put(world.url, `/api/v1/hiking/routes/${routeId}/checkpoints`, org, { checkpoints: [{ name: '武林门', distanceM: 0 }, { name: '拱宸桥', distanceM: 8000 }] })).checkpoints;
  }, 120_000);

  it("lists the checkpoint staff of the event's organisation and below, by name, and who staffs which checkpoint", async () => {
    const all = await read(world.organizer.token);
    expect(all.status).toBe(200);
    expect(all.body.candidates.map((c: { userId: number; organisationId: number }) => [c.userId, c.organisationId])).toEqual([
      [staff.district.id, world.district.id],
      [staff.enterprise.id, world.district.id],
    ]);
    expect(all.body.assigned).toEqual([]);

    const byName = await read(world.organizer.token, '佳怡');
    expect(byName.body.candidates.map((c: { realName: string }) => c.realName)).toEqual(['沈佳怡']);
    expect((await read(world.organizer.token, '%')).body.candidates).toEqual([]);

    await post(world.url, `/api/v1/hiking/checkpoints/${checkpoints[1].id}/staff`, world.organizer.token, { userId: staff.enterprise.id });
    await post(world.url, `/api/v1/hiking/checkpoints/${checkpoints[0].id}/staff`, world.organizer.token, { userId: staff.district.id });
    expect((await read(world.organizer.token)).body.assigned).toEqual([
      { checkpointId: checkpoints[0].id, userId: staff.district.id, realName: '陆晓峰' },
      { checkpointId: checkpoints[1].id, userId: staff.enterprise.id, realName: '沈佳怡' },
    ]);
  });

  it('keeps a checkpoint moved by its id with its staff; a new one goes in; an id of another route is refused', async () => {
    const org = world.organizer.token;
    const [start, end] = checkpoints;
    const set = (list: object[]) => http().put(`/api/v1/hiking/routes/${routeId}/checkpoints`).set(bearer(org)).send({ checkpoints: list });
    const moved = await set([{ id: start.id, name: '武林门', distanceM: 0 }, { name: '富义仓', distanceM: 3000 }, { id: end.id, name: '拱宸桥', distanceM: 8000 }]);
    expect(moved.status).toBe(200);
    expect(moved.body.checkpoints.map((c: { id: number; seq: number; name: string }) => [c.seq, c.name, c.id === start.id || c.id === end.id])).toEqual([
      [0, '武林门', true],
      [1, '富义仓', false],
      [2, '拱宸桥', true],
    ]);
    expect(moved.body.checkpoints[2].id).toBe(end.id);
    // 沈佳怡 staffs 拱宸桥 still, now the third checkpoint; nobody staffs the new one.
    expect((await read(org)).body.assigned.map((a: { checkpointId: number; realName: string }) => [a.checkpointId, a.realName])).toEqual([
      [start.id, '陆晓峰'],
      [end.id, '沈佳怡'],
    ]);
    const foreign = await set([{ id: start.id, name: '武林门', distanceM: 0 }, { id: 999999999, name: '拱宸桥', distanceM: 8000 }]);
    expect([foreign.status, foreign.body.code, foreign.body.details?.[0]?.field]).toEqual([400, 'HIKING_CHECKPOINTS_INVALID', 'checkpoints[1].id']);
    const twice = await set([{ id: start.id, name: '武林门', distanceM: 0 }, { id: start.id, name: '拱宸桥', distanceM: 8000 }]);
    expect([twice.status, twice.body.code]).toEqual([400, 'HIKING_CHECKPOINTS_INVALID']);
    // Refused edits changed nothing.
    expect((await http().get(`/api/v1/hiking/routes/${routeId}`).set(bearer(org))).body.checkpoints.map((c: { name: string }) => c.name)).toEqual(['武林门', '富义仓', '拱宸桥']);
  });

  it("changes a route's settings but its reference start, and refuses a team minimum above the maximum", async () => {
    const org = world.organizer.token;
    const before = (await http().get(`/api/v1/hiking/routes/${routeId}`).set(bearer(org))).body;
    const change = (body: object) => http().put(`/api/v1/hiking/routes/${routeId}`).set(bearer(org)).send(body);
    const changed = await change({ teamMin: 3, teamMax: 5, overdueMarginMs: 20 * 60_000, incompleteTeamScan: 'refuse', notifyContacts: true });
    expect(changed.status).toBe(200);
    expect([changed.body.teamMin, changed.body.teamMax, changed.body.overdueMarginMs, changed.body.incompleteTeamScan, changed.body.notifyContacts]).toEqual([3, 5, 1_200_000, 'refuse', true]);
    expect([changed.body.referenceStartAt, changed.body.distanceM, changed.body.checkpoints.length]).toEqual([before.referenceStartAt, before.distanceM, before.checkpoints.length]);
    const inverted = await change({ teamMin: 6 });
    expect([inverted.status, inverted.body.code, inverted.body.details[0].field]).toEqual([400, 'HIKING_TEAM_SIZE', 'teamMin']);
    const restart = await change({ referenceStartAt: new Date() });
    expect([restart.status, restart.body.details[0].field]).toEqual([400, 'referenceStartAt']);
    expect((await http().get(`/api/v1/hiking/routes/${routeId}`).set(bearer(org))).body.teamMin).toBe(3);
    expect((await http().put(`/api/v1/hiking/routes/${routeId}`).set(bearer(staff.district.token)).send({ teamMin: 2 })).status).toBe(403);
  });

  it('refuses staff, organizers of another district and a name too long', async () => {
    expect((await read(staff.district.token)).status).toBe(403);
    expect((await read(siblingOrganizer)).status).toBe(403);
    const long = await read(world.organizer.token, '陆'.repeat(51));
    expect([long.status, long.body.code, long.body.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'q']);
    expect((await http().get('/api/v1/hiking/routes/999999999/staff').set(bearer(world.organizer.token))).status).toBe(404);
  });
});
