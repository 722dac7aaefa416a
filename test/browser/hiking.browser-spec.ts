/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beijingClock } from '../e2e/support/beijing';
import { adminToken, buildWorld, http, bearer, PASSWORD, post, put, type Person, type World } from '../e2e/support/world';
import { checkPage, choose, launch, signIn, until, watchErrors, windowAt } from './support/browser';
import { fakeCameraVideo } from './support/fake-camera';

jest.setTimeout(240_000);

const walkerCode = (id: number) => `hike-walker:${id}`;
const MIN = 60_000;
/** An instant as typed into a datetime-local field in Beijing time ("2026-05-16T19:00"). */
const typed = (at: number) => beijingClock(new Date(at)).replace(' ', 'T');

/**
 * A night walk in the browser: the organizer sets up the route on its page (checkpoints with
 * coordinates and cut-offs, a wave, the walkers, a checkpoint's staff); then a checkpoint's phone
 * loses the network, reloads its page (the service worker serves it), scans three walkers through
 * Chromium's fake camera while offline, comes back online and uploads; the organizers' safety
 * board, open on a desk, shows the three arrived live, in the order they were scanned. Then the
 * walker's own page, a family's follow link and the results with splits, and who may open which page.
 */
describe('hiking pages', () => {
  let browser: Browser;
  let setupBrowser: Browser;
  let world: World;
  let staff: Person;
  let eventId: number;
  let itemId: number;
  let routeId: number;
  let cps: { id: number; name: string }[];
  let walkers: { id: number; userId: number; bib: string }[];
  // The gun, 40 minutes ago, to the minute: the organizer types it.
  const gun = Math.floor((Date.now() - 40 * MIN) / MIN) * MIN;
  const url = () => process.env.BROWSER_BASE_URL as string;
  const walkerOf = (who: Person) => walkers.find((w) => w.userId === who.id)!;

  beforeAll(async () => {
    world = await buildWorld({ judges: 0, contestants: 4, url: url() });
    const admin = await adminToken(url());
    const user = await post(url(), '/api/v1/users', admin, { username: `staff-${world.tag}`, password: PASSWORD, realName: '陆打卡', roles: [{ organisationId: world.district.id, role: 'checkpoint_staff' }] });
    staff = { id: user.id, username: user.username, realName: user.realName, token: '' };
    const org = world.organizer.token;
    eventId = (await post(url(), '/api/v1/events', org, { organisationId: world.district.id, kind: 'hiking', name: `运河夜行-${world.tag}` })).id;
    itemId = (await post(url(), `/api/v1/events/${eventId}/items`, org, { name: '12公里毅行' })).id;
    await put(url(), `/api/v1/events/${eventId}/registration`, org, { autoApprove: true, bibPrefix: 'YX' });
    await post(url(), `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    for (const p of world.contestants.slice(0, 3)) await post(url(), `/api/v1/items/${itemId}/entries`, p.token, {});
    setupBrowser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await setupBrowser?.close();
  });

  it('the organizer sets up the route on its page: checkpoints with coordinates and cut-offs, a wave, the walkers and a checkpoint\'s staff', async () => {
    const context = await windowAt(setupBrowser, 'desk');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto(`/manage/events/${eventId}`);
    await page.getByRole('link', { name: '路线设置：12公里毅行' }).click();
    await page.getByRole('heading', { name: '路线设置：12公里毅行' }).waitFor();

    // The item is no route yet: distance and reference start (the gun, in Beijing time).
    await page.getByLabel('全程距离（公里）').fill('12');
    await page.getByLabel(/^参考出发时间/).fill(typed(gun));
    await page.getByRole('button', { name: '创建路线' }).click();
    await page.locator('[data-test=route-settings]').getByText('全程 12 公里').waitFor();
    routeId = (await http(url()).get(`/api/v1/hiking/events/${eventId}/routes`).set(bearer(world.organizer.token))).body[0].id;
    // A setting changed afterwards (the reference start stays): teams of up to eight.
    await page.getByText('修改路线参数（参考出发时间不变）').click();
    const settings = page.locator('[data-test=route-form]');
    await settings.getByLabel('每队最多人数').fill('8');
    await settings.getByRole('button', { name: '保存路线参数' }).click();
    await page.locator('[data-test=route-settings]').getByText('每队 4–8 人').waitFor();

    // The checkpoints as a table: the start and the finish, then 拱宸桥 added last and moved up, a stray row removed.
    const cell = (row: number, field: string) => page.getByLabel(`第 ${row} 行${field}`, { exact: true });
    const fill = async (row: number, values: Record<string, string>) => {
      for (const [field, value] of Object.entries(values)) await cell(row, field).fill(value);
    };
    await fill(1, { 名称: '武林门码头', 纬度: '30.278', 经度: '120.157', 开放时间: typed(gun - 30 * MIN) });
    await fill(2, { 名称: '塘栖古镇', '距离（公里）': '12', 纬度: '30.484', 经度: '120.196', 到达关门时间: typed(gun + 6 * 60 * MIN) });
    await page.getByRole('button', { name: '添加打卡点' }).click();
    await fill(3, { 名称: '拱宸桥', '距离（公里）': '5', 纬度: '30.3199', 离开关门时间: typed(gun + 3 * 60 * MIN) });
    await page.getByRole('button', { name: '上移第 3 行' }).click();
    await page.getByRole('button', { name: '添加打卡点' }).click();
    await fill(4, { 名称: '临时点', '距离（公里）': '13' });
    await page.getByRole('button', { name: '删除第 4 行' }).click();
    // 拱宸桥 has a latitude and no longitude: the API refuses it, and its cell says why.
    await page.getByRole('button', { name: '保存打卡点' }).click();
    await page.locator('[data-test=checkpoints-editor]').getByRole('alert').getByText('经纬度须同时填写或同时留空').first().waitFor();
    expect(await cell(2, '经度').getAttribute('aria-invalid')).toBe('true');
    await cell(2, '经度').fill('120.1426');
    await page.getByRole('button', { name: '保存打卡点' }).click();
    await page.getByRole('status').getByText('已保存 3 个打卡点').waitFor();
    expect(await cell(2, '经度').getAttribute('aria-invalid')).toBeNull();

    // A wave added ten minutes late, then its start moved to the gun; the registered walkers enrolled into it.
    const waves = page.locator('[data-test=waves]');
    await waves.getByLabel('批次名称').fill('第一批');
    await waves.getByLabel('出发时间（北京时间）', { exact: true }).fill(typed(gun + 10 * MIN));
    await waves.getByRole('button', { name: '添加批次' }).click();
    await waves.getByRole('status').getByText('已添加批次：第一批').waitFor();
    await waves.getByLabel('出发时间（北京时间）：第一批').fill(typed(gun));
    await waves.getByRole('button', { name: '调整出发时间：第一批' }).click();
    await waves.locator('[data-test=wave-start]').getByText(beijingClock(new Date(gun)).slice(-5)).waitFor();
    await waves.getByRole('button', { name: '编入已报名的队员' }).click();
    await waves.getByRole('status').getByText('已编入 3 人').waitFor();

    // 陆打卡 picked by name for 拱宸桥.
    const staffing = page.locator('[data-test=staff]');
    await staffing.getByLabel('打卡点', { exact: true }).selectOption({ label: '1 拱宸桥' });
    await choose(page, staffing.getByRole('combobox', { name: '工作人员' }), '陆打卡');
    await staffing.getByRole('button', { name: '分配' }).click();
    await staffing.getByRole('status').getByText('已将 陆打卡 分配到 拱宸桥').waitFor();
    await staffing.locator('[data-test=staff-by-checkpoint] li', { hasText: '拱宸桥' }).getByText('陆打卡').waitFor();
    await page.getByRole('link', { name: '安全看板：12公里毅行' }).waitFor();
    await checkPage(page, 'hike-route-setup-desk');
    await page.setViewportSize({ width: 768, height: 1024 });
    await checkPage(page, 'hike-route-setup-tablet');
    // The item's own management page links here too.
    await page.goto(`/manage/items/${itemId}`);
    await page.getByRole('link', { name: '路线设置' }).click();
    await page.locator('[data-test=staff-by-checkpoint]').getByText('陆打卡').waitFor();
    // The one refusal the browser logs: the save without 拱宸桥's longitude.
    expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await context.close();

    // What was saved, read back: order, metres, coordinates, and the Beijing times typed as instants.
    const org = world.organizer.token;
    const route = (await http(url()).get(`/api/v1/hiking/routes/${routeId}`).set(bearer(org))).body;
    const iso = (at: number) => new Date(at).toISOString();
    expect(route.checkpoints.map((c: Record<string, unknown>) => [c.seq, c.name, c.distanceM, c.latitude, c.longitude, c.opensAt, c.arrivalCutoffAt, c.departureCutoffAt])).toEqual([
      [0, '武林门码头', 0, 30.278, 120.157, iso(gun - 30 * MIN), null, null],
      [1, '拱宸桥', 5000, 30.3199, 120.1426, null, null, iso(gun + 3 * 60 * MIN)],
      [2, '塘栖古镇', 12000, 30.484, 120.196, null, iso(gun + 6 * 60 * MIN), null],
    ]);
    expect([route.distanceM, route.referenceStartAt, route.waves.map((w: { name: string; startsAt: string }) => [w.name, w.startsAt])]).toEqual([12000, iso(gun), [['第一批', iso(gun)]]]);
    cps = route.checkpoints;
    walkers = (await http(url()).get(`/api/v1/hiking/routes/${routeId}/walkers`).set(bearer(org))).body;
    expect(walkers.length).toBe(3);
    expect((await http(url()).get(`/api/v1/hiking/routes/${routeId}/staff`).set(bearer(org))).body.assigned).toEqual([{ checkpointId: cps[1].id, userId: staff.id, realName: '陆打卡' }]);

    // The start's device scanned A and B out; C slipped past it (their scan at 拱宸桥 is flagged "no start scan").
    const [a, b, c] = world.contestants;
    const startScans = [a, b].map((p, i) => ({ clientScanId: `start-${world.tag}-${i}`, checkpointId: cps[0].id, direction: 'out', deviceAt: new Date(gun + i * 1000), walkerId: walkerOf(p).id }));
    await post(url(), `/api/v1/hiking/events/${eventId}/scans`, org, { deviceId: 'start-pad', deviceNow: new Date(), scans: startScans });
    // The phone's camera plays the three walkers' codes in turn, looping. It has no permission yet:
    // the staff member allows it once offline.
    const video = fakeCameraVideo([a, b, c].map((p) => walkerCode(walkerOf(p).id)), 2);
    browser = await launch(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  });

  it('scans three walkers offline through the camera, uploads them when the network returns, and the board shows them in order', async () => {
    const [a, b, c] = world.contestants;

    // The organizer's board, at a desk, before anything arrives at 拱宸桥.
    const desk = await windowAt(browser, 'desk');
    const board = await desk.newPage();
    const boardErrors = watchErrors(board);
    await signIn(board, world.organizer.username, PASSWORD);
    await board.getByRole('link', { name: '毅行' }).click();
    await board.getByRole('link', { name: '路线设置：12公里毅行' }).waitFor();
    await board.getByRole('link', { name: '安全看板：12公里毅行' }).click();
    const arrivedAt = (seq: number) => board.locator('[data-test=checkpoints] tbody tr').nth(seq).locator('td').nth(3);
    await until('the board', async () => (await arrivedAt(0).innerText()) === '2');
    expect(await arrivedAt(1).innerText()).toBe('0');
    await board.getByText('实时', { exact: true }).waitFor();

    // The checkpoint's phone: signed in, its checkpoint opened from the menu while the network is up.
    const phoneContext = await windowAt(browser, 'phone');
    const phone = await phoneContext.newPage();
    const phoneErrors = watchErrors(phone);
    await signIn(phone, staff.username, PASSWORD);
    await phone.getByRole('link', { name: '毅行' }).click();
    await phone.getByRole('link', { name: '1 拱宸桥' }).click();
    await phone.getByRole('heading', { name: '打卡：拱宸桥' }).waitFor();
    await phone.locator('[data-test=scanner-problem]').waitFor(); // no camera permission yet
    // The service worker is active and the page, with every script and style it loaded, is in its cache.
    await until('the page kept for offline use', () =>
      phone.evaluate(async () => {
        const worker = (await navigator.serviceWorker.getRegistration('/hike/'))?.active;
        const kept = new Set((await (await caches.open('ue-hike-pages')).keys()).map((r) => new URL(r.url).pathname));
        const used = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/assets/'));
        return !!worker && kept.has('/hike/__shell') && used.every((p) => kept.has(p));
      }),
    );

    // The network goes; the page reloads from the service worker, and the camera is allowed.
    await phoneContext.setOffline(true);
    await phoneContext.grantPermissions(['camera']);
    await phone.reload();
    await phone.getByRole('heading', { name: '打卡：拱宸桥' }).waitFor();
    await phone.getByText('离线：扫码先存在本机，联网后自动上传').waitFor();
    const scans = phone.locator('[data-test=scans] li');
    await until('three scans queued', async () => (await scans.count()) === 3, 60_000);
    expect(await phone.locator('[data-test=scans] li[data-state=queued]').count()).toBe(3);
    await phone.getByText('待上传 3 条').waitFor();
    await checkPage(phone, 'hike-staff-offline-phone');
    // Newest first on the phone: the order scanned is the list read from the bottom.
    const scanned = (await phone.locator('[data-test=scans] li strong').allInnerTexts()).reverse();
    expect([...scanned].sort()).toEqual([a, b, c].map((p) => walkerCode(walkerOf(p).id)).sort());

    // Nothing reached the server yet.
    expect(await arrivedAt(1).innerText()).toBe('0');

    // The network returns: the queue uploads by itself, each scan answered.
    await phoneContext.setOffline(false);
    await until('every scan answered', async () => (await phone.locator('[data-test=scans] li[data-state=queued]').count()) === 0, 30_000);
    const stateOf = async (who: Person) => phone.locator('[data-test=scans] li', { hasText: walkerCode(walkerOf(who).id) }).getAttribute('data-state');
    expect([await stateOf(a), await stateOf(b), await stateOf(c)]).toEqual(['accepted', 'accepted', 'flagged']);
    await phone.locator('[data-test=scans] li', { hasText: walkerCode(walkerOf(c).id) }).getByText('无起点记录').waitFor();

    // A bib typed by hand that no walker wears: refused, and said why.
    await phone.getByLabel('无法扫描时，输入号码布号码').fill('YX999');
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.locator('[data-test=scans] li[data-state=refused]', { hasText: 'YX999' }).getByText('本活动没有此号码').waitFor();
    await checkPage(phone, 'hike-staff-phone');

    // The board got it live: three arrived at 拱宸桥, listed in the order the phone scanned them.
    await until('three arrived at 拱宸桥', async () => (await arrivedAt(1).innerText()) === '3', 15_000);
    const rows = board.locator('[data-test=walkers] tbody tr');
    await until('the walkers listed', async () => (await rows.count()) === 3);
    const order = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-walker'))));
    expect(order).toEqual(scanned.map((code) => Number(code.split(':')[1])));
    expect(await rows.locator('[data-test=last-checkpoint]').allInnerTexts()).toEqual(['拱宸桥', '拱宸桥', '拱宸桥']);
    // Every checkpoint has coordinates: the board draws them on a map (no tiles here: a plain background), labelled with the counts.
    const labels = board.locator('[data-test=route-map] .leaflet-tooltip');
    await until('the map labels the three arrived', async () => (await labels.allInnerTexts()).includes('1 拱宸桥：已到 3 · 超时未到 0'));
    expect(await labels.count()).toBe(3);
    expect(await board.locator('[data-test=route-map] path.leaflet-interactive').count()).toBe(4);
    expect(await board.locator('[data-test=schematic]').count()).toBe(0);
    await checkPage(board, 'hike-board-desk');

    // A walker is marked lost: highlighted at once; a later scan would clear it.
    await rows.filter({ hasText: a.realName }).getByRole('button', { name: '标记失联' }).click();
    await board.locator('[data-test=lost]').getByText(a.realName).waitFor();
    await checkPage(board, 'hike-board-lost-desk');
    expect([...boardErrors, ...phoneErrors]).toEqual([]);
    await desk.close();
    await phoneContext.close();
  });

  it("a walker's own page: their code, a link for the family, and I am out", async () => {
    const [, b] = world.contestants;
    const context = await windowAt(browser, 'phone');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, b.username, PASSWORD);
    await page.getByRole('link', { name: '毅行' }).click();
    await page.locator('[data-test=my-walks]').getByRole('link', { name: `运河夜行-${world.tag} · 12公里毅行` }).click();
    await page.locator('[data-test=walker-status]').getByText('最近打卡：拱宸桥').waitFor();
    await page.getByRole('button', { name: '生成关注链接' }).click();
    const link = await page.locator('[data-test=share-link]').innerText();
    await checkPage(page, 'hike-walker-phone');

    // The family opens the link, signed out: last checkpoint and the splits so far.
    const family = await (await windowAt(browser, 'phone')).newPage();
    await family.goto(new URL(link).pathname);
    await family.locator('[data-test=follow]').getByText('最近打卡：拱宸桥').waitFor();
    await family.getByRole('cell', { name: '拱宸桥' }).waitFor();
    await checkPage(family, 'hike-follow-phone');

    await page.getByRole('button', { name: '我已退出' }).click();
    await page.getByLabel('原因').fill('脚踝扭伤，已乘车返回');
    await page.getByRole('button', { name: '确认退出' }).click();
    await page.getByRole('status').getByText('已登记退出').waitFor();
    await page.locator('[data-test=walker-status]').getByText('已退出').waitFor();

    // The results, public, at a tablet's width: B's splits shown, since B is off the trail.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`/hike/routes/${routeId}/results`);
    const team = page.locator('[data-test=team]', { hasText: b.realName });
    await team.getByText('未完赛').waitFor();
    await team.getByRole('row', { name: new RegExp(b.realName) }).getByRole('cell', { name: /\d+:\d\d:\d\d/ }).first().waitFor();
    // A is still out on the trail (marked lost): where they are is the safety board's, not the public's.
    await page.locator('[data-test=team]', { hasText: world.contestants[0].realName }).getByText('仍在途中，分段用时不公开').waitFor();
    await checkPage(page, 'hike-results-tablet');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens each page to the roles that may use it and refuses the others', async () => {
    const [, , , outsider] = world.contestants;
    const context = await windowAt(browser, 'tablet');
    const page = await context.newPage();
    await signIn(page, outsider.username, PASSWORD);
    await page.goto(`/hike/routes/${routeId}/board`);
    await page.locator('[data-test=forbidden]').waitFor();
    await page.goto(`/hike/staff/${cps[1].id}`);
    await page.locator('[data-test=forbidden]').waitFor();
    await page.goto(`/manage/events/${eventId}/items/${itemId}/route`);
    await page.locator('[data-test=forbidden]').waitFor();
    await checkPage(page, 'hike-forbidden-tablet');
    await page.getByRole('link', { name: '毅行' }).click();
    await page.getByText('没有与您有关的毅行活动').waitFor();
    // Signed out, the board asks to sign in first.
    const anonymous = await (await windowAt(browser, 'phone')).newPage();
    await anonymous.goto(`/hike/routes/${routeId}/board`);
    await anonymous.waitForURL(/\/login/);
    await context.close();
  });
});
