import type { Browser } from 'playwright-core';
import { openEvent } from '../e2e/support/registration';
import { bearer, buildWorld, http, PASSWORD, post, type World } from '../e2e/support/world';
import { checkPage, launch, signIn, until, watchErrors, windowAt } from './support/browser';
import { fakeCameraVideo, launchWithCamera } from './support/fake-camera';

jest.setTimeout(180_000);

/** The gate: an organizer scans contestants' entry QR codes with the device camera (Chromium's fake one). */
describe('the check-in page', () => {
  let camera: Browser;
  let plain: Browser;
  let world: World;
  const url = () => process.env.BROWSER_BASE_URL as string;

  /** A contestant's approved entry and the text of the QR code their entry page shows. */
  async function entryCode(eventItemId: number, token: string): Promise<{ id: number; code: string }> {
    const entry = await post(url(), `/api/v1/items/${eventItemId}/entries`, token, {});
    const code = await http(url()).get(`/api/v1/entries/${entry.id}/check-in-code`).set(bearer(token));
    return { id: entry.id, code: code.body.token };
  }
  const checkedInAt = async (entryId: number) =>
    (await http(url()).get(`/api/v1/entries/${entryId}`).set(bearer(world.organizer.token))).body.checkedInAt as string | null;

  beforeAll(async () => {
    process.env.E2E_BASE_URL = url();
    world = await buildWorld({ judges: 0, contestants: 3, url: url() });
  });
  afterAll(async () => {
    await camera?.close();
    await plain?.close();
  });

  it("checks a contestant in from their entry's QR code, tells a code of another event apart, and a second showing", async () => {
    const walk = await openEvent(world, { item: '5公里健步行' });
    const elsewhere = await openEvent(world, { name: '职工登山赛', item: '登山' });
    const mine = await entryCode(walk.itemId, world.contestants[0].token);
    const foreign = await entryCode(elsewhere.itemId, world.contestants[1].token);
    // The camera shows the contestant's code, then the other event's, then (looping) the first again.
    camera = await launchWithCamera(fakeCameraVideo([mine.code, foreign.code]));

    const context = await windowAt(camera, 'phone');
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto(`/manage/events/${walk.eventId}`);
    await page.locator('[data-test=check-in-link]').click();
    await page.waitForURL(`**/manage/events/${walk.eventId}/check-in`);

    const scans = page.locator('[data-test=check-in-scans] tbody tr');
    await scans.and(page.locator('[data-outcome=checkedIn]')).filter({ hasText: world.contestants[0].realName }).waitFor();
    await page.getByRole('status').filter({ hasText: `${world.contestants[0].realName} 签到成功` }).waitFor();
    expect(await checkedInAt(mine.id)).not.toBeNull();
    await page.locator('[data-test=check-in-summary]', { hasText: '已签到 1 / 1 人' }).waitFor();

    await scans.and(page.locator('[data-outcome=otherEvent]')).first().waitFor();
    expect(await checkedInAt(foreign.id)).toBeNull();
    await scans.and(page.locator('[data-outcome=already]')).filter({ hasText: world.contestants[0].realName }).first().waitFor();
    await checkPage(page, 'check-in-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await checkPage(page, 'check-in-desk');
    // The other event's code is refused by the API with a 400, which the console reports.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('without a camera says so and checks in a typed code; refuses the page to a contestant', async () => {
    const walk = await openEvent(world, { item: '3公里健步行' });
    const entry = await entryCode(walk.itemId, world.contestants[2].token);
    plain = await launch();
    const context = await windowAt(plain, 'tablet');
    const page = await context.newPage();
    await signIn(page, world.organizer.username, PASSWORD);
    await page.goto(`/manage/events/${walk.eventId}/check-in`);
    await page.locator('[data-test=scanner-problem]').waitFor();
    await page.getByLabel('无法扫描时，输入签到码').fill(entry.code);
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-test=check-in-scans] [data-outcome=checkedIn]').waitFor();
    await until('the entry checked in', async () => (await checkedInAt(entry.id)) !== null);
    await checkPage(page, 'check-in-no-camera-tablet');

    const other = await (await windowAt(plain, 'phone')).newPage();
    await signIn(other, world.contestants[2].username, PASSWORD);
    await other.goto(`/manage/events/${walk.eventId}/check-in`);
    await other.locator('[data-test=check-in-refused]').waitFor();
    await checkPage(other, 'check-in-refused-phone');
  });
});
