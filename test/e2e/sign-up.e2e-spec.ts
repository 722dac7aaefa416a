import { codeIn, nthTextTo, textsTo } from './support/sms-sink';
import { openEvent } from './support/registration';
import { adminToken, bearer, buildWorld, http, login, mobile as profileMobile, post, put, residentId, type World } from './support/world';

/** Signing up and resetting a password with a texted code, through the real worker's SMS sink. */
describe('sign-up by SMS code', () => {
  let world: World;
  const number = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const askCode = (mobile: string, purpose = 'sign-up') => http().post(`/api/v1/auth/${purpose}/code`).send({ mobile });
  const pause = () => new Promise((r) => setTimeout(r, 1100));

  beforeAll(async () => {
    world = await buildWorld({ judges: 0, contestants: 0 });
  });

  it('makes a contestant of the chosen enterprise union once the texted code is given', async () => {
    const mobile = number();
    expect((await askCode(mobile)).status).toBe(204);
    const code = codeIn(await nthTextTo(mobile, 1));
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await http().post('/api/v1/auth/sign-up').send({ mobile, code: code === '000000' ? '111111' : '000000', username: `self-${world.tag}`, password: 'Xixi-wetland-2026', realName: '王芳', organisationId: world.enterprises[0].id });
    expect([wrong.status, wrong.body.code, wrong.body.details[0].field]).toEqual([400, 'IDENTITY_CODE_INVALID', 'code']);
    const res = await http().post('/api/v1/auth/sign-up').send({ mobile: `+86 ${mobile}`, code, username: `self-${world.tag}`, password: 'Xixi-wetland-2026', realName: '王芳', organisationId: world.enterprises[0].id });
    expect(res.status).toBe(201);
    const token = await login(`self-${world.tag}`, 'Xixi-wetland-2026');
    const me = await http().get('/api/v1/auth/me').set({ Authorization: `Bearer ${token}` });
    expect(me.body.roles.map((r: { role: string; orgId: number }) => [r.role, r.orgId])).toEqual([['contestant', world.enterprises[0].id]]);
    // The code was used: it opens nothing twice.
    const again = await http().post('/api/v1/auth/sign-up').send({ mobile, code, username: `self2-${world.tag}`, password: 'Xixi-wetland-2026', realName: '王芳', organisationId: world.enterprises[0].id });
    expect(again.body.code).toBe('IDENTITY_CODE_INVALID');

    // Asking again with the registered number answers the same, and texts its owner a note, not a code.
    await pause();
    const registered = await askCode(mobile);
    expect([registered.status, registered.body]).toEqual([204, {}]);
    const note = await nthTextTo(mobile, 2);
    expect(note).toContain('已有账号');
    expect(codeIn(note)).toBe('');

    // Password reset by code: the old password and tokens end.
    await pause();
    expect((await askCode(mobile, 'password-reset')).status).toBe(204);
    const resetCode = codeIn(await nthTextTo(mobile, 3));
    const reset = await http().post('/api/v1/auth/password-reset').send({ mobile, code: resetCode, password: 'Lingyin-temple-2026' });
    expect(reset.status).toBe(204);
    expect((await http().get('/api/v1/auth/me').set({ Authorization: `Bearer ${token}` })).status).toBe(401);
    await login(`self-${world.tag}`, 'Lingyin-temple-2026');
  });

  it('answers an unknown number’s reset like any other and texts nothing', async () => {
    const mobile = number();
    const res = await askCode(mobile, 'password-reset');
    expect([res.status, res.body]).toEqual([204, {}]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(textsTo(mobile)).toEqual([]);
  });

  it('limits codes per number, and stops a code after five wrong tries', async () => {
    const mobile = number();
    expect((await askCode(mobile)).status).toBe(204);
    const second = await askCode(mobile);
    expect([second.status, second.body.code]).toEqual([429, 'IDENTITY_TOO_MANY_CODES']);
    const code = codeIn(await nthTextTo(mobile, 1));
    const body = (c: string) => ({ mobile, code: c, username: `guess-${world.tag}`, password: 'Xixi-wetland-2026', realName: '李娜', organisationId: world.enterprises[1].id });
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await http().post('/api/v1/auth/sign-up').send(body(wrong))).status).toBe(400);
    expect((await http().post('/api/v1/auth/sign-up').send(body(code))).body.code).toBe('IDENTITY_CODE_INVALID');
  });

  it('refuses a number that is not a mobile, and a home that is not an enterprise union', async () => {
    const bad = await askCode('0571-88888888');
    expect([bad.status, bad.body.code, bad.body.details[0].field]).toEqual([400, 'IDENTITY_INVALID_MOBILE', 'mobile']);
    const mobile = number();
    await askCode(mobile);
    const code = codeIn(await nthTextTo(mobile, 1));
    const district = await http().post('/api/v1/auth/sign-up').send({ mobile, code, username: `dist-${world.tag}`, password: 'Xixi-wetland-2026', realName: '李娜', organisationId: world.district.id });
    expect([district.status, district.body.code]).toEqual([400, 'IDENTITY_NOT_AN_ENTERPRISE']);
  });

  it('keeps a signed-up person unconfirmed until their union’s leader confirms them: alone into open events, not by the delegation nor where membership counts', async () => {
    const org = world.enterprises[0].id;
    const admin = await adminToken();
    const leaderUser = await post(world.url, '/api/v1/users', admin, { username: `lead-${world.tag}`, password: 'Qiantang-tide-2026', realName: '周领队', roles: [{ organisationId: org, role: 'delegation_leader' }] });
    const otherUser = await post(world.url, '/api/v1/users', admin, { username: `lead2-${world.tag}`, password: 'Qiantang-tide-2026', realName: '吴领队', roles: [{ organisationId: world.enterprises[1].id, role: 'delegation_leader' }] });
    const leader = await login(leaderUser.username);
    const otherLeader = await login(otherUser.username);

    const mobile = number();
    await askCode(mobile);
    const code = codeIn(await nthTextTo(mobile, 1));
    const username = `member-${world.tag}`;
    const made = await http().post('/api/v1/auth/sign-up').send({ mobile, code, username, password: 'Xixi-wetland-2026', realName: '陈静', organisationId: org });
    expect(made.status).toBe(201);
    const userId = made.body.userId as number;
    const token = await login(username, 'Xixi-wetland-2026');
    await put(world.url, '/api/v1/me/profile', token, { residentId: residentId({ male: false }), mobile: profileMobile(), unionMemberNo: 'GH-20260101' });
    expect((await http().get('/api/v1/auth/me').set(bearer(token))).body.membershipConfirmed).toBe(false);

    // Waiting in the leader's list, not in another delegation's.
    const pending = await http().get('/api/v1/users/pending-members').set(bearer(leader));
    expect(pending.body.filter((p: { id: number }) => p.id === userId).map((p: { realName: string; organisationId: number }) => [p.realName, p.organisationId])).toEqual([['陈静', org]]);
    expect((await http().get('/api/v1/users/pending-members').set(bearer(otherLeader))).body).toEqual([]);

    const open = await openEvent(world);
    const membersOnly = await openEvent(world, { name: '会员专场', itemRules: { unionMemberRequired: true } });
    const byLeader = await openEvent(world, { name: '代表队报名' });
    // Alone into an open event: yes. Entered by the delegation, or where membership counts: no.
    expect((await http().post(`/api/v1/items/${open.itemId}/entries`).set(bearer(token)).send({})).status).toBe(201);
    const members = await http().post(`/api/v1/items/${membersOnly.itemId}/entries`).set(bearer(token)).send({});
    expect([members.status, members.body.code, members.body.details.map((d: { code: string }) => d.code)]).toEqual([422, 'REGISTRATION_NOT_ELIGIBLE', ['UNION_MEMBERSHIP_REQUIRED']]);
    const entered = await http().post(`/api/v1/items/${byLeader.itemId}/entries`).set(bearer(leader)).send({ userId });
    expect([entered.status, entered.body.code, entered.body.details[0].field]).toEqual([422, 'REGISTRATION_MEMBERSHIP_UNCONFIRMED', 'userId']);

    // Only a leader over the chosen union (or an organizer above) confirms, and once.
    const stranger = await http().post(`/api/v1/users/${userId}/confirm-membership`).set(bearer(otherLeader));
    expect([stranger.status, stranger.body.code]).toEqual([403, 'IDENTITY_PERSON_OUTSIDE_SUBTREE']);
    const confirmed = await http().post(`/api/v1/users/${userId}/confirm-membership`).set(bearer(leader));
    expect([confirmed.status, confirmed.body.membershipConfirmed]).toEqual([200, true]);
    const twice = await http().post(`/api/v1/users/${userId}/confirm-membership`).set(bearer(leader));
    expect([twice.status, twice.body.code]).toEqual([409, 'IDENTITY_MEMBERSHIP_NOT_PENDING']);
    expect((await http().get('/api/v1/users/pending-members').set(bearer(leader))).body.map((p: { id: number }) => p.id)).not.toContain(userId);
    const audit = await http().get(`/api/v1/users/${userId}/audit`).set(bearer(world.organizer.token));
    expect(audit.body.map((a: { action: string }) => a.action)).toContain('membership_confirmed');

    expect((await http().post(`/api/v1/items/${byLeader.itemId}/entries`).set(bearer(leader)).send({ userId })).status).toBe(201);
    expect((await http().post(`/api/v1/items/${membersOnly.itemId}/entries`).set(bearer(token)).send({})).status).toBe(201);
  });
});
