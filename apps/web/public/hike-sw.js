/*
 * The service worker of the hiking pages (scope /hike/): a checkpoint on a canal bank at night has
 * no network for long stretches. A page load is answered by the network when there is one, and
 * otherwise by the page kept in the cache (apps/web/src/hike/offline.ts fills it); scripts and
 * styles come from the cache first (their names change with each build). API calls are never
 * cached: the page keeps its own data and queues scans in IndexedDB.
 */
const CACHE = 'ue-hike-pages';
const SHELL = '/hike/__shell';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(SHELL)) || Response.error()),
    );
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
