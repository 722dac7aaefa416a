import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ScanUploadDto } from './hiking.dto';
import { acceptScanUpload } from './scan-upload-check';

/** What the DTO's decorators make of a body, as the validation pipe runs them: the instance, or null when refused. */
async function decorators(body: unknown): Promise<object | null> {
  // The pipe refuses a body that is not an object before either runs.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const dto = plainToInstance(ScanUploadDto, body, { enableImplicitConversion: false, exposeUnsetFields: false });
  const errors = await validate(dto as object, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? null : JSON.parse(JSON.stringify(dto));
}

const scan = (i: number): Record<string, unknown> => ({ clientScanId: `cp3-a-${i}`, checkpointId: 3, direction: 'in', deviceAt: '2026-10-18T20:05:00.000+08:00', walkerId: 17 + i });
const upload = (): Record<string, unknown> => ({ deviceId: 'pad-cp3-a', deviceNow: '2026-10-18T21:00:00+08:00', scans: [scan(0), scan(1), { ...scan(2), walkerId: undefined, bib: 'YX00012', present: [4, 5] }] });

// Values a field may be given: right, wrong in type, at and past each bound.
const VALUES: unknown[] = [
  undefined, null, true, 0, -1, 1, 2.5, 7, 1e21, '', '3', 'in', 'out', 'IN', 'x'.repeat(32), 'x'.repeat(33), 'y'.repeat(40), 'y'.repeat(41), 'z'.repeat(64), 'z'.repeat(65),
  'a b', 'a/b', 'pad_1.a:b-c', '队伍七', '2026-10-18T20:05:00Z', '2026-13-45', 'not a date', 1760789100000, [], [1, 2], [0], [1.5], ['1'], Array.from({ length: 20 }, (_, i) => i + 1),
  Array.from({ length: 21 }, (_, i) => i + 1), {}, { a: 1 },
];
const FIELDS = ['deviceId', 'deviceNow', 'scans', 'scans.clientScanId', 'scans.checkpointId', 'scans.direction', 'scans.deviceAt', 'scans.walkerId', 'scans.bib', 'scans.present', 'extra', 'scans.extra'];

function variant(field: string, value: unknown): Record<string, unknown> {
  const body = upload();
  const [top, inner] = field.split('.');
  const target = inner ? (body.scans as Record<string, unknown>[])[1] : body;
  const key = inner ?? top;
  if (value === undefined) delete target[key];
  else target[key] = value;
  return body;
}

describe('a scan upload checked in one pass', () => {
  it('accepts what the decorators accept, the same values, and nothing they refuse', async () => {
    const cases: unknown[] = [upload(), null, [], 'x', { ...upload(), scans: [] }, { ...upload(), scans: Array.from({ length: 1000 }, (_, i) => scan(i)) }, { ...upload(), scans: Array.from({ length: 1001 }, (_, i) => scan(i)) }];
    for (const field of FIELDS) for (const value of VALUES) cases.push(variant(field, value));
    let accepted = 0;
    const left: string[] = [];
    for (const body of cases) {
      const fast = acceptScanUpload(body);
      const slow = await decorators(body);
      // Never accepts what the decorators refuse, and accepts with the same values.
      if (fast) expect(JSON.parse(JSON.stringify(fast))).toEqual(slow);
      if (fast) accepted++;
      else if (slow) left.push(JSON.stringify(body));
    }
    expect(accepted).toBeGreaterThan(30);
    // What it leaves to the decorators though they accept it: a boolean read as a time.
    expect(left.map((b) => b.match(/"device(Now|At)":true/)?.[0] ?? b)).toEqual(['"deviceNow":true', '"deviceAt":true']);
  });

  it('leaves a bib it cannot count as the decorators do to them', () => {
    expect(acceptScanUpload(variant('scans.bib', '队😀'))).toBeNull();
  });
});
