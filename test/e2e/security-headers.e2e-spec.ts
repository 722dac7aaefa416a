import { ADMIN } from './support/test-env';
import { http } from './support/world';

const BASIC = { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` };

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | undefined): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

/** Scripts, stylesheets and icons a page loads, and whether it has scripts the policy would not run (inline ones). */
function assetsOf(html: string): { assets: string[]; inlineScripts: number } {
  const assets: string[] = [];
  let inlineScripts = 0;
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const src = tag.match(/\b(?:src|href)="([^"]+)"/i)?.[1];
    if (/^<script/i.test(tag) && !src && !/type="application\/json"/i.test(tag)) inlineScripts++;
    if (src && !/^https?:/.test(src)) assets.push(src);
  }
  return { assets, inlineScripts };
}

/** Every answer carries the security headers, with a policy the web app, the API docs and the queue board work under. */
describe('security headers', () => {
  it('sends helmet’s headers and a strict Content-Security-Policy on every answer, errors included', async () => {
    for (const res of [await http().get('/health'), await http().get('/api/v1/auth/me'), await http().get('/api/v1/no-such-route')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      const csp = directives(res.headers['content-security-policy']);
      expect(Object.fromEntries(csp)).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // The live results stream (SSE) and every API call go to this origin.
        'connect-src': ["'self'"],
        // The hiking pages' offline service worker, from this origin only.
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
      });
      // QR codes and photos come as data: URIs.
      expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
      expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    }
  });

  it('leaves the Swagger UI working: no inline script, every asset from this origin', async () => {
    const page = await http().get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const { assets, inlineScripts } = assetsOf(page.text);
    expect(inlineScripts).toBe(0);
    expect(assets).toEqual(expect.arrayContaining(['./docs/swagger-ui-bundle.js', './docs/swagger-ui-init.js', './docs/swagger-ui.css']));
    for (const asset of assets) expect([asset, (await http().get(new URL(asset, `${process.env.E2E_BASE_URL}/docs`).pathname)).status]).toEqual([asset, 200]);
    // The init script loads the document from this origin.
    expect((await http().get('/docs-json')).status).toBe(200);
  });

  it('leaves the queue board working: no inline script, every asset from this origin', async () => {
    const page = await http().get('/admin/queues').set(BASIC);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const { assets, inlineScripts } = assetsOf(page.text);
    expect(inlineScripts).toBe(0);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const path = new URL(asset, `${process.env.E2E_BASE_URL}/admin/queues/`).pathname;
      expect([asset, (await http().get(path).set(BASIC)).status]).toEqual([asset, 200]);
    }
  });
});
