import type { Browser } from 'playwright-core';
import { openEvent, rosterCsv, rosterPeople } from '../e2e/support/registration';
import { codeIn, nthTextTo } from '../e2e/support/sms-sink';
import { adminToken, bearer, buildWorld, http, mobile, PASSWORD, post, put, residentId, type World } from '../e2e/support/world';
import { checkPage, choose, launch, signIn, watchErrors, windowAt } from './support/browser';

jest.setTimeout(180_000);

/** A delegation leader's roster upload (a refused file's rows shown as a table) and the organizer's statistics. */
describe('the leader and statistics pages', () => {
  let browser: Browser;
  let world: World;
  const url = () => process.env.BROWSER_BASE_URL as string;

  beforeAll(async () => {
    process.env.E2E_BASE_URL = url();
    [browser, world] = await Promise.all([launch(), buildWorld({ judges: 0, contestants: 1, url: url() })]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a roster, shows each failing row of a refused one, the places left, and enters a member one by one', async () => {
    const meet = await openEvent(world, { kind: 'sports_meet', item: '跳绳' });
    await post(url(), `/api/v1/events/${meet.eventId}/items`, world.organizer.token, { name: '踢毽子' });
    const admin = await adminToken(url());
    const leader = await post(url(), '/api/v1/users', admin, {
      username: `leader-${world.tag}`,
      password: PASSWORD,
      realName: '周领队',
      roles: [{ organisationId: world.enterprises[0].id, role: 'delegation_leader' }],
    });
    const context = await windowAt(browser, 'tablet');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, leader.username, PASSWORD);
    await put(url(), `/api/v1/events/${meet.eventId}/delegations/${world.enterprises[0].id}/quota`, world.organizer.token, { capacity: 8 });
    await page.goto(`/leader?event=${meet.eventId}`);

    const people = rosterPeople(3, '跳绳');
    const bad = rosterPeople(2, '跳高', 10);
    await page.locator('[data-test=roster-file]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: rosterCsv([...people, ...bad]) });
    await page.getByRole('button', { name: '导入名单' }).click();
    const refusal = page.locator('[data-test=roster-refusal]');
    await refusal.getByText('本赛事没有名为“跳高”的项目').first().waitFor();
    expect(await refusal.locator('tbody tr').count()).toBe(2);
    expect(await refusal.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['5', '6']);
    await checkPage(page, 'leader-refused-tablet');

    await page.locator('[data-test=roster-file]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: rosterCsv(people) });
    await page.getByRole('button', { name: '导入名单' }).click();
    await page.getByRole('status').getByText('已导入：3 人').waitFor();
    for (const p of people) await page.locator('[data-test=delegation-entries]').getByText(p.name).waitFor();
    // The delegation's own places, and the public page's places left.
    await page.reload();
    await page.locator('[data-test=quota]', { hasText: '已用 3 个，共 8 个，剩余 5 个' }).waitFor();
    // One of them into a second item, one by one.
    const form = page.locator('[data-test=enter-one]');
    await form.getByRole('combobox', { name: '队员' }).click({ force: true });
    // The union's members are listed whether or not they have entries; a namesake is told apart by the masked mobile.
    const masked = `${people[0].mobile.slice(0, 3)}****${people[0].mobile.slice(-4)}`;
    await page.getByRole('option', { name: people[0].name }).filter({ hasText: masked }).click();
    await choose(page, form.getByRole('combobox', { name: '项目' }), '踢毽子');
    await form.getByRole('button', { name: '报名' }).click();
    await page.getByRole('status').getByText('报名已提交').waitFor();
    await page.locator('[data-test=delegation-entries] tr', { hasText: '踢毽子' }).getByText(people[0].name).waitFor();
    // A member of the union with no entry yet, found by typing a part of the name; mobiles masked.
    const member = await post(url(), '/api/v1/users', admin, {
      username: `member-${world.tag}`,
      password: PASSWORD,
      realName: '欧阳未报',
      roles: [{ organisationId: world.enterprises[0].id, role: 'contestant' }],
    });
    await put(url(), `/api/v1/users/${member.id}/profile`, world.organizer.token, { residentId: residentId(), mobile: mobile() });
    await form.getByRole('combobox', { name: '队员' }).fill(member.realName.slice(0, 2));
    const option = page.getByRole('option', { name: member.realName });
    await expect(option.innerText()).resolves.toMatch(/1\d{2}\*{4}\d{4}/);
    await option.click();
    await choose(page, form.getByRole('combobox', { name: '项目' }), '跳绳');
    await form.getByRole('button', { name: '报名' }).click();
    await page.locator('[data-test=delegation-entries] tr', { hasText: '跳绳' }).getByText(member.realName).waitFor();
    await checkPage(page, 'leader-tablet');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the leader confirm a person who signed up for the union, who then leaves the waiting list', async () => {
    const admin = await adminToken(url());
    const leader = await post(url(), '/api/v1/users', admin, {
      username: `leader2-${world.tag}`,
      password: PASSWORD,
      realName: '郑领队',
      roles: [{ organisationId: world.enterprises[1].id, role: 'delegation_leader' }],
    });
    const mobile = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    await http(url()).post('/api/v1/auth/sign-up/code').send({ mobile }).expect(204);
    const code = codeIn(await nthTextTo(mobile, 1));
    const made = await http(url())
      .post('/api/v1/auth/sign-up')
      .send({ mobile, code, username: `joiner-${world.tag}`, password: 'Xixi-wetland-2026', realName: '冯晓燕', organisationId: world.enterprises[1].id })
      .expect(201);

    const context = await windowAt(browser, 'phone');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, leader.username, PASSWORD);
    await page.goto('/leader');
    const row = page.locator('[data-test=pending-members] tr', { hasText: '冯晓燕' });
    await row.waitFor();
    await checkPage(page, 'leader-pending-phone');
    await row.getByRole('button', { name: '确认会员：冯晓燕' }).click();
    await page.getByRole('status').getByText('已确认 冯晓燕 为本单位会员').waitFor();
    await page.locator('[data-test=no-pending]').waitFor();
    const me = await http(url()).get(`/api/v1/users/${made.body.userId}/audit`).set(bearer(world.organizer.token));
    expect(me.body.map((a: { action: string }) => a.action)).toContain('membership_confirmed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits who may enter an item and the placing points, refusing a table that rises', async () => {
    const meet = await openEvent(world, { kind: 'sports_meet', item: '女子跳绳' });
    const context = await windowAt(browser, 'desk');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto(`/manage/events/${meet.eventId}`);
    const rules = page.locator(`[data-test=rules-${meet.itemId}]`);
    await rules.getByLabel('性别').selectOption('female');
    await rules.getByLabel('最大年龄').fill('45');
    await rules.getByText('仅限工会会员').click();
    await rules.getByLabel('名额（空为不限）').fill('30');
    await rules.getByRole('button', { name: '保存报名条件' }).click();
    await page.getByRole('status').getByText('已完成').waitFor();
    const item = (await http(url()).get(`/api/v1/events/${meet.eventId}`)).body.items[0];
    expect([item.gender, item.minAge, item.maxAge, item.unionMemberRequired, item.capacity]).toEqual(['female', null, 45, true, 30]);

    const individual = page.getByLabel('个人项目（第 1 名起，逗号分隔）');
    await individual.fill('5, 8');
    await page.getByRole('button', { name: '保存名次分' }).click();
    await page.getByRole('alert').getByText('第 2 名的分数不能高于前一名').waitFor();
    await individual.fill('10，8，6，5 4');
    await page.getByRole('button', { name: '保存名次分' }).click();
    await page.getByRole('status').getByText('已完成').waitFor();
    const settings = await http(url()).get(`/api/v1/events/${meet.eventId}/results-settings`).set(bearer(world.organizer.token));
    expect(settings.body.pointsIndividual).toEqual(['10', '8', '6', '5', '4']);
    await checkPage(page, 'manage-rules-desk');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses an entry with a reason the contestant is told', async () => {
    const event = await post(url(), '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'skill_competition', name: `职工茶艺大赛-${world.tag}` });
    const item = await post(url(), `/api/v1/events/${event.id}/items`, world.organizer.token, { name: '茶艺' });
    await post(url(), `/api/v1/events/${event.id}/status`, world.organizer.token, { status: 'registration_open' });
    const [contestant] = world.contestants;
    const entry = await post(url(), `/api/v1/items/${item.id}/entries`, contestant.token, {});
    const context = await windowAt(browser, 'desk');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto(`/manage/events/${event.id}`);
    const row = page.locator('[data-test=entries] tr', { hasText: contestant.realName });
    await row.getByRole('button', { name: '不通过' }).click();
    await page.getByLabel('不通过的原因').fill('工会会员证明材料不全');
    await checkPage(page, 'manage-refuse-desk');
    await page.getByRole('dialog').getByRole('button', { name: '不通过' }).click();
    await row.getByText('未通过').waitFor();
    const seen = await http(url()).get(`/api/v1/entries/${entry.id}`).set(bearer(contestant.token));
    expect([seen.body.status, seen.body.rejectionReason]).toEqual(['rejected', '工会会员证明材料不全']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an organisation’s figures of the year with a chart', async () => {
    const context = await windowAt(browser, 'desk');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto('/manage/statistics');
    await page.locator('[data-test=figures]').getByText('参赛人次').waitFor();
    await page.locator('[data-test=chart] canvas').waitFor();
    expect(await page.locator('[data-test=chart]').getAttribute('aria-label')).toMatch(/运动会 \d+/);
    await checkPage(page, 'statistics-desk');
    expect(errors).toEqual([]);
    await context.close();
  });
});
