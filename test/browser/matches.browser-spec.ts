/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { buildWorld, http, PASSWORD, post, put, type World } from '../e2e/support/world';
import { checkPage, launch, signIn, until, watchErrors, windowAt } from './support/browser';

jest.setTimeout(300_000);

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * An eight-player tennis draw played through the judge's result-entry page on a tablet while the
 * public draw on a phone and on a desk redraws itself from the live stream, never reloaded; then
 * the organizers' dashboard shows the year's figures of the district, and the pages refuse those
 * who may not use them.
 */
describe('matches and the dashboard in the browser', () => {
  let browser: Browser;
  let world: World;
  let eventId: number;
  let itemId: number;
  const url = () => process.env.BROWSER_BASE_URL as string;

  beforeAll(async () => {
    [browser, world] = await Promise.all([launch(), buildWorld({ judges: 1, contestants: 8, url: url() })]);
    const org = world.organizer.token;
    eventId = (await post(url(), '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工运动会-${world.tag}`, startsOn: beijingToday() })).id;
    await put(url(), `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(url(), `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    itemId = (await post(url(), `/api/v1/events/${eventId}/items`, org, { name: '网球男子单打' })).id;
    const entries: number[] = [];
    for (const c of world.contestants) entries.push((await post(url(), `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(url(), `/api/v1/matches/items/${itemId}`, org, { format: 'single_elimination', settings: { sport: 'tennis', tennis: { bestOf: 3, finalSet: 'match_tiebreak' } } });
    await put(url(), `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId, i) => ({ entryId, seed: i < 2 ? i + 1 : null })) });
    await post(url(), `/api/v1/matches/items/${itemId}/draw`, org, { lotSeed: 2026 });
    // the first round on two courts, two slots each
    const drawn = (await http(url()).get(`/api/v1/matches/items/${itemId}/bracket`)).body as { matches: { id: number }[] };
    const firstRound = drawn.matches.map((m) => m.id).sort((a, b) => a - b).slice(0, 4);
    for (const [i, matchId] of firstRound.entries()) {
      await put(url(), `/api/v1/matches/${matchId}/schedule`, org, { court: `${(i % 2) + 1}号场`, at: `${beijingToday()}T${i < 2 ? '09:00' : '10:30'}:00+08:00` });
    }
    await post(url(), `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id, court: null });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const wins = (page: Page) => page.locator('[data-test=bracket] .participant.win').count();

  it('plays the draw on the judge’s page while the public draw follows live', async () => {
    // The public: a phone from the event page, a desk at the draw itself.
    const phone = await (await windowAt(browser, 'phone')).newPage();
    const phoneErrors = watchErrors(phone);
    await phone.goto(`/events/${eventId}`);
    await phone.getByRole('link', { name: '对阵与赛程' }).click();
    await phone.locator('[data-test=bracket] .match').first().waitFor();
    await phone.locator('[data-test=live]', { hasText: '实时' }).waitFor();
    // each first-round line shows its position in the draw, then the player
    const lines = (await phone.locator('[data-test=bracket] .participant .name').allInnerTexts()).map((n) => n.replace(/^#\d+\s*/, ''));
    expect(lines).toEqual(expect.arrayContaining(world.contestants.map((c) => c.realName)));
    await checkPage(phone, 'match-draw-phone');
    const desk = await (await windowAt(browser, 'desk')).newPage();
    const deskErrors = watchErrors(desk);
    await desk.goto(`/events/${eventId}/matches/${itemId}`);
    await desk.locator('[data-test=bracket] .match').first().waitFor();
    await desk.locator('[data-test=live]', { hasText: '实时' }).waitFor();
    // A mark on the window: still there at the end means the page was never reloaded.
    await desk.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The umpire, on a tablet: from their tasks to the item's result entry.
    const tablet = await (await windowAt(browser, 'tablet')).newPage();
    const tabletErrors = watchErrors(tablet);
    await signIn(tablet, world.judges[0].username, PASSWORD);
    await tablet.goto('/judge');
    await tablet.locator('[data-test=my-matches]').getByRole('link', { name: '录入结果：网球男子单打' }).click();
    await tablet.locator('[data-test=match-card]').first().waitFor();
    expect(await tablet.locator('[data-test=match-card]').count()).toBe(4);
    await checkPage(tablet, 'match-entry-tablet');

    // A score tennis does not allow is refused on its card, with the API's reason.
    const first = tablet.locator('[data-test=match-card]').first();
    await first.getByLabel('比分（各盘，如 6-4 7-6(5)）').fill('6-5 6-4');
    await first.getByRole('button', { name: '提交结果' }).click();
    await first.locator('[data-test=refusal]').waitFor();
    expect(await wins(desk)).toBe(0);

    // Seven matches, the first player of each card winning; the draws follow each one.
    let champion = '';
    for (let played = 1; played <= 7; played++) {
      const card = tablet.locator('[data-test=match-card]').first();
      champion = (await card.locator('h3').innerText()).split(' – ')[0];
      await card.getByLabel('比分（各盘，如 6-4 7-6(5)）').fill('6-4 3-6 [10-7]');
      await card.getByRole('button', { name: '提交结果' }).click();
      await tablet.locator('[data-test=saved]', { hasText: champion }).waitFor();
      await until(`the desk's draw to show ${played} winners`, async () => (await wins(desk)) === played);
      await until(`the phone's draw to show ${played} winners`, async () => (await wins(phone)) === played);
    }
    await tablet.locator('[data-test=nothing]').waitFor();
    expect(await tablet.locator('[data-test=played] tbody tr').count()).toBe(7);
    expect(await desk.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The final's winner, and the places the worker tallied from the draw.
    await desk.locator('[data-test=standings] tbody tr').first().filter({ hasText: champion }).waitFor();
    await checkPage(desk, 'match-draw-desk');
    // the one refusal is the impossible score sent on purpose (400)
    expect(tabletErrors).toEqual([expect.stringContaining('status of 400')]);
    expect([...phoneErrors, ...deskErrors]).toEqual([]);
  });

  it('shows the district’s year on the dashboard, exports it, and refuses the pages to others', async () => {
    const desk = await (await windowAt(browser, 'desk')).newPage();
    const errors = watchErrors(desk);
    await signIn(desk, world.organizer.username, PASSWORD);
    await desk.getByRole('link', { name: '统计' }).click();
    await desk.locator('[data-test=chart] canvas').waitFor();
    // one sports meet this year in the district, eight players entered, nothing else yet
    const numbers = desk.locator('[data-test=chart-numbers]');
    await numbers.locator('tr', { hasText: '运动会' }).locator('td', { hasText: '1' }).waitFor();
    expect(await numbers.locator('tr', { hasText: '技能竞赛' }).locator('td').innerText()).toBe('0');
    await desk.locator('[data-test=figures]').getByText('8', { exact: true }).first().waitFor();
    // and per union below: the two enterprises, four players each
    await desk.locator('[data-test=unions-numbers] tr', { hasText: world.enterprises[0].name }).locator('td', { hasText: '4' }).first().waitFor();
    await checkPage(desk, 'dashboard-desk');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.locator('[data-test=export]').click()]);
    expect(download.suggestedFilename()).toBe(`statistics-${world.district.id}-${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}.xlsx`);
    expect(errors).toEqual([]);

    const phone = await (await windowAt(browser, 'phone')).newPage();
    await signIn(phone, world.organizer.username, PASSWORD);
    await phone.goto('/manage/statistics');
    await phone.locator('[data-test=chart] canvas').waitFor();
    await checkPage(phone, 'dashboard-phone');

    // A contestant: neither the dashboard nor the result entry, and no link to them.
    const contestant = await (await windowAt(browser, 'phone')).newPage();
    await signIn(contestant, world.contestants[0].username, PASSWORD);
    expect(await contestant.getByRole('link', { name: '统计' }).count()).toBe(0);
    await contestant.goto('/manage/statistics');
    await contestant.locator('[data-test=forbidden]').waitFor();
    await contestant.goto(`/judge/matches/${itemId}`);
    await contestant.locator('[data-test=forbidden]').waitFor();
    await checkPage(contestant, 'refused-phone');
  });
});
