import type { QueuedScan } from './scans';

/**
 * The phone's scans in IndexedDB: written before anything is sent, so a scan taken offline, or
 * while the page reloads, is never lost; uploaded and answered later.
 */
const DB = 'ue-hike';
const STORE = 'scans';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientScanId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(req ? req.result : undefined);
    };
    tx.onerror = () => reject(tx.error);
  });
}

export const scanStore = {
  put: (...scans: QueuedScan[]) => run('readwrite', (s) => void scans.forEach((scan) => s.put(scan))),
  all: async (): Promise<QueuedScan[]> => ((await run('readonly', (s) => s.getAll() as IDBRequest<QueuedScan[]>)) ?? []).sort((a, b) => a.deviceAt.localeCompare(b.deviceAt)),
};
