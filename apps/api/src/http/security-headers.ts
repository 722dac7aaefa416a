import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The usual security headers (helmet) on every answer, with a Content-Security-Policy for what
 * this API serves from its own origin: the web app (Vue 3 + Vite + Element Plus, built to files
 * of its own: no inline script, no eval), its live results over SSE to /api/v1/events/:id/live,
 * QR codes and photos as data: URIs, the Swagger UI at /docs and the queue board. Element Plus,
 * Swagger UI and the board set styles inline, hence 'unsafe-inline' for styles only. Map tiles
 * or other images from elsewhere are named in CSP_IMG_ORIGINS.
 */
export async function applySecurityHeaders(app: NestFastifyApplication, imgOrigins: string[]): Promise<void> {
  await app.register(helmet, {
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
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}
