import { ROSTER_COLUMNS } from '../../../libs/registration/src/domain/roster';
import { bearer, chineseName, http, mobile, post, put, residentId, type World } from './world';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER = [ROSTER_COLUMNS.name, ROSTER_COLUMNS.gender, ROSTER_COLUMNS.birthDate, ROSTER_COLUMNS.mobile, ROSTER_COLUMNS.residentId, ROSTER_COLUMNS.unionMemberNo, ROSTER_COLUMNS.items];

export interface RosterPerson {
  name: string;
  male: boolean;
  birth: string;
  residentId: string;
  mobile: string;
  unionMemberNo: string;
  items: string;
}

/** `n` people with distinct birth dates (so distinct ID numbers), alternately men and women. */
export function rosterPeople(n: number, items: string, offset = 0): RosterPerson[] {
  const base = Math.floor(Math.random() * 12_000);
  return Array.from({ length: n }, (_, i) => {
    const male = i % 2 === 0;
    const birth = new Date(Date.UTC(1966, 0, 1) + ((base + i) % 12_000) * 86_400_000).toISOString().slice(0, 10);
    return { name: chineseName(i + offset), male, birth, residentId: residentId({ birth, male }), mobile: mobile(), unionMemberNo: `GH${offset + i}`, items };
  });
}

export function rosterCsv(people: RosterPerson[]): Buffer {
  const rows = people.map((p) => [p.name, p.male ? '男' : '女', p.birth, p.mobile, p.residentId, p.unionMemberNo, p.items].join(','));
  return Buffer.from([HEADER.join(','), ...rows].join('\r\n') + '\r\n', 'utf8');
}

export function uploadRoster(world: World, token: string, eventId: number, organisationId: number, file: Buffer, type = CSV, headers: Record<string, string> = {}) {
  return http(world.url)
    .post(`/api/v1/events/${eventId}/roster?organisationId=${organisationId}`)
    .set({ ...bearer(token), 'content-type': type, ...headers })
    .send(file);
}

export interface Hike {
  eventId: number;
  itemId: number;
  itemName: string;
}

/** An event with one item, configured and open for registration. */
export async function openEvent(
  world: World,
  opts: { kind?: string; name?: string; item?: string; event?: object; itemRules?: object } = {},
): Promise<Hike> {
  const { url, organizer } = world;
  const event = await post(url, '/api/v1/events', organizer.token, {
    organisationId: world.district.id,
    kind: opts.kind ?? 'hiking',
    name: `${opts.name ?? '职工运河健步行'}-${world.tag}-${Math.random().toString(36).slice(2, 6)}`,
  });
  const itemName = opts.item ?? '10公里健步行';
  const item = await post(url, `/api/v1/events/${event.id}/items`, organizer.token, { name: itemName });
  await put(url, `/api/v1/events/${event.id}/registration`, organizer.token, { autoApprove: true, ...opts.event });
  if (opts.itemRules) await put(url, `/api/v1/items/${item.id}/registration`, organizer.token, opts.itemRules);
  await post(url, `/api/v1/events/${event.id}/status`, organizer.token, { status: 'registration_open' });
  return { eventId: event.id, itemId: item.id, itemName };
}

/** Imports `n` people into an enterprise (through a warm-up event) and returns their user ids, in roster order. */
export async function importPeople(world: World, organisationId: number, n: number, offset = 0): Promise<number[]> {
  const warmUp = await openEvent(world, { name: '职工登记', item: '报到' });
  const res = await uploadRoster(world, world.organizer.token, warmUp.eventId, organisationId, rosterCsv(rosterPeople(n, '报到', offset)));
  if (res.status !== 201) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
  const entries = await http(world.url).get(`/api/v1/events/${warmUp.eventId}/entries?limit=5000`).set(bearer(world.organizer.token));
  return entries.body.map((e: { userId: number }) => e.userId);
}
