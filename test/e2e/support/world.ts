import request from 'supertest';
import { residentIdCheckChar } from '../../../libs/registration/src/domain/resident-id';
import { ADMIN } from './test-env';

export const baseUrl = () => process.env.E2E_BASE_URL as string;
export const http = (url = baseUrl()) => request(url);
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const PASSWORD = 'Qiantang-tide-2026';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
export const chineseName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;

/**
 * A valid, random resident ID (GB 11643: region, birth date, sequence whose
 * last digit is odd for men, checksum). Random so that suites sharing the test
 * database never collide on the unique ID.
 */
export function residentId(opts: { birth?: string; male?: boolean } = {}): string {
  const day = new Date(Date.UTC(1966, 0, 1) + Math.floor(Math.random() * 12_000) * 86_400_000);
  const birth = opts.birth ?? day.toISOString().slice(0, 10);
  const seq = Math.floor(Math.random() * 500) * 2 + (opts.male === false ? 0 : 1);
  // A random county under province 33 as well: suites share one database, and 5,000-row rosters
  // drawn from birth date and sequence alone would meet earlier suites' people now and then.
  const region = `33${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

export interface Person {
  id: number;
  username: string;
  realName: string;
  token: string;
}

export async function login(username: string, password = PASSWORD, url = baseUrl()): Promise<string> {
  const res = await http(url).post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export const adminToken = (url = baseUrl()) => login(ADMIN.username, ADMIN.password, url);

export async function post<T = any>(url: string, path: string, token: string, body: object): Promise<T> {
  const res = await http(url).post(path).set(bearer(token)).send(body);
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function put<T = any>(url: string, path: string, token: string, body: object): Promise<T> {
  const res = await http(url).put(path).set(bearer(token)).send(body);
  if (res.status >= 300) throw new Error(`PUT ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface World {
  url: string;
  tag: string;
  district: { id: number; name: string; path: string };
  enterprises: { id: number; name: string; path: string }[];
  organizer: Person;
  judges: Person[];
  contestants: Person[];
}

/**
 * A district of its own for one suite (suites never share state): two
 * enterprise unions, an organizer, judges and contestants, all made through the API.
 */
export async function buildWorld(opts: { judges?: number; contestants?: number; url?: string } = {}): Promise<World> {
  const url = opts.url ?? baseUrl();
  const tag = Math.random().toString(36).slice(2, 8);
  const admin = await adminToken(url);
  const district = await post(url, '/api/v1/organisations', admin, { name: `测试区总工会-${tag}`, kind: 'district', parentId: 1 });
  const enterprises = [
    await post(url, '/api/v1/organisations', admin, { name: `杭州钢铁集团工会-${tag}`, kind: 'enterprise', parentId: district.id }),
    await post(url, '/api/v1/organisations', admin, { name: `浙江运河物流工会-${tag}`, kind: 'enterprise', parentId: district.id }),
  ];
  const person = async (username: string, realName: string, role: string, organisationId: number): Promise<Person> => {
    const user = await post(url, '/api/v1/users', admin, { username, password: PASSWORD, realName, roles: [{ organisationId, role }] });
    return { id: user.id, username, realName, token: await login(username, PASSWORD, url) };
  };
  const organizer = await person(`org-${tag}`, '钱主任', 'organizer', district.id);
  const judges: Person[] = [];
  for (let i = 0; i < (opts.judges ?? 3); i++) judges.push(await person(`judge${i + 1}-${tag}`, `裁判${chineseName(i + 11)}`, 'judge', district.id));
  const contestants: Person[] = [];
  for (let i = 0; i < (opts.contestants ?? 5); i++) {
    const c = await person(`c${i + 1}-${tag}`, chineseName(i), 'contestant', enterprises[i % 2].id);
    await put(url, '/api/v1/me/profile', c.token, { residentId: residentId(), mobile: mobile(), unionMemberNo: `GH-${tag}-${i}` });
    contestants.push(c);
  }
  return { url, tag, district, enterprises, organizer, judges, contestants };
}

export const JUDGE_PANEL = {
  kind: 'judge-panel',
  marks: { min: 0, max: 100, maxDecimals: 2 },
  criteria: [{ key: '总分', aggregate: 'mean', drop: { highest: 1, lowest: 1 } }],
  rounding: { digits: 2, mode: 'half-up' },
};

/** An event with one judge-panel item, registration open, every contestant entered, judges seated. */
export async function competitionWithEntries(world: World): Promise<{ eventId: number; itemId: number; entryIds: number[] }> {
  const { url, organizer } = world;
  const event = await post(url, '/api/v1/events', organizer.token, {
    organisationId: world.district.id,
    kind: 'skill_competition',
    name: `职工电工技能竞赛-${world.tag}`,
  });
  const item = await post(url, `/api/v1/events/${event.id}/items`, organizer.token, { name: '低压电工（职工组）' });
  const scheme = await http(url).put(`/api/v1/items/${item.id}/scheme`).set(bearer(organizer.token)).send({ scheme: JUDGE_PANEL });
  if (scheme.status !== 200) throw new Error(`scheme: ${scheme.status} ${JSON.stringify(scheme.body)}`);
  await put(url, `/api/v1/events/${event.id}/registration`, organizer.token, { autoApprove: true });
  await post(url, `/api/v1/events/${event.id}/status`, organizer.token, { status: 'registration_open' });
  const entryIds: number[] = [];
  for (const c of world.contestants) entryIds.push((await post(url, `/api/v1/items/${item.id}/entries`, c.token, {})).id);
  for (const j of world.judges) await post(url, `/api/v1/items/${item.id}/judges`, organizer.token, { userId: j.id });
  return { eventId: event.id, itemId: item.id, entryIds };
}

export async function submitMark(url: string, judge: Person, itemId: number, entryId: number, value: string) {
  return http(url).put(`/api/v1/items/${itemId}/marks`).set(bearer(judge.token)).send({ entryId, value });
}

/** The judge hands in their sheet at its current version. */
export async function submitSheet(url: string, judge: Person, itemId: number) {
  const sheet = await http(url).get(`/api/v1/items/${itemId}/sheets/${judge.id}`).set(bearer(judge.token));
  if (sheet.status !== 200) throw new Error(`sheet: ${sheet.status} ${JSON.stringify(sheet.body)}`);
  return http(url).post(`/api/v1/items/${itemId}/sheets/${judge.id}/submit`).set(bearer(judge.token)).send({ version: sheet.body.version });
}

/** The organizer corrects one submitted mark, retrying on a concurrent save (409 with the current version). */
export async function correctMark(url: string, organizer: Person, itemId: number, judgeId: number, entryId: number, value: string) {
  for (;;) {
    const sheet = await http(url).get(`/api/v1/items/${itemId}/sheets/${judgeId}`).set(bearer(organizer.token));
    const res = await http(url)
      .put(`/api/v1/items/${itemId}/sheets/${judgeId}`)
      .set(bearer(organizer.token))
      .send({ version: sheet.body.version, marks: [{ entryId, value }], reason: '按原始评分表更正录入错误' });
    if (res.status === 200) return res.body;
    if (res.body.code !== 'SCORING_SHEET_CHANGED') throw new Error(`correction: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
