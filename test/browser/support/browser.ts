import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

export const VIEWPORTS = { phone: { width: 375, height: 740 }, tablet: { width: 768, height: 1024 }, desk: { width: 1440, height: 900 } } as const;
export type Width = keyof typeof VIEWPORTS;

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', ...extraArgs],
  });
}

/** A person's own browser window (its own sessionStorage) at one of the three widths. */
export async function windowAt(browser: Browser, width: Width): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORTS[width], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: process.env.BROWSER_BASE_URL });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Fails the test on a page's script error or a refused resource (the CSP), rather than a silent blank page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|403|404|409|422)/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * axe on the page as it stands: no serious or critical violations (WCAG 2.1 A and AA rules),
 * then a screenshot as a test artefact (test-artifacts/browser/, not committed).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // At rest: a tag still fading in (Element Plus's zoom transition) has its text at part opacity,
  // which axe reads as too little contrast. Endless animations (spinners) are not waited for.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect({ page: name, violations: bad }).toEqual({ page: name, violations: [] });
}

/** Polls until `probe` answers true (pages fill in after their data arrives, boards after a push). */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Picks an option of an Element Plus select. Its input sits under the select's wrapper, hence the
 * forced click, which skips Playwright's own checks: so the select is waited for until enabled (one
 * that depends on another is disabled until that one is set), opened again if a click did not open
 * it (it may land on the last select's closing dropdown), and left only once its dropdown is closed.
 */
export async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  const item = page.getByRole('option', { name: option });
  await combobox.and(page.locator(':enabled')).waitFor();
  await until(`the option ${option}`, async () => {
    if (!(await item.isVisible())) await combobox.click({ force: true });
    await item.waitFor({ timeout: 3_000 });
    return true;
  });
  await item.click();
  await item.waitFor({ state: 'hidden' });
}
