import type { Browser } from 'playwright-core';
import { waitFor } from '../e2e/support/processes';
import { bearer, buildWorld, competitionWithEntries, http, PASSWORD, submitMark, submitSheet, type World } from '../e2e/support/world';
import { checkPage, launch, signIn, watchErrors, windowAt } from './support/browser';

jest.setTimeout(180_000);

/** The organizer upholds an appeal on the item's page with two judges' corrected marks in one decision. */
describe('the appeal page', () => {
  let browser: Browser;
  let world: World;
  const url = () => process.env.BROWSER_BASE_URL as string;

  beforeAll(async () => {
    process.env.E2E_BASE_URL = url();
    [browser, world] = await Promise.all([launch(), buildWorld({ judges: 3, contestants: 2, url: url() })]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('corrects several marks of the appealed entry and shows them beside the decision', async () => {
    const { itemId, entryIds } = await competitionWithEntries(world);
    const given = [
      ['80', '82', '84'],
      ['85', '86', '87'],
    ];
    for (const [e, row] of given.entries()) for (const [j, v] of row.entries()) await submitMark(url(), world.judges[j], itemId, entryIds[e], v);
    for (const j of world.judges) await submitSheet(url(), j, itemId);
    const results = () => http(url()).get(`/api/v1/items/${itemId}/results`).set(bearer(world.organizer.token));
    await waitFor('the results', async () => ((await results()).body.results?.length === 2 ? true : undefined));
    expect((await http(url()).post(`/api/v1/items/${itemId}/publication/notice`).set(bearer(world.organizer.token))).status).toBe(200);
    const filed = await http(url()).post(`/api/v1/items/${itemId}/appeals`).set(bearer(world.contestants[0].token)).send({ entryId: entryIds[0], reason: '两位裁判的评分均有误' });
    expect(filed.status).toBe(201);

    const context = await windowAt(browser, 'desk');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto(`/manage/items/${itemId}`);
    await page.getByRole('button', { name: `支持并更正：${world.contestants[0].realName}` }).click();
    const form = page.locator('[data-test=uphold-corrections]');
    await form.getByLabel('更正后的分数 1').fill('90');
    await form.getByRole('button', { name: '添加一项更正' }).click();
    await form.getByLabel('裁判 2').selectOption({ label: world.judges[1].realName });
    await form.getByLabel('更正后的分数 2').fill('91');
    await page.getByLabel('处理理由（告知申诉人）').fill('复核录像，一号、二号裁判的评分更正');
    await checkPage(page, 'appeal-uphold-desk');
    await page.getByRole('button', { name: '确定' }).click();

    const shown = page.locator(`[data-test=corrections-${filed.body.id}] li`);
    await shown.filter({ hasText: `${world.judges[0].realName} · 总分：80 → 90` }).waitFor();
    await shown.filter({ hasText: `${world.judges[1].realName} · 总分：82 → 91` }).waitFor();
    // 90, 91, 84: the middle mark 90 counts now.
    await waitFor('the re-tally', async () => ((await results()).body.results.find((r: { entryId: number }) => r.entryId === entryIds[0])?.total === '90.00' ? true : undefined));
    await page.setViewportSize({ width: 375, height: 740 });
    await checkPage(page, 'appeal-decided-phone');
    expect(errors).toEqual([]);
  });
});
