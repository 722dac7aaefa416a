import { ApiError, hiking } from '../api';
import { scanStore } from './scan-store';
import { type QueuedScan, verdictOf } from './scans';

const DEVICE_KEY = 'ue.hike.device';
const BATCH = 500;

/** This phone's id for the scans API, kept across reloads (the server keeps each device's clock skew). */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `phone-${Math.random().toString(36).slice(2, 10)}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** Refusals of a whole upload that no retry will change (not signed in is not one: sign in and retry). */
const final = (e: unknown) => e instanceof ApiError && [400, 403, 404, 422].includes(e.status);

/**
 * Uploads the queued scans, oldest first, in batches with the phone's clock now, and stores each
 * answer beside its scan. A network failure leaves them queued for the next try.
 */
export async function uploadQueued(): Promise<number> {
  const queued = (await scanStore.all()).filter((s) => s.state === 'queued');
  let sent = 0;
  for (const eventId of new Set(queued.map((s) => s.eventId))) {
    const ofEvent = queued.filter((s) => s.eventId === eventId);
    for (let i = 0; i < ofEvent.length; i += BATCH) {
      const batch = ofEvent.slice(i, i + BATCH);
      let answered: QueuedScan[];
      try {
        const res = await hiking.upload(eventId, {
          deviceId: deviceId(),
          deviceNow: new Date().toISOString(),
          scans: batch.map((s) => ({ clientScanId: s.clientScanId, checkpointId: s.checkpointId, direction: s.direction, deviceAt: s.deviceAt, ...s.target })),
        });
        answered = batch.map((s, index) => {
          const outcome = res.results.find((r) => r.index === index);
          return outcome ? { ...s, ...verdictOf(outcome) } : s;
        });
      } catch (e) {
        if (!final(e)) throw e;
        answered = batch.map((s) => ({ ...s, state: 'refused', detail: [(e as Error).message] }));
      }
      await scanStore.put(...answered);
      sent += batch.length;
    }
  }
  return sent;
}
