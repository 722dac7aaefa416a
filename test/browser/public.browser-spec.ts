import type { Browser } from 'playwright-core';
import { buildWorld, http, post, put, type World } from '../e2e/support/world';
import { checkPage, launch, VIEWPORTS, watchErrors, windowAt, type Width } from './support/browser';

jest.setTimeout(180_000);

/** The public pages at 375, 768 and 1440 px: each readable, accessible (axe) and shot; English on request. */
describe('the public pages', () => {
  let browser: Browser;
  let world: World;
  let eventId: number;
  const url = () => process.env.BROWSER_BASE_URL as string;

  beforeAll(async () => {
    [browser, world] = await Promise.all([launch(), buildWorld({ judges: 0, contestants: 0, url: url() })]);
    const event = await post(url(), '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'sports_meet', name: `职工运动会-${world.tag}`, startsOn: '2026-12-20', endsOn: '2026-12-21' });
    eventId = event.id;
    const item = await post(url(), `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '男子100米' });
    await put(url(), `/api/v1/items/${item.id}/registration`, world.organizer.token, { gender: 'male', minAge: 18, maxAge: 55, capacity: 40, venue: '拱墅区运河体育公园', startsAt: '2026-12-20T01:30:00.000Z' });
    await post(url(), `/api/v1/events/${eventId}/status`, world.organizer.token, { status: 'registration_open' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of Object.keys(VIEWPORTS) as Width[]) {
    it(`reads well at ${VIEWPORTS[width].width} px`, async () => {
      const context = await windowAt(browser, width);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto('/');
      await page.locator('[data-test=event-card]', { hasText: world.tag }).waitFor();
      await checkPage(page, `public-events-${width}`);

      await page.goto(`/events/${eventId}`);
      await page.getByText('拱墅区运河体育公园').waitFor();
      // Beijing time, whatever the device's zone: 01:30 UTC is 09:30 in Beijing.
      await page.getByText(/2026\/12\/20 09:30/).waitFor();
      await page.locator('[data-test=item-places]', { hasText: '剩余 40 个（共 40 个）' }).waitFor();
      await checkPage(page, `public-event-${width}`);

      await page.goto(`/board/${eventId}`);
      await page.locator('[data-test=live]', { hasText: '实时' }).waitFor();
      await checkPage(page, `public-board-${width}`);

      await page.goto('/verify/no-such-certificate-code00');
      await page.getByText('未找到这张证书').waitFor();
      await checkPage(page, `public-verify-${width}`);

      await page.goto('/login');
      await checkPage(page, `public-login-${width}`);
      await page.goto('/signup');
      await page.getByRole('combobox', { name: '所在区（县）工会' }).waitFor();
      await checkPage(page, `public-signup-${width}`);
      await page.goto('/reset');
      await checkPage(page, `public-reset-${width}`);
      // No page is wider than the window: nothing to scroll sideways on a phone.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('speaks English when asked, and keeps it', async () => {
    const context = await windowAt(browser, 'phone');
    const page = await context.newPage();
    await page.goto(`/events/${eventId}`);
    await page.getByRole('heading', { name: '比赛项目' }).waitFor();
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    await checkPage(page, "public-event-phone-en");
    await context.close();
  });

  it('answers every page path with the app, and unknown API paths with the API', async () => {
    for (const path of ['/', `/events/${eventId}`, `/board/${eventId}`, '/verify/x', '/login', '/signup', '/reset', '/me/entries', '/judge/items/1', '/manage', '/leader']) {
      const res = await http(url()).get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    expect((await http(url()).get('/api/v1/no-such-route')).status).toBe(404);
  });
});
