import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';

/**
 * The usual security headers (helmet) on every answer, with a Content-Security-Policy for what
 * this API serves from its own origin: the web app (Vue 3 + Vite + Element Plus, built to files
 * of its own: no inline script, no eval), its live results over SSE to /api/v1/events/:id/live,
 * QR codes and photos as data: URIs, the Swagger UI at /docs and the queue board. Element Plus,
 * Swagger UI and the board set styles inline, hence 'unsafe-inline' for styles only. Map tiles
 * or other images from elsewhere are named in CSP_IMG_ORIGINS.
 *
 * The headers are the same on every answer, but the plugin builds helmet anew for each request
 * (a twentieth of the API's CPU under a registration rush): helmet makes them once, on a probe
 * request at start-up, and every answer gets that set.
 */
export async function applySecurityHeaders(app: NestFastifyApplication, imgOrigins: string[]): Promise<void> {
  const probe = Fastify();
  await probe.register(helmet, helmetOptions(imgOrigins));
  probe.get('/', () => '');
  // A real request on a loopback port, not Fastify's inject: inject loads an ES module that test
  // runners which build the app in-process cannot require.
  const address = await probe.listen({ host: '127.0.0.1', port: 0 });
  const answer = await fetch(address).finally(() => probe.close());
  const headers = [...answer.headers].filter(([name]) => !PER_ANSWER.has(name.toLowerCase()));
  // On the raw response, as helmet sets them: answers written past Fastify (the live stream, the queue board) carry them too.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_req, reply, done) => {
      for (const [name, value] of headers) reply.raw.setHeader(name, value!);
      done();
    });
}

/** What the probe's answer carries of its own, not of helmet. */
const PER_ANSWER = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

function helmetOptions(imgOrigins: string[]) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...imgOrigins],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The hiking pages' offline service worker (/hike-sw.js), from this origin only; a web app
        // manifest would fall back to default-src, this origin too.
        workerSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Our pages are never framed: frame-ancestors above, and X-Frame-Options for older browsers.
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
  };
}
