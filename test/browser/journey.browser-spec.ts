import type { Browser, Locator, Page } from 'playwright-core';
import { codeIn, nthTextTo } from '../e2e/support/sms-sink';
import { bearer, buildWorld, http, mobile, PASSWORD, post, put, residentId, type World } from '../e2e/support/world';
import { checkPage, choose, launch, signIn, until, watchErrors, windowAt } from './support/browser';

jest.setTimeout(240_000);

/** A real one-pixel PNG (the API reads the type from the bytes). */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Waits until an input shows the value (pages fill inputs after their data arrives). */
const valueOf = (input: Locator, value: string) => until(`the value ${value}`, async () => (await input.inputValue()) === value);

/**
 * The whole loop in a real browser, against the real API and worker: an organizer creates an event
 * and an item with a scheme, a contestant registers on a phone, the organizer approves, a judge
 * scores on a tablet (with a conflict from a second tab), the public board follows live, results
 * are published and finalised, the award is granted and its certificate verifies.
 */
describe('the core loop in the browser', () => {
  let browser: Browser;
  let world: World;
  const url = () => process.env.BROWSER_BASE_URL as string;
  const errors: string[] = [];
  const watched = (page: Page) => (errors.push(...[]), page.on('pageerror', (e) => errors.push(e.message)), page);

  beforeAll(async () => {
    [browser, world] = await Promise.all([launch(), buildWorld({ judges: 1, contestants: 0, url: url() })]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs from a new event to a verified certificate', async () => {
    // A new contestant, who signs up by SMS code on the phone below.
    const contestant = { username: `zhangwei-${world.tag}`, realName: `张伟${world.tag.slice(0, 2)}`, mobile: mobile() };
    const [judge] = world.judges;
    const enterprise = world.enterprises[0].name;

    // The organizer, at a desk.
    const desk = await windowAt(browser, 'desk');
    const org = watched(await desk.newPage());
    const orgErrors = watchErrors(org);
    await signIn(org, world.organizer.username, PASSWORD);
    await org.waitForURL('**/manage');
    await checkPage(org, 'manage-desk');
    await org.getByLabel('名称').fill(`职工技能大赛-${world.tag}`);
    await org.getByRole('button', { name: '创建' }).click();
    await org.waitForURL(/\/manage\/events\/\d+$/);
    const eventId = Number(new URL(org.url()).pathname.split('/').pop());

    await org.getByLabel('项目名称').fill('数控车工');
    await org.getByText('去掉一个最高分和一个最低分').click();
    await org.getByRole('button', { name: '添加项目' }).click();
    await org.getByRole('heading', { name: '数控车工' }).waitFor();
    // A second item for women only: the contestant (a man) is refused it, in words.
    const womenOnly = await post(url(), `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '女子插花' });
    await put(url(), `/api/v1/items/${womenOnly.id}/registration`, world.organizer.token, { gender: 'female' });
    // A day's notice, for the contestant's appeal below.
    await put(url(), `/api/v1/events/${eventId}/results-settings`, world.organizer.token, { noticeDays: 1 });
    const itemId: number = (await http(url()).get(`/api/v1/events/${eventId}`)).body.items.find((i: { name: string }) => i.name === '数控车工').id;
    await org.getByRole('button', { name: '开放报名' }).click();
    await org.locator('[data-test=event-status]', { hasText: '报名中' }).waitFor();

    // The contestant, on a phone.
    const phone = await windowAt(browser, 'phone');
    const me = watched(await phone.newPage());
    const meErrors = watchErrors(me);
    await me.goto('/');
    await checkPage(me, 'events-phone');
    await me.goto('/login');
    await me.getByRole('link', { name: '注册' }).click();
    await me.getByLabel('手机号码').fill(contestant.mobile);
    await me.getByRole('button', { name: '获取验证码' }).click();
    await me.getByLabel('验证码').fill(codeIn(await nthTextTo(contestant.mobile, 1)));
    await choose(me, me.getByRole('combobox', { name: '所在区（县）工会' }), world.district.name);
    await choose(me, me.getByRole('combobox', { name: '所在企业（单位）工会' }), world.enterprises[0].name);
    await me.getByLabel('真实姓名').fill(contestant.realName);
    await me.getByLabel('用户名（字母、数字）').fill(contestant.username);
    await me.getByLabel('密码（至少 10 位，不易猜）').fill(PASSWORD);
    await checkPage(me, 'signup-phone');
    await me.getByRole('button', { name: '注册', exact: true }).click();
    await me.waitForURL('**/me/profile');
    await me.getByLabel('身份证号').fill(residentId({ male: true }));
    await me.getByLabel('手机号码').fill(contestant.mobile);
    await me.getByRole('button', { name: '保存' }).click();
    await me.getByRole('status').getByText('实名信息已保存').waitFor();
    await checkPage(me, 'profile-phone');
    await me.goto(`/events/${eventId}`);
    await checkPage(me, 'event-phone');
    const card = (name: string) => me.locator('[data-test=item-card]', { has: me.getByRole('heading', { name }) });
    await card('女子插花').getByRole('button', { name: '报名' }).click();
    await card('女子插花').locator('[data-test=refusal]').getByText(/性别|女/).first().waitFor();
    await card('数控车工').getByRole('button', { name: '报名' }).click();
    await card('数控车工').getByText('报名已提交').waitFor();

    // The organizer approves.
    await org.reload();
    const row = org.locator('[data-test=entries] tr', { hasText: contestant.realName });
    await row.getByRole('button', { name: '通过', exact: true }).click();
    await row.getByText('已通过').waitFor();
    await org.locator(`[data-item="${itemId}"]`).getByLabel('裁判账号 ID').fill(String(judge.id));
    await org.locator(`[data-item="${itemId}"]`).getByRole('button', { name: '指派' }).click();
    await org.locator(`[data-item="${itemId}"]`).getByText(judge.realName).waitFor();
    await checkPage(org, 'manage-event-desk');

    // The contestant sees the approval, the bib and the check-in QR code.
    await me.goto('/me/entries');
    const entry = me.locator('[data-test=my-entry]', { hasText: '数控车工' });
    await entry.getByText('已通过').waitFor();
    await entry.locator('[data-test=bib]').waitFor();
    await entry.getByRole('button', { name: '检录码' }).click();
    await me.locator('img[data-test=qr]').waitFor();
    await checkPage(me, 'my-entries-phone');
    await me.keyboard.press('Escape');
    // The approval reached the inbox too (the worker's notification fan-out).
    await me.goto('/me/inbox');
    await until('the approval in the inbox', async () => {
      if (await me.locator('[data-test=message]', { hasText: '数控车工' }).count()) return true;
      await me.reload();
      return false;
    }, 30_000);
    await checkPage(me, 'inbox-phone');

    // The public board, open on a projector before any score.
    const hall = await windowAt(browser, 'desk');
    const board = watched(await hall.newPage());
    await board.goto(`/board/${eventId}`);
    await board.locator('[data-test=live]', { hasText: '实时' }).waitFor();
    const itemRow = board.locator(`[data-test=items] tr`, { hasText: '数控车工' });
    const versionBefore = Number(await itemRow.getAttribute('data-score-version'));
    await checkPage(board, 'board-desk');

    // The judge, on a tablet; a second tab of the same judge changes the sheet meanwhile.
    const tablet = await windowAt(browser, 'tablet');
    const sheet = watched(await tablet.newPage());
    await signIn(sheet, judge.username, PASSWORD);
    // The judge finds the item on their own list of panels.
    await sheet.goto('/judge');
    const seat = sheet.locator('[data-test=my-judging] tr', { hasText: '数控车工' });
    await seat.locator('[data-test=sheet-state]').waitFor();
    await checkPage(sheet, 'my-judging-tablet');
    await seat.getByRole('link', { name: '录入评分：数控车工' }).click();
    await sheet.waitForURL(`**/judge/items/${itemId}`);
    const cell = (p: Page) => p.getByLabel(`${contestant.realName} 总分`);
    await cell(sheet).fill('88.5');
    await sheet.locator('[data-test=saved]', { hasText: '第 1 版' }).waitFor();
    await checkPage(sheet, 'judge-tablet');
    // The draft is the server's: a reload (or another tablet) shows it.
    await sheet.reload();
    await valueOf(cell(sheet), '88.5');

    const other = watched(await tablet.newPage());
    await signIn(other, judge.username, PASSWORD);
    await other.goto(`/judge/items/${itemId}`);
    await cell(other).fill('90');
    await other.locator('[data-test=saved]', { hasText: '第 2 版' }).waitFor();

    await cell(sheet).fill('89');
    await sheet.locator('[data-test=conflict]').waitFor();
    expect(await sheet.locator('[data-test=their-value]').innerText()).toContain('90');
    await checkPage(sheet, 'judge-conflict-tablet');
    await sheet.getByRole('button', { name: '载入最新版本' }).click();
    await valueOf(cell(sheet), '90');
    sheet.once('dialog', (d) => void d.accept());
    await sheet.getByRole('button', { name: '提交评分' }).click();
    await sheet.locator('[data-test=sheet-status]', { hasText: '已提交' }).waitFor();
    expect(await cell(sheet).getAttribute('readonly')).not.toBeNull();

    // The board follows without a reload.
    await until('the board to show the new scores', async () => Number(await itemRow.getAttribute('data-score-version')) > versionBefore, 30_000);
    await board.locator(`[data-test=standings-${itemId}]`).getByText(contestant.realName).waitFor();

    // Published, finalised, awarded.
    await org.reload();
    const itemCard = org.locator(`[data-item="${itemId}"]`);
    await itemCard.getByRole('button', { name: '开始公示' }).click();
    await itemCard.locator('[data-test=publication]', { hasText: '公示中' }).waitFor();

    // During the notice the contestant appeals, with a photo; the organizer dismisses it (API) before finalising.
    await me.goto('/me/record');
    await me.locator('[data-test=record] tr', { hasText: '数控车工' }).getByRole('button', { name: '申诉' }).click();
    await me.getByLabel('申诉理由').fill('计时设备故障，成绩需复核');
    await me.locator('[data-test=appeal-files]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') });
    await checkPage(me, 'appeal-phone');
    await me.getByRole('button', { name: '提交申诉' }).click();
    await me.getByText('申诉已提交').waitFor();
    const [appeal] = (await http(url()).get(`/api/v1/items/${itemId}/appeals`).set(bearer(world.organizer.token))).body;
    expect([appeal.reason, appeal.attachments.map((a: { fileName: string }) => a.fileName)]).toEqual(['计时设备故障，成绩需复核', ['现场照片.png']]);
    // The organizer dismisses it on the item's page, with the reason the contestant is told.
    await itemCard.getByRole('link', { name: '申诉与获奖' }).click();
    const appealRow = org.locator('[data-test=appeals] tr', { hasText: '计时设备故障' });
    await appealRow.getByText('现场照片.png').waitFor();
    await checkPage(org, 'appeals-desk');
    await appealRow.getByRole('button', { name: `驳回：${contestant.realName}` }).click();
    await org.getByLabel('处理理由（告知申诉人）').fill('经复核录像，计时无误');
    await org.getByRole('button', { name: '确定' }).click();
    await appealRow.getByText('已驳回').waitFor();
    expect((await http(url()).get(`/api/v1/items/${itemId}/appeals`).set(bearer(world.organizer.token))).body[0].status).toBe('dismissed');
    await org.goto(`/manage/events/${eventId}`);
    // The journey cannot wait a day: the notice is withdrawn and given again without a notice period.
    await post(url(), `/api/v1/items/${itemId}/publication/retract`, world.organizer.token, { reason: '缩短公示期' });
    await put(url(), `/api/v1/events/${eventId}/results-settings`, world.organizer.token, { noticeDays: 0 });
    await org.reload();
    await itemCard.getByRole('button', { name: '开始公示' }).click();
    await itemCard.locator('[data-test=publication]', { hasText: '公示中' }).waitFor();

    await itemCard.getByRole('button', { name: '确认最终成绩' }).click();
    await itemCard.locator('[data-test=publication]', { hasText: '最终' }).waitFor();
    await itemCard.getByRole('button', { name: '颁发奖项' }).click();
    await org.getByRole('status').getByText('已完成').waitFor();
    let verifyUrl = '';
    for (let i = 0; i < 100 && !verifyUrl; i++) {
      const res = await http(url()).get(`/api/v1/items/${itemId}/awards`).set(bearer(world.organizer.token));
      verifyUrl = res.body.awards?.[0]?.verifyUrl ?? '';
      if (!verifyUrl) await new Promise((r) => setTimeout(r, 200));
    }
    expect(verifyUrl).toMatch(/\/verify\/[\w-]+$/);
    // The board learns of the final results over its live stream, without a reload.
    await board.locator('[data-test=items] tr', { hasText: '最终' }).waitFor({ timeout: 30_000 });
    await board.locator('[data-test=medals]').getByText(enterprise).waitFor();

    // The contestant's record shows the award; the certificate's QR code opens the verification page.
    await me.goto('/me/record');
    await me.locator('[data-test=awards]').getByText('一等奖').waitFor();
    await checkPage(me, 'my-record-phone');
    await me.goto(new URL(verifyUrl).pathname);
    await me.locator('[data-test=verdict]', { hasText: '证书有效' }).waitFor();
    await me.locator('[data-test=certificate]').getByText(contestant.realName).waitFor();
    await checkPage(me, 'verify-phone');

    // The organizer sees who won what on the item's page, and revokes the award with a reason: it stays on record, revoked.
    await org.goto(`/manage/items/${itemId}`);
    const awardRow = org.locator('[data-test=award-list] tr', { hasText: contestant.realName });
    await awardRow.getByText('一等奖').waitFor();
    await checkPage(org, 'award-list-desk');
    await awardRow.getByRole('button', { name: `撤销：${contestant.realName}` }).click();
    await org.getByLabel('撤销理由（记入档案）').fill('经查参赛资格不符');
    await org.getByRole('button', { name: '确定' }).click();
    await awardRow.locator('[data-test=award-status]', { hasText: '已撤销' }).waitFor();
    await me.goto(new URL(verifyUrl).pathname);
    await me.locator('[data-test=verdict]', { hasText: '证书已撤销' }).waitFor();

    expect([...orgErrors, ...meErrors, ...errors]).toEqual([]);
  });
});
