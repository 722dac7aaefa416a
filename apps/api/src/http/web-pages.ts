import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The sections of the web app's own paths (apps/web/src/router.ts): each answers with the app's
 * index.html, and the app's router shows the page (history fallback). Anything else is the API's.
 */
export const WEB_PAGE_SECTIONS = ['events', 'board', 'verify', 'login', 'signup', 'reset', 'me', 'judge', 'manage', 'leader', 'jobs', 'employer', 'hike'] as const;

/** Where `npm run build` writes the pages: dist/web, beside dist/apps. */
export const WEB_ROOT = resolve(__dirname, '../../../../web');

/**
 * Serves the built web pages from this origin: hashed assets under /assets/ (cached for a year:
 * a new build has new names), and index.html for `/` and every page path (never cached, so a new
 * build is seen at once). Without a build (unit tests from sources) nothing is mounted.
 */
export async function mountWebPages(app: NestFastifyApplication, root = WEB_ROOT): Promise<boolean> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile, 'utf8');
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    wildcard: false,
    index: false,
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
  });
  const page = async (_req: unknown, reply: { header: (k: string, v: string) => unknown; type: (t: string) => { send: (b: string) => unknown } }) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').send(index);
  };
  // The hiking pages' service worker, at the root so its scope may be /hike/; never cached, so a new build's worker is picked up.
  const worker = join(root, 'hike-sw.js');
  if (existsSync(worker)) {
    const body = readFileSync(worker, 'utf8');
    fastify.get('/hike-sw.js', async (_req: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(body));
  }
  fastify.get('/', page);
  for (const section of WEB_PAGE_SECTIONS) {
    fastify.get(`/${section}`, page);
    fastify.get(`/${section}/*`, page);
  }
  return true;
}
