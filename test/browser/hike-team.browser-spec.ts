import type { Browser } from 'playwright-core';
import { adminToken, bearer, buildWorld, http, PASSWORD, post, put, type World } from '../e2e/support/world';
import { checkPage, launch, signIn, until, watchErrors, windowAt } from './support/browser';

jest.setTimeout(120_000);

type Walker = { id: number; userId: number; bib: string; lastCheckpointSeq: number | null };

/**
 * A team's QR at a checkpoint with one member not there: the staff phone lists the team (its roster
 * kept on the phone), the staff member unticks the one missing, and only those present are recorded
 * as arrived; the scan is flagged as an incomplete team.
 */
describe('a team scanned with a member missing', () => {
  let browser: Browser;
  let world: World;
  let routeId: number;
  let checkpointId: number;
  let staff: { id: number; username: string };
  const url = () => process.env.BROWSER_BASE_URL as string;
  const walkers = async (): Promise<Walker[]> => (await http(url()).get(`/api/v1/hiking/routes/${routeId}/walkers`).set(bearer(world.organizer.token))).body;

  beforeAll(async () => {
    world = await buildWorld({ judges: 0, contestants: 6, url: url() });
    const org = world.organizer.token;
    const admin = await adminToken(url());
    staff = await post(url(), '/api/v1/users', admin, { username: `staff-team-${world.tag}`, password: PASSWORD, realName: '岑打卡', roles: [{ organisationId: world.district.id, role: 'checkpoint_staff' }] });
    const eventId = (await post(url(), '/api/v1/events', org, { organisationId: world.district.id, kind: 'hiking', name: `钱塘江毅行-${world.tag}` })).id;
    const itemId = (await post(url(), `/api/v1/events/${eventId}/items`, org, { name: '20公里团队毅行' })).id;
    await put(url(), `/api/v1/items/${itemId}/registration`, org, { entryType: 'team', teamMin: 2, teamMax: 6 });
    await put(url(), `/api/v1/events/${eventId}/registration`, org, { autoApprove: true, bibPrefix: 'QT' });
    await post(url(), `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    const members = [world.contestants[0], world.contestants[2], world.contestants[4]];
    await post(url(), `/api/v1/items/${itemId}/entries`, org, { teamName: '钱江潮队', memberIds: members.map((p) => p.id), captainId: members[0].id });
    const gun = Date.now() - 30 * 60_000;
    routeId = (await post(url(), `/api/v1/hiking/items/${itemId}/route`, org, { distanceM: 20000, referenceStartAt: new Date(gun), teamMin: 2 })).id;
    const set = await put(url(), `/api/v1/hiking/routes/${routeId}/checkpoints`, org, {
      checkpoints: [
        { name: '钱塘江大桥', distanceM: 0 },
        { name: '六和塔', distanceM: 3000 },
        { name: '之江', distanceM: 20000 },
      ],
    });
    checkpointId = set.checkpoints[1].id;
    const wave = await post(url(), `/api/v1/hiking/routes/${routeId}/waves`, org, { name: '第一批', startsAt: new Date(gun) });
    await post(url(), `/api/v1/hiking/routes/${routeId}/walkers`, org, { waveId: wave.id });
    await post(url(), `/api/v1/hiking/checkpoints/${checkpointId}/staff`, org, { userId: staff.id });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records only the members ticked as present', async () => {
    const team = await walkers();
    const bib = team[0].bib;
    const absent = world.contestants[4];
    const phone = await (await windowAt(browser, 'phone')).newPage();
    const errors = watchErrors(phone);
    await signIn(phone, staff.username, PASSWORD);
    await phone.goto(`/hike/staff/${checkpointId}`);
    await phone.getByRole('heading', { name: '打卡：六和塔' }).waitFor();
    await phone.locator('[data-test=teams-kept]', { hasText: '本机已存 1 支队伍的名单' }).waitFor();

    await phone.getByLabel('无法扫描时，输入号码布号码').fill(bib);
    await phone.getByRole('button', { name: '提交' }).click();
    const panel = phone.locator('[data-test=team-present]');
    await panel.getByRole('heading', { name: `队伍 ${bib}：谁在场？` }).waitFor();
    expect(await panel.getByRole('checkbox').count()).toBe(3);
    // Element Plus hides the native box under its own: the person's name is what a finger taps.
    await panel.locator('label', { hasText: absent.realName }).click();
    expect(await panel.getByRole('checkbox', { name: absent.realName }).isChecked()).toBe(false);
    await checkPage(phone, 'hike-team-present-phone');
    await panel.getByRole('button', { name: '确认扫码（2 人）' }).click();

    const row = phone.locator('[data-test=scans] li', { hasText: bib });
    await until('the team scan answered', async () => (await row.getAttribute('data-state')) === 'flagged');
    await row.getByText('队伍不完整').waitFor();
    const byUser = new Map((await walkers()).map((w) => [w.userId, w.lastCheckpointSeq]));
    expect([world.contestants[0], world.contestants[2], absent].map((p) => byUser.get(p.id))).toEqual([1, 1, null]);
    expect(errors).toEqual([]);
  });
});
