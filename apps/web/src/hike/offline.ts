/**
 * The hiking pages kept on the phone: a service worker (public/hike-sw.js, scope /hike/) answers a
 * page load from its cache when there is no network. The page puts in the cache what it loads
 * itself (the page, and every script and style as it loads them, the scanner's decoder too), so
 * exactly what it needs is there, whatever the build named it.
 */
export const PAGE_CACHE = 'ue-hike-pages';
export const SHELL = '/hike/__shell';

let observer: PerformanceObserver | null = null;

export async function keepOffline(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return false;
  await navigator.serviceWorker.register('/hike-sw.js', { scope: '/hike/' });
  const cache = await caches.open(PAGE_CACHE);
  if (navigator.onLine) await cache.put(SHELL, await fetch(location.pathname, { cache: 'no-cache' }));
  const keep = (entries: PerformanceEntryList) => {
    const assets = entries
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
      .map((u) => u.pathname);
    // Online only: offline, these came from the cache already.
    if (assets.length && navigator.onLine) void cache.addAll([...new Set(assets)]).catch(() => undefined);
  };
  observer ??= new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'resource', buffered: true });
  return true;
}
