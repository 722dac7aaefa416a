import { parse } from 'csv-parse/sync';
import { residentIdCheckChar } from '../../libs/registration/src/domain/resident-id';
import { beijingClock } from './support/beijing';
import { openEvent } from './support/registration';
import { adminToken, bearer, buildWorld, chineseName, http, login, mobile, post, put, residentId, type Person, type World } from './support/world';

/** Eligibility, delegations, idempotency, check-in and personal-data masking, through the API. */
describe('registration rules', () => {
  let world: World;
  let leader: Person;
  let otherLeader: Person;

  const register = (token: string, itemId: number, body: object = {}, headers: Record<string, string> = {}) =>
    http(world.url).post(`/api/v1/items/${itemId}/entries`).set({ ...bearer(token), ...headers }).send(body);

  /** A contestant of an enterprise with a profile: woman or man, born on `birth`, union member or not. */
  async function contestant(i: number, opts: { male?: boolean; birth?: string; member?: boolean; org?: number } = {}): Promise<Person> {
    const admin = await adminToken();
    const username = `rc${i}-${world.tag}`;
    const user = await post(world.url, '/api/v1/users', admin, {
      username,
      password: 'Qiantang-tide-2026',
      realName: chineseName(i + 40),
      roles: [{ organisationId: opts.org ?? world.enterprises[0].id, role: 'contestant' }],
    });
    const token = await login(username);
    await put(world.url, '/api/v1/me/profile', token, {
      residentId: residentId({ birth: opts.birth, male: opts.male ?? true }),
      mobile: mobile(),
      unionMemberNo: opts.member === false ? null : `GH${i}`,
    });
    return { id: user.id, username, realName: chineseName(i + 40), token };
  }

  beforeAll(async () => {
    world = await buildWorld({ judges: 0, contestants: 0 });
    const admin = await adminToken();
    const mk = async (name: string, org: number) => {
      const u = await post(world.url, '/api/v1/users', admin, { username: `${name}-${world.tag}`, password: 'Qiantang-tide-2026', realName: '周领队', roles: [{ organisationId: org, role: 'delegation_leader' }] });
      return { id: u.id, username: u.username, realName: u.realName, token: await login(u.username) };
    };
    leader = await mk('leader', world.enterprises[0].id);
    otherLeader = await mk('leader2', world.enterprises[1].id);
  });

  it('shows anyone the places left, and a leader their own delegation’s quota only', async () => {
    const run = await openEvent(world, { event: { capacity: 10 }, itemRules: { capacity: 3 } });
    await put(world.url, `/api/v1/events/${run.eventId}/delegations/${world.enterprises[0].id}/quota`, world.organizer.token, { capacity: 2 });
    await put(world.url, `/api/v1/events/${run.eventId}/delegations/${world.enterprises[1].id}/quota`, world.organizer.token, { capacity: 4 });
    const runner = await contestant(90);
    expect((await register(leader.token, run.itemId, { userId: runner.id })).status).toBe(201);

    const places = await http(world.url).get(`/api/v1/events/${run.eventId}/places`);
    expect(places.body).toEqual({ eventId: run.eventId, event: { capacity: 10, taken: 1, left: 9 }, items: [{ itemId: run.itemId, places: { capacity: 3, taken: 1, left: 2 } }] });
    const mine = await http(world.url).get(`/api/v1/events/${run.eventId}/quotas`).set(bearer(leader.token));
    expect(mine.body).toEqual([{ scope: `delegation:${world.enterprises[0].id}`, cap: 2, taken: 1 }]);
    const theirs = await http(world.url).get(`/api/v1/events/${run.eventId}/quotas`).set(bearer(otherLeader.token));
    expect(theirs.body).toEqual([{ scope: `delegation:${world.enterprises[1].id}`, cap: 4, taken: 0 }]);
    expect((await http(world.url).get(`/api/v1/events/${run.eventId}/quotas`).set(bearer(world.organizer.token))).body.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses each failed eligibility rule with its code and message, and writes nothing', async () => {
    const meet = await openEvent(world, {
      kind: 'sports_meet',
      item: '女子100米',
      event: { ageReferenceDate: '2026-12-01' },
      itemRules: { gender: 'female', minAge: 18, maxAge: 45, unionMemberRequired: true, orgSubtreeId: world.enterprises[1].id },
    });
    const man = await contestant(1, { male: true, birth: '1990-05-01', member: false });
    const res = await register(man.token, meet.itemId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('REGISTRATION_NOT_ELIGIBLE');
    expect(res.body.details.map((f: { code: string }) => f.code).sort()).toEqual(['GENDER_NOT_ALLOWED', 'ORGANISATION_NOT_ALLOWED', 'UNION_MEMBERSHIP_REQUIRED']);
    expect(res.body.message).toContain('该项目仅限女性报名');
    expect(res.body.message).toContain('该项目仅限工会会员报名');

    const old = await contestant(2, { male: false, birth: '1970-01-01', org: world.enterprises[1].id });
    const tooOld = await register(old.token, meet.itemId);
    expect(tooOld.body.details).toEqual([expect.objectContaining({ code: 'AGE_ABOVE_MAXIMUM', rule: 'age' })]);
    expect(tooOld.body.message).toContain('以2026年12月1日计算，您为56周岁');
    const young = await contestant(3, { male: false, birth: '2010-01-01', org: world.enterprises[1].id });
    expect((await register(young.token, meet.itemId)).body.details[0].code).toBe('AGE_BELOW_MINIMUM');

    const ok = await contestant(4, { male: false, birth: '1995-03-03', org: world.enterprises[1].id });
    const entered = await register(ok.token, meet.itemId);
    expect([entered.status, entered.body.status]).toEqual([201, 'approved']);
    const list = await http(world.url).get(`/api/v1/events/${meet.eventId}/entries`).set(bearer(world.organizer.token));
    expect(list.body.map((e: { userId: number }) => e.userId)).toEqual([ok.id]);
  });

  it('applies per-person limits (2 individual items) and per-delegation limits', async () => {
    const meet = await openEvent(world, {
      kind: 'sports_meet',
      item: '跳远',
      event: { personLimits: { maxIndividualEntries: 2 }, delegationLimits: { maxEntriesPerItem: 2, maxAthletes: 3 } },
    });
    const add = (name: string) => post(world.url, `/api/v1/events/${meet.eventId}/items`, world.organizer.token, { name });
    const shot = await add('铅球');
    const high = await add('跳高');
    const a = await contestant(10);
    expect((await register(leader.token, meet.itemId, { userId: a.id })).status).toBe(201);
    expect((await register(leader.token, shot.id, { userId: a.id })).status).toBe(201);
    const third = await register(leader.token, high.id, { userId: a.id });
    expect([third.status, third.body.details[0].code]).toEqual([422, 'PERSON_INDIVIDUAL_LIMIT_REACHED']);
    expect(third.body.message).toContain('每人最多报名2个个人项目（您已报名2个）');

    const b = await contestant(11);
    const c = await contestant(12);
    expect((await register(leader.token, meet.itemId, { userId: b.id })).status).toBe(201);
    const overItem = await register(leader.token, meet.itemId, { userId: c.id });
    expect(overItem.body.details.map((f: { code: string }) => f.code)).toEqual(['DELEGATION_ITEM_ENTRY_LIMIT_REACHED']);
    expect((await register(leader.token, shot.id, { userId: c.id })).status).toBe(201);
    const d = await contestant(13);
    const overAthletes = await register(leader.token, high.id, { userId: d.id });
    expect(overAthletes.body.details.map((f: { code: string }) => f.code)).toEqual(['DELEGATION_ATHLETE_LIMIT_REACHED']);
    expect(overAthletes.body.message).toContain('每个代表队最多报名3名运动员');
  });

  it('lets a leader register only their own people, and contestants alone only where the event allows it', async () => {
    const hike = await openEvent(world, { event: { selfRegistration: false } });
    const mine = await contestant(20);
    const self = await register(mine.token, hike.itemId);
    expect([self.status, self.body.code]).toEqual([403, 'REGISTRATION_SELF_DISABLED']);
    const foreign = await register(otherLeader.token, hike.itemId, { userId: mine.id });
    expect(foreign.status).toBe(403);
    const byLeader = await register(leader.token, hike.itemId, { userId: mine.id });
    expect(byLeader.status).toBe(201);
    const again = await register(leader.token, hike.itemId, { userId: mine.id });
    expect([again.status, again.body.code]).toEqual([409, 'REGISTRATION_ALREADY_ENTERED']);
  });

  it('registers relay teams with a captain, each member checked', async () => {
    const meet = await openEvent(world, { kind: 'sports_meet', item: '男子4×100米接力', itemRules: { entryType: 'relay', teamMin: 4, teamMax: 6, gender: 'male' } });
    const men = [await contestant(30), await contestant(31), await contestant(32), await contestant(33)];
    const short = await register(leader.token, meet.itemId, { teamName: '一队', memberIds: men.slice(0, 3).map((m) => m.id), captainId: men[0].id });
    expect([short.status, short.body.code]).toEqual([400, 'TEAM_INVALID']);
    const noMembers = await register(leader.token, meet.itemId, { userId: men[0].id });
    expect([noMembers.status, noMembers.body.code]).toEqual([400, 'REGISTRATION_ENTRY_TYPE_MISMATCH']);
    const team = await register(leader.token, meet.itemId, { teamName: '一队', memberIds: men.map((m) => m.id), captainId: men[1].id });
    expect(team.status).toBe(201);
    expect(team.body.teamName).toBe('一队');
    expect(team.body.members).toHaveLength(4);
    expect(team.body.members.find((m: { captain: boolean }) => m.captain).userId).toBe(men[1].id);
    const woman = await contestant(34, { male: false });
    const mixed = await register(leader.token, meet.itemId, { teamName: '二队', memberIds: [woman.id, ...men.slice(0, 3).map((m) => m.id)], captainId: woman.id });
    expect(mixed.status).toBe(422);
    expect(mixed.body.details.map((f: { code: string; userId: number }) => [f.code, f.userId])).toEqual([['GENDER_NOT_ALLOWED', woman.id]]);
  });

  it('an Idempotency-Key retry returns the first answer and creates nothing new', async () => {
    const hike = await openEvent(world);
    const person = await contestant(40);
    const key = { 'Idempotency-Key': `reg-${world.tag}-0001` };
    const first = await register(person.token, hike.itemId, {}, key);
    const retry = await register(person.token, hike.itemId, {}, key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.bib).toBe(first.body.bib);
    const list = await http(world.url).get(`/api/v1/events/${hike.eventId}/entries`).set(bearer(world.organizer.token));
    expect(list.body).toHaveLength(1);
    const reused = await register(leader.token, hike.itemId, { userId: person.id }, { 'Idempotency-Key': `reg-${world.tag}-0002` });
    expect(reused.status).toBe(409);
    const otherBody = await register(person.token, hike.itemId, { userId: person.id }, key);
    expect([otherBody.status, otherBody.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const badKey = await register(person.token, hike.itemId, {}, { 'Idempotency-Key': 'x' });
    expect([badKey.status, badKey.body.code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
  });

  it('50 requests at once with one Idempotency-Key: one entry, one place taken, 50 identical answers', async () => {
    // Two places: the race must take one of them; a second person then gets the other.
    const hike = await openEvent(world, { event: { capacity: 2, bibPrefix: 'K' } });
    const person = await contestant(41);
    const key = { 'Idempotency-Key': `reg-${world.tag}-race` };
    const answers = await Promise.all(Array.from({ length: 50 }, () => register(person.token, hike.itemId, {}, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(answers[0].body).toMatchObject({ userId: person.id, status: 'approved', bib: expect.stringMatching(/^K\d{5}$/) });
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const list = await http(world.url).get(`/api/v1/events/${hike.eventId}/entries`).set(bearer(world.organizer.token));
    expect(list.body.map((e: { id: number }) => e.id)).toEqual([answers[0].body.id]);
    const next = await register((await contestant(42)).token, hike.itemId);
    expect([next.status, next.body.status]).toEqual([201, 'approved']);
  });

  it('checks in by QR token once; a second scan says when; a delegation in one call', async () => {
    const hike = await openEvent(world);
    const p1 = await contestant(50);
    const p2 = await contestant(51);
    const p3 = await contestant(52);
    const e1 = (await register(p1.token, hike.itemId)).body;
    await register(p2.token, hike.itemId);
    await register(p3.token, hike.itemId);
    const code = await http(world.url).get(`/api/v1/entries/${e1.id}/check-in-code`).set(bearer(p1.token));
    expect(code.status).toBe(200);
    expect(code.body.qrSvg).toMatch(/^<svg/);
    const stranger = await http(world.url).get(`/api/v1/entries/${e1.id}/check-in-code`).set(bearer(p2.token));
    expect(stranger.status).toBe(403);

    const scan = () => http(world.url).post(`/api/v1/events/${hike.eventId}/check-ins`).set(bearer(world.organizer.token)).send({ token: code.body.token });
    const first = await scan();
    expect([first.status, first.body.alreadyCheckedIn, first.body.message, first.body.bib]).toEqual([200, false, '签到成功', e1.bib]);
    const second = await scan();
    expect(second.body.alreadyCheckedIn).toBe(true);
    expect(second.body.checkedInAt).toBe(first.body.checkedInAt);
    expect(second.body.message).toMatch(/^已于\d{4}-\d\d-\d\d \d\d:\d\d:\d\d签到/);
    const forged = await http(world.url).post(`/api/v1/events/${hike.eventId}/check-ins`).set(bearer(world.organizer.token)).send({ token: code.body.token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')) });
    expect([forged.status, forged.body.code]).toEqual([400, 'CHECK_IN_TOKEN_INVALID']);
    const byContestant = await http(world.url).post(`/api/v1/events/${hike.eventId}/check-ins`).set(bearer(p1.token)).send({ token: code.body.token });
    expect(byContestant.status).toBe(403);

    const counter = () => http(world.url).get(`/api/v1/events/${hike.eventId}/check-ins`).set(bearer(world.organizer.token));
    expect((await counter()).body).toEqual({ approved: 3, checkedIn: 1 });
    const all = await http(world.url).post(`/api/v1/events/${hike.eventId}/delegations/${world.enterprises[0].id}/check-in`).set(bearer(world.organizer.token));
    expect(all.body).toEqual({ checkedIn: 2, alreadyCheckedIn: 1 });
    expect((await counter()).body).toEqual({ approved: 3, checkedIn: 3 });

    // The export says when, in Beijing time to the second, as the gate's screen does.
    const csv = await http(world.url).get(`/api/v1/events/${hike.eventId}/entries/export?format=csv`).set(bearer(world.organizer.token)).buffer(true);
    const rows: Record<string, string>[] = parse(csv.text ?? Buffer.from(csv.body).toString('utf8'), { bom: true, columns: true });
    const row = rows.find((r) => r['报名编号'] === String(e1.id))!;
    expect(row['签到时间']).toBe(beijingClock(first.body.checkedInAt, 'second'));
  });

  it('shows the ID number and mobile in clear to the person and organizers only', async () => {
    const person = await contestant(60);
    const own = await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(person.token));
    expect(own.body.masked).toBe(false);
    expect(own.body.residentId).toMatch(/^\d{17}[\dX]$/);
    const byOrganizer = await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(world.organizer.token));
    expect(byOrganizer.body.residentId).toBe(own.body.residentId);
    const byLeader = await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(leader.token));
    expect(byLeader.body.masked).toBe(true);
    expect(byLeader.body.residentId).toBe(`${own.body.residentId.slice(0, 6)}********${own.body.residentId.slice(-4)}`);
    expect(byLeader.body.mobile).toBe(`${own.body.mobile.slice(0, 3)}****${own.body.mobile.slice(-4)}`);
    // An emergency contact is personal data too: whole for the person and organizers, masked for leaders.
    await put(world.url, '/api/v1/me/profile', person.token, { residentId: own.body.residentId, mobile: own.body.mobile, emergencyContactName: '陈美华', emergencyContactMobile: '13912345678' });
    const contact = async (token: string) => {
      const { body } = await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(token));
      return [body.emergencyContactName, body.emergencyContactMobile];
    };
    expect([await contact(person.token), await contact(world.organizer.token), await contact(leader.token)]).toEqual([
      ['陈美华', '13912345678'],
      ['陈美华', '13912345678'],
      ['陈**', '139****5678'],
    ]);
    expect((await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(otherLeader.token))).status).toBe(403);
    const other = await contestant(61);
    expect((await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(other.token))).status).toBe(403);
  });

  it('refuses bad personal data with a 4xx naming the field, and keeps the ID number unique', async () => {
    const person = await contestant(70);
    const id = residentId();
    const wrongChecksum = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const bad = await http(world.url).put('/api/v1/me/profile').set(bearer(person.token)).send({ residentId: wrongChecksum, mobile: mobile() });
    expect([bad.status, bad.body.code, bad.body.details[0].field]).toEqual([400, 'RESIDENT_ID_CHECKSUM', 'residentId']);
    const future17 = `330105${new Date().getUTCFullYear() + 1}0101001`;
    const future = await http(world.url).put('/api/v1/me/profile').set(bearer(person.token)).send({ residentId: future17 + residentIdCheckChar(future17), mobile: mobile() });
    expect([future.status, future.body.details[0].field]).toEqual([400, 'residentId']);
    expect(future.body.code).toMatch(/^RESIDENT_ID_BIRTH_DATE/);
    const badMobile = await http(world.url).put('/api/v1/me/profile').set(bearer(person.token)).send({ residentId: id, mobile: '12345' });
    expect([badMobile.status, badMobile.body.details[0].field]).toEqual([400, 'mobile']);
    const badContact = await http(world.url).put('/api/v1/me/profile').set(bearer(person.token)).send({ residentId: id, mobile: mobile(), emergencyContactName: '陈美华', emergencyContactMobile: '12345' });
    expect([badContact.status, badContact.body.details[0].field]).toEqual([400, 'emergencyContactMobile']);
    const halfContact = await http(world.url).put('/api/v1/me/profile').set(bearer(person.token)).send({ residentId: id, mobile: mobile(), emergencyContactName: '陈美华' });
    expect([halfContact.status, halfContact.body.code, halfContact.body.details[0].field]).toEqual([400, 'PROFILE_CONTACT_INCOMPLETE', 'emergencyContactMobile']);
    const taken = await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(person.token));
    const other = await contestant(71);
    const dup = await http(world.url).put('/api/v1/me/profile').set(bearer(other.token)).send({ residentId: taken.body.residentId, mobile: mobile() });
    expect([dup.status, dup.body.code]).toEqual([409, 'RESIDENT_ID_TAKEN']);
    // The refused profile left the person's stored one untouched.
    expect((await http(world.url).get(`/api/v1/users/${person.id}/profile`).set(bearer(person.token))).body).toEqual(taken.body);
  });

  it("refuses another person's ID number to a caller with no profile yet, on their own profile and an admin's write", async () => {
    const victim = await contestant(72);
    const admin = await adminToken();
    const before = await http(world.url).get(`/api/v1/users/${victim.id}/profile`).set(bearer(victim.token));
    expect(before.body.unionMemberNo).toBe('GH72');
    const username = `rc73-${world.tag}`;
    const fresh = await post(world.url, '/api/v1/users', admin, { username, password: 'Qiantang-tide-2026', realName: chineseName(113), roles: [{ organisationId: world.enterprises[0].id, role: 'contestant' }] });
    const token = await login(username);
    const own = await http(world.url).put('/api/v1/me/profile').set(bearer(token)).send({ residentId: before.body.residentId, mobile: mobile() });
    expect([own.status, own.body.code]).toEqual([409, 'RESIDENT_ID_TAKEN']);
    expect(own.body.birthDate).toBeUndefined();
    const byAdmin = await http(world.url).put(`/api/v1/users/${fresh.id}/profile`).set(bearer(admin)).send({ residentId: before.body.residentId, mobile: mobile() });
    expect([byAdmin.status, byAdmin.body.code]).toEqual([409, 'RESIDENT_ID_TAKEN']);
    // The victim keeps their profile, member number included; the caller still has none.
    expect((await http(world.url).get(`/api/v1/users/${victim.id}/profile`).set(bearer(victim.token))).body).toEqual(before.body);
    expect((await http(world.url).get(`/api/v1/users/${fresh.id}/profile`).set(bearer(token))).status).toBe(404);
  });

  it('refuses a registration outside the window, writing nothing', async () => {
    const hike = await openEvent(world);
    const person = await contestant(80);
    await put(world.url, `/api/v1/events/${hike.eventId}/registration`, world.organizer.token, { closesAt: new Date(Date.now() - 1000).toISOString() });
    const late = await register(person.token, hike.itemId);
    expect([late.status, late.body.code]).toEqual([409, 'REGISTRATION_CLOSED']);
    await post(world.url, `/api/v1/events/${hike.eventId}/status`, world.organizer.token, { status: 'registration_closed' });
    await put(world.url, `/api/v1/events/${hike.eventId}/registration`, world.organizer.token, { closesAt: null });
    expect((await register(person.token, hike.itemId)).body.code).toBe('REGISTRATION_CLOSED');
    const list = await http(world.url).get(`/api/v1/events/${hike.eventId}/entries`).set(bearer(world.organizer.token));
    expect(list.body).toEqual([]);
  });

  it('closes registration at once when the organizer closes it, although the API had just read the event', async () => {
    const hike = await openEvent(world);
    const [early, late] = [await contestant(81), await contestant(82)];
    expect((await register(early.token, hike.itemId)).status).toBe(201);
    await post(world.url, `/api/v1/events/${hike.eventId}/status`, world.organizer.token, { status: 'registration_closed' });
    const refused = await register(late.token, hike.itemId);
    expect([refused.status, refused.body.code]).toEqual([409, 'REGISTRATION_CLOSED']);
    const list = await http(world.url).get(`/api/v1/events/${hike.eventId}/entries`).set(bearer(world.organizer.token));
    expect(list.body.map((e: { userId: number }) => e.userId)).toEqual([early.id]);
  });
});
