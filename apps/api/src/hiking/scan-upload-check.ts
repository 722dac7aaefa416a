import type { ScanInput, ScanUploadInput } from '@app/hiking';

/*
 * A device's upload of up to 1,000 scans, checked in one pass. class-transformer and class-validator
 * build and walk an object per scan, which cost a busy night's API more than judging the scans did.
 * This accepts only what ScanUploadDto's decorators accept (its spec checks the two agree); for
 * anything else it answers null, and the decorators judge the body and name the bad field.
 */

const TOKEN = /^[\w.:-]+$/;
// class-validator counts a surrogate pair or a variation selector as one character: leave those to it.
const PLAIN = /^[^\uD800-\uDFFF\uFE0E\uFE0F]*$/;
const SCAN_KEYS = new Set(['clientScanId', 'checkpointId', 'direction', 'deviceAt', 'walkerId', 'bib', 'present']);

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const token = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max && TOKEN.test(v);

/** A time as class-transformer reads it for a Date field (`new Date(value)`), when valid. */
function dateOf(v: unknown): Date | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function scanOf(s: unknown): ScanInput | null {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return null;
  const o = s as Record<string, unknown>;
  for (const k in o) if (!SCAN_KEYS.has(k)) return null;
  const deviceAt = dateOf(o.deviceAt);
  if (!token(o.clientScanId, 40) || !isId(o.checkpointId) || (o.direction !== 'in' && o.direction !== 'out') || !deviceAt) return null;
  const scan: ScanInput = { clientScanId: o.clientScanId, checkpointId: o.checkpointId, direction: o.direction, deviceAt };
  if (o.walkerId !== undefined) {
    if (!isId(o.walkerId)) return null;
    scan.walkerId = o.walkerId;
  }
  if (o.bib !== undefined) {
    if (typeof o.bib !== 'string' || o.bib.length < 1 || o.bib.length > 32 || !PLAIN.test(o.bib)) return null;
    scan.bib = o.bib;
  }
  if (o.present !== undefined) {
    if (!Array.isArray(o.present) || o.present.length > 20 || !o.present.every(isId)) return null;
    scan.present = [...(o.present as number[])];
  }
  return scan;
}

export function acceptScanUpload(body: unknown): ScanUploadInput | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const o = body as Record<string, unknown>;
  for (const k in o) if (k !== 'deviceId' && k !== 'deviceNow' && k !== 'scans') return null;
  const deviceNow = dateOf(o.deviceNow);
  if (!token(o.deviceId, 64) || !deviceNow || !Array.isArray(o.scans) || o.scans.length < 1 || o.scans.length > 1000) return null;
  const scans: ScanInput[] = [];
  for (const s of o.scans) {
    const scan = scanOf(s);
    if (!scan) return null;
    scans.push(scan);
  }
  return { deviceId: o.deviceId, deviceNow, scans };
}
