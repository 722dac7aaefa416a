import type { Browser, Page } from 'playwright-core';
import { beijingDayAhead } from '../e2e/support/beijing';
import { creditCode } from '../e2e/support/job-fair';
import { adminToken, bearer, buildWorld, http, login, PASSWORD, post, type Person, type World } from '../e2e/support/world';
import { checkPage, launch, signIn, until, watchErrors, windowAt } from './support/browser';
import { fakeCameraVideo, launchWithCamera } from './support/fake-camera';

jest.setTimeout(240_000);

/** A CV as a seeker's phone holds it: a small real PDF (the API reads the type from the bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * A job fair in the browser, against the real API and worker: an employer registers and applies to
 * take part, the organizer approves it and gives it a booth, the employer posts positions (one with a
 * term the law forbids, highlighted), the organizer publishes one and sends the other back; a seeker
 * finds the position by a Chinese keyword on a phone and applies with a CV; the employer moves the
 * application across the board to hired; the seeker sees it hired. The employer publishes interview
 * slots, the seeker books one on their page, and the employer sees who booked it.
 */
describe('the job fair in the browser', () => {
  let browser: Browser;
  let world: World;
  let staff: Person;
  let fairId: number;
  let positionId: number;
  const url = () => process.env.BROWSER_BASE_URL as string;
  const employerName = () => `杭州精工数控机床有限公司-${world.tag}`;

  beforeAll(async () => {
    [browser, world] = await Promise.all([launch(), buildWorld({ judges: 0, contestants: 2, url: url() })]);
    const admin = await adminToken(url());
    const username = `hr-${world.tag}`;
    const user = await post(url(), '/api/v1/users', admin, { username, password: PASSWORD, realName: '王人事', roles: [{ organisationId: world.district.id, role: 'employer' }] });
    staff = { id: user.id, username, realName: '王人事', token: await login(username, PASSWORD, url()) };
    fairId = (await post(url(), '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'job_fair', name: `春风行动专场招聘会-${world.tag}`, startsOn: '2026-12-12' })).id;
    await post(url(), `/api/v1/events/${fairId}/status`, world.organizer.token, { status: 'registration_open' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const statusSays = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

  it('takes an employer from registration to published positions, the forbidden term highlighted and sent back', async () => {
    const desk = await windowAt(browser, 'desk');
    const hr = await desk.newPage();
    const hrErrors = watchErrors(hr);
    await signIn(hr, staff.username, PASSWORD);
    await hr.waitForURL('**/employer');
    const register = hr.locator('[data-test=register-employer]');
    await register.getByLabel('单位名称').fill(employerName());
    await register.getByLabel('统一社会信用代码').fill(creditCode(Math.floor(Math.random() * 80_000_000)));
    await register.getByRole('button', { name: '登记用人单位' }).click();
    await statusSays(hr, '用人单位已登记');
    const fairRow = hr.locator('[data-test=employer-fairs] tr', { hasText: `春风行动专场招聘会-${world.tag}` });
    await fairRow.getByRole('button', { name: '申请参会' }).click();
    await fairRow.getByText('待审核').waitFor();
    await checkPage(hr, 'employer-desk');

    // The organizer approves the employer and gives it a booth.
    const orgWindow = await windowAt(browser, 'desk');
    const org = await orgWindow.newPage();
    const orgErrors = watchErrors(org);
    await signIn(org, world.organizer.username, PASSWORD);
    await org.getByRole('link', { name: '招聘会管理' }).click();
    await org.getByRole('link', { name: `春风行动专场招聘会-${world.tag}` }).click();
    const row = org.locator('[data-test=fair-employers] tr', { hasText: employerName() });
    await row.getByRole('button', { name: '通过', exact: true }).click();
    await statusSays(org, `已通过 ${employerName()} 的参会申请`);
    await row.getByLabel(`${employerName()} 的展馆`).fill('1号馆');
    await row.getByLabel(`${employerName()} 的展位号`).fill('A-01');
    await row.getByRole('button', { name: '分配展位' }).click();
    await statusSays(org, `已为 ${employerName()} 分配展位`);
    await checkPage(org, 'manage-fair-desk');

    // The employer posts two positions; the second asks for women under 45.
    await hr.reload();
    await hr.locator('[data-test=employer-fairs] tr', { hasText: '1号馆 A-01' }).getByRole('link', { name: '岗位管理' }).click();
    const post1 = hr.locator('[data-test=new-position]');
    const postPosition = async (p: { title: string; headcount: string; min: string; max: string; description: string }) => {
      await post1.getByLabel('岗位名称').fill(p.title);
      await post1.getByLabel('招聘人数（空为若干）').fill(p.headcount);
      await post1.getByLabel('最低（元）').fill(p.min);
      await post1.getByLabel('最高（元）').fill(p.max);
      await post1.getByLabel('工作地区').fill('拱墅区');
      await post1.getByLabel('行业').fill('制造业');
      await post1.getByLabel('岗位描述').fill(p.description);
      await post1.getByRole('button', { name: '提交审核' }).click();
      await hr.locator('[data-test=own-position]', { hasText: p.title }).waitFor();
    };
    await postPosition({ title: '数控车床操作工', headcount: '2', min: '8000', max: '12000', description: '操作数控车床加工轴类零件，能看懂图纸，五险一金。' });
    await postPosition({ title: '车间保洁员', headcount: '1', min: '4000', max: '5000', description: '限女性，45岁以下，负责车间清洁。' });
    const flagged = hr.locator('[data-test=own-position]', { hasText: '车间保洁员' });
    expect(await flagged.locator('mark.flag').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('限女性'), expect.stringContaining('45岁以下')]));
    await checkPage(hr, 'employer-positions-desk');

    // The organizer publishes the first and sends the second back, which the employer reads.
    await org.getByRole('tab', { name: /岗位审核/ }).click();
    const cnc = org.locator('[data-test^=pending-]', { hasText: '数控车床操作工' });
    const cleaner = org.locator('[data-test^=pending-]', { hasText: '车间保洁员' });
    await cleaner.locator('mark.flag').first().waitFor();
    await checkPage(org, 'manage-fair-review-desk');
    positionId = Number((await cnc.getAttribute('data-test'))!.split('-')[1]);
    await cnc.getByRole('button', { name: '通过', exact: true }).click();
    await statusSays(org, '已发布“数控车床操作工”');
    await cleaner.getByLabel('车间保洁员 不通过的原因').fill('含性别、年龄限制，请修改后重新提交');
    await cleaner.getByRole('button', { name: '不通过' }).click();
    await statusSays(org, '已退回“车间保洁员”');
    await hr.reload();
    await flagged.getByText('退回原因：含性别、年龄限制，请修改后重新提交').waitFor();
    await hr.locator('[data-test=own-position]', { hasText: '数控车床操作工' }).getByText('已发布').waitFor();
    expect([...hrErrors, ...orgErrors]).toEqual([]);
    await Promise.all([desk.close(), orgWindow.close()]);
  });

  it('lets a seeker find the position by a Chinese keyword and apply with a CV; the employer moves it to hired on the board; the seeker sees hired', async () => {
    const [seeker] = world.contestants;
    const phone = await windowAt(browser, 'phone');
    const me = await phone.newPage();
    const meErrors = watchErrors(me);
    await signIn(me, seeker.username, PASSWORD);
    await me.getByRole('navigation').getByRole('link', { name: '找工作' }).click();
    const search = me.locator('[data-test=job-search]');
    await search.getByLabel('招聘会').selectOption(String(fairId));
    await search.getByLabel('关键词').fill('数控');
    // The district is picked from those the fair's postings name, not typed.
    await search.getByLabel('工作地区').selectOption('拱墅区');
    await search.getByRole('button', { name: '搜索' }).click();
    await me.getByRole('status').filter({ hasText: '共 1 个岗位' }).waitFor();
    const results = me.locator('[data-test=positions] li');
    expect(await results.allInnerTexts()).toEqual([expect.stringContaining('数控车床操作工')]);
    await checkPage(me, 'jobs-search-phone');
    // The same search at a tablet's and a desk's width.
    for (const width of ['tablet', 'desk'] as const) {
      const wide = await (await windowAt(browser, width)).newPage();
      await wide.goto(`/jobs?fair=${fairId}&q=${encodeURIComponent('数控')}`);
      await wide.locator('[data-test=positions] li', { hasText: '数控车床操作工' }).waitFor();
      await checkPage(wide, `jobs-search-${width}`);
      await wide.context().close();
    }

    await results.getByRole('link', { name: '数控车床操作工' }).click();
    await me.getByRole('heading', { name: '数控车床操作工' }).waitFor();
    await me.getByText('8000–12000 元/月').waitFor();
    await me.getByRole('button', { name: '报名参加' }).click();
    const apply = me.locator('[data-test=apply]');
    await apply.locator('[data-test=cv-file]').setInputFiles({ name: '张伟-简历.pdf', mimeType: 'application/pdf', buffer: PDF });
    await until('the uploaded CV chosen', async () => (await apply.locator('[data-test=cv-choice] option:checked').innerText()) === '张伟-简历.pdf');
    const send = apply.getByRole('button', { name: '投递' });
    expect(await send.isDisabled()).toBe(true);
    await apply.getByLabel(`同意将所选简历提供给 ${employerName()}（可随时撤回）`).check();
    await checkPage(me, 'job-position-phone');
    await send.click();
    await me.locator('[data-test=applied]').waitFor();

    // The employer's board, at a desk.
    const desk = await windowAt(browser, 'desk');
    const hr = await desk.newPage();
    const hrErrors = watchErrors(hr);
    await signIn(hr, staff.username, PASSWORD);
    await hr.goto(`/employer/positions/${positionId}`);
    const card = () => hr.locator('[data-test=pipeline] article', { hasText: seeker.realName });
    const column = (stage: string) => hr.locator(`[data-test=col-${stage}]`);
    await column('applied').getByRole('article', { name: seeker.realName }).waitFor();
    await card().locator('summary', { hasText: '评价与笔记' }).click();
    await card().getByLabel('评分').selectOption('4');
    await card().getByLabel('笔记（仅本单位可见）').fill('动手能力强，可直接上岗');
    await card().getByLabel('达成意向').check();
    await card().getByRole('button', { name: '保存' }).click();
    await statusSays(hr, `已保存对 ${seeker.realName} 的评价`);
    await checkPage(hr, 'pipeline-desk');
    for (const [stage, label, note] of [
      ['screened', '已通过筛选', '证书齐全'],
      ['interviewing', '面试中', '周三上午面试'],
      ['offered', '已发录用意向', '面试通过'],
      ['hired', '已录用', '下周一入职'],
    ] as const) {
      await card().getByLabel('改为').selectOption(stage);
      await card().getByLabel('备注').fill(note);
      await card().getByRole('button', { name: '确定' }).click();
      await column(stage).getByRole('article', { name: seeker.realName }).waitFor();
      await statusSays(hr, `${seeker.realName}：${label}`);
    }
    // Hired is final: nothing more to move; the history keeps every step with its note.
    expect(await card().getByLabel('改为').count()).toBe(0);
    await card().locator('summary', { hasText: '进度记录' }).click();
    expect(await card().locator('ol.history li').allInnerTexts()).toEqual([
      expect.stringContaining('已投递'),
      expect.stringContaining('已通过筛选：证书齐全'),
      expect.stringContaining('面试中：周三上午面试'),
      expect.stringContaining('已发录用意向：面试通过'),
      expect.stringContaining('已录用：下周一入职'),
    ]);
    await checkPage(hr, 'pipeline-hired-desk');
    const [app] = (await http(url()).get(`/api/v1/fair-positions/${positionId}/applications`).set(bearer(staff.token))).body;
    expect([app.stage, app.rating, app.notes, app.intentionReached]).toEqual(['hired', 4, '动手能力强，可直接上岗', true]);

    // The seeker's own page says hired; the consent to the employer is listed and may be revoked.
    await me.getByRole('navigation').getByRole('link', { name: '我的求职' }).click();
    const mine = me.locator('[data-test=my-applications] tr', { hasText: '数控车床操作工' });
    await mine.locator('[data-test=stage]', { hasText: '已录用' }).waitFor();
    await me.locator('[data-test=my-consents] li', { hasText: employerName() }).waitFor();
    await checkPage(me, 'my-applications-phone');
    await me.getByRole('button', { name: `撤回对 ${employerName()} 的授权` }).click();
    await statusSays(me, `已撤回对 ${employerName()} 的授权`);
    const [after] = (await http(url()).get(`/api/v1/fair-positions/${positionId}/applications`).set(bearer(staff.token))).body;
    expect(after.cvId).toBeNull();
    expect([...meErrors, ...hrErrors]).toEqual([]);
    await Promise.all([phone.close(), desk.close()]);
  });

  it('records a seeker at the booth by scanning their pass, and shows the organizer the figures as charts with the numbers and a workbook', async () => {
    const [, seeker] = world.contestants;
    const phone = await windowAt(browser, 'phone');
    const me = await phone.newPage();
    const meErrors = watchErrors(me);
    await signIn(me, seeker.username, PASSWORD);
    await me.getByRole('navigation').getByRole('link', { name: '求职码' }).click();
    await me.locator('select').selectOption(String(fairId));
    await me.getByRole('button', { name: '报名参加' }).click();
    const token = await me.locator('[data-test=pass-token]').innerText();
    await me.locator('[data-test=pass] img').waitFor();
    await checkPage(me, 'fair-pass-phone');

    // At the booth, a tablet whose camera (Chromium's fake one) sees the seeker's phone.
    const camera = await launchWithCamera(fakeCameraVideo(token));
    const tablet = await windowAt(camera, 'tablet');
    const hr = await tablet.newPage();
    const hrErrors = watchErrors(hr);
    await signIn(hr, staff.username, PASSWORD);
    await hr.goto(`/employer/fairs/${fairId}/scan`);
    await hr.locator('[data-test=scanned]').getByText(`已登记 ${seeker.realName} → 数控车床操作工`).waitFor({ timeout: 30_000 });
    await checkPage(hr, 'booth-scan-tablet');

    const desk = await windowAt(browser, 'desk');
    const org = await desk.newPage();
    const orgErrors = watchErrors(org);
    await signIn(org, world.organizer.username, PASSWORD);
    await org.goto(`/manage/fairs/${fairId}`);
    await org.getByRole('tab', { name: '数据统计' }).click();
    const figures = org.locator('[data-test=funnel-figures]');
    await figures.waitFor();
    const numbers = async (sel: string) => Object.fromEntries((await org.locator(`[data-test=${sel}] tr`).allInnerTexts()).map((r) => r.split('\t')));
    expect(await numbers('funnel-figures')).toEqual({ '求职申请（份）': '2', '通过筛选（人）': '1', '面试（人）': '1', '录用意向（人）': '1', '录用（人）': '1' });
    expect(await numbers('total-figures')).toMatchObject({ '参会用人单位（家）': '1', '提供就业岗位（人）': '2', '进场求职者（人）': '2', '展位扫码（次）': '1', '达成意向（人）': '1' });
    await org.locator('[data-test=funnel-chart] canvas').waitFor();
    expect(await org.locator('[data-test=funnel-chart]').getAttribute('aria-label')).toContain('录用（人） 1');
    const [download] = await Promise.all([org.waitForEvent('download'), org.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`春风行动专场招聘会-${world.tag}.xlsx`);
    await checkPage(org, 'manage-fair-figures-desk');
    expect([...meErrors, ...hrErrors, ...orgErrors]).toEqual([]);
    await Promise.all([phone.close(), camera.close(), desk.close()]);
  });

  it('lets the employer publish interview slots, the seeker book one on a phone as theirs (a taken one refused) and give it back, the employer see who booked', async () => {
    const [seeker, other] = world.contestants;
    // Days ahead of the run: a slot that has begun is neither published nor booked.
    const day = beijingDayAhead(5);
    const shown = day.replaceAll('-', '/');
    const desk = await windowAt(browser, 'desk');
    const hr = await desk.newPage();
    const hrErrors = watchErrors(hr);
    await signIn(hr, staff.username, PASSWORD);
    await hr.goto(`/employer/fairs/${fairId}`);
    const newSlot = hr.locator('[data-test=new-slot]');
    for (const [from, to] of [['09:00', '09:20'], ['09:30', '09:50']]) {
      await newSlot.getByLabel('日期').fill(day);
      await newSlot.getByLabel('开始').fill(from);
      await newSlot.getByLabel('结束').fill(to);
      await newSlot.getByRole('button', { name: '发布时段' }).click();
      await hr.locator('[data-test=slots] li', { hasText: `${shown} ${from} – ${to}` }).getByText('可预约').waitFor();
    }

    // The seeker, who applied to the employer, books the first on their own page.
    const phone = await windowAt(browser, 'phone');
    const me = await phone.newPage();
    const meErrors = watchErrors(me);
    await signIn(me, seeker.username, PASSWORD);
    await me.getByRole('navigation').getByRole('link', { name: '我的求职' }).click();
    const slots = me.locator('[data-test=interview-slots]', { hasText: employerName() });
    const [first, second] = ['09:00 – 09:20', '09:30 – 09:50'].map((times) => `${employerName()} ${shown} ${times}`);
    await slots.getByRole('button', { name: `预约 ${first}` }).click();
    await statusSays(me, `已预约 ${first} 的面试`);
    const mine = slots.locator('[data-test=my-booking]');
    expect(await mine.innerText()).toMatch(new RegExp(`${shown} 09:00 – 09:20\\s*我的预约`));
    await checkPage(me, 'my-interviews-phone');

    // Another seeker takes the second meanwhile: booking it is refused, said why, and it leaves the list.
    const taken = (await http(url()).get(`/api/v1/fairs/${fairId}/interview-slots`)).body.find((s: { startsAt: string }) => s.startsAt === `${day}T01:30:00.000Z`);
    await post(url(), `/api/v1/fair-interview-slots/${taken.id}/booking`, other.token, {});
    await slots.getByRole('button', { name: `预约 ${second}` }).click();
    await me.getByRole('alert').filter({ hasText: '该面试时段已被预约' }).waitFor();
    await slots.getByRole('button', { name: `预约 ${second}` }).waitFor({ state: 'detached' });

    // The employer's page names who booked, the mobile masked.
    const mobile: string = (await http(url()).get(`/api/v1/users/${seeker.id}/profile`).set(bearer(seeker.token))).body.mobile;
    await hr.reload();
    const booked = hr.locator('[data-test=slots] li', { hasText: '09:00 – 09:20' });
    await booked.getByText('已预约').waitFor();
    expect(await booked.locator('[data-test=booker]').innerText()).toBe(`${seeker.realName}（${mobile.slice(0, 3)}****${mobile.slice(-4)}）`);
    expect(await hr.locator('[data-test=slots] li', { hasText: '09:30 – 09:50' }).locator('[data-test=booker]').innerText()).toContain(other.realName);
    await checkPage(hr, 'employer-slots-desk');

    // The seeker gives the booking back; the slot is free to book again.
    await slots.getByRole('button', { name: `取消预约 ${first}` }).click();
    await statusSays(me, `已取消 ${first} 的面试预约`);
    await slots.getByRole('button', { name: `预约 ${first}` }).waitFor();
    expect(await mine.count()).toBe(0);
    expect([...meErrors, ...hrErrors]).toEqual([]);
    await Promise.all([phone.close(), desk.close()]);
  });

  it('shows each role its own job fair links and refuses the others’ pages', async () => {
    const [seeker] = world.contestants;
    const cases: [Person | null, string[], string[], string[]][] = [
      // who, nav links shown, nav links not shown, pages refused
      [seeker, ['找工作', '我的求职', '求职码'], ['用人单位', '招聘会管理'], ['/employer', `/employer/positions/${positionId}`, '/manage/fairs']],
      [staff, ['找工作', '用人单位'], ['我的求职', '招聘会管理'], ['/me/applications', '/me/fair-pass', `/manage/fairs/${fairId}`]],
      [world.organizer, ['找工作', '招聘会管理'], ['我的求职', '用人单位'], ['/employer', '/me/applications']],
    ];
    const context = await windowAt(browser, 'phone');
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const [who, shown, hidden, refused] of cases) {
      await signIn(page, who!.username, PASSWORD);
      const nav = page.getByRole('navigation');
      for (const name of shown) await nav.getByRole('link', { name, exact: true }).waitFor();
      for (const name of hidden) expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);
      for (const path of refused) {
        await page.goto(path);
        await page.locator('[data-test=forbidden]').waitFor();
        expect(new URL(page.url()).pathname).toBe(path);
        if (who === seeker && path === refused[0]) await checkPage(page, 'forbidden-phone');
      }
      await nav.getByRole('button', { name: '退出' }).click();
      await page.waitForURL((u) => u.pathname === '/');
    }
    // Signed out, a seeker's page asks for a sign-in first.
    await page.goto('/me/applications');
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/me/applications');
    expect(errors).toEqual([]);
    await context.close();
  });
});
