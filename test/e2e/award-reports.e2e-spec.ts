import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RunningApp } from './support/processes';
import { XLSX } from './support/registration';
import { startStack, stopStack } from './support/stack';
import { testEnv, testPort, testDbName } from './support/test-env';
import { adminToken, bearer, buildWorld, http, login, mobile, type Person, post, put, residentId, type World } from './support/world';

const YEAR = 2031;
/** superagent's parser for a binary body: the raw bytes as a Buffer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * A person's record (entries, published results, award records) and the statistics of an
 * organisation subtree and year. The organisation tree:
 *
 *   杭州市总工会 (1)
 *   ├── 测试区总工会 (district, 钱主任 organizer)
 *   │   ├── 杭州钢铁集团工会 (A: 王伟 c0, 张杰 c2, 陈磊 c4; 吴主席 organizer)
 *   │   └── 浙江运河物流工会 (B: 李强 c1, 刘芳 c3, 杨娟 c5; 周主席 organizer)
 *   └── 滨江区总工会 (sibling district, 孙主任 organizer)
 *       └── 华东电子工会 (赵敏, outside the subtree)
 *
 * Events, entries and people go through the API; results, publications and award records (the
 * tally's, publication's and award job's work) are written by SQL.
 */
describe('award reports: a person’s record and statistics per organisation subtree and year', () => {
  let app: RunningApp;
  let ds: DataSource;
  let url: string;
  let world: World;
  let admin: string;
  let district: { id: number };
  let entA: { id: number };
  let entB: { id: number };
  let sibling: { id: number };
  let siblingEnt: { id: number };
  let orgDistrict: Person, orgA: Person, orgB: Person, orgSibling: Person;
  let c: Person[];
  let zhao: Person;
  const ev: Record<'city' | 'meet' | 'hike' | 'fair' | 'weld' | 'away', number> = { city: 0, meet: 0, hike: 0, fair: 0, weld: 0, away: 0 };
  const it_: Record<'electric' | 'lathe' | 'relay' | 'm100' | 'walk', number> = { electric: 0, lathe: 0, relay: 0, m100: 0, walk: 0 };
  const entry: Record<string, number> = {};
  const rec: Record<string, number> = {};

  const get = (path: string, token?: string) => http(url).get(path).set(token ? bearer(token) : {});
  const person = async (username: string, realName: string, role: string, organisationId: number, profile = false): Promise<Person> => {
    const user = await post(url, '/api/v1/users', admin, { username, password: 'Qiantang-tide-2026', realName, roles: [{ organisationId, role }] });
    const p = { id: user.id, username, realName, token: await login(username, 'Qiantang-tide-2026', url) };
    if (profile) await put(url, '/api/v1/me/profile', p.token, { residentId: residentId(), mobile: mobile(), unionMemberNo: `GH-${username}` });
    return p;
  };
  const event = async (token: string, organisationId: number, kind: string, name: string, startsOn: string, open = true) => {
    const e = await post(url, '/api/v1/events', token, { organisationId, kind, name, startsOn });
    if (open) {
      await put(url, `/api/v1/events/${e.id}/registration`, token, { autoApprove: true });
      await post(url, `/api/v1/events/${e.id}/status`, token, { status: 'registration_open' });
    }
    return e.id as number;
  };
  const item = async (token: string, eventId: number, name: string, rules?: object) => {
    const i = await post(url, `/api/v1/events/${eventId}/items`, token, { name });
    if (rules) await put(url, `/api/v1/items/${i.id}/registration`, token, rules);
    return i.id as number;
  };
  const enter = async (p: Person, itemId: number) => (await post(url, `/api/v1/items/${itemId}/entries`, p.token, {})).id as number;

  async function result(itemId: number, entryId: number, place: number | null, total: string | null, status = 'OK', roundId = 0) {
    await ds.query(
      'INSERT INTO item_results (item_id, round_id, entry_id, place, scoring_place, total, status, input, breakdown, score_version) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 1)',
      [itemId, roundId, entryId, place, place, total, status, 'null'],
    );
  }
  let serialNo = 0;
  async function award(key: string, r: {
    kind?: 'award' | 'recognition'; user: Person; org: number; issuer: number; event?: number; item?: number; entry?: number;
    name: string; level: number; title?: string; citation?: string; money?: string; pay?: string; year?: number; on: string; status?: string;
  }) {
    const year = r.year ?? YEAR;
    const res = await ds.query(
      `INSERT INTO award_records (serial, verify_code, grant_key, kind, user_id, organisation_id, issuer_id, event_id, item_id, entry_id, award_code, award_name,
                                  level, title, citation, prize_money, payment_status, paid_on, year, granted_on, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        `ZS${year}-${String(++serialNo).padStart(6, '0')}`, randomBytes(16).toString('base64url').slice(0, 22), `e2e-reports:${key}`, r.kind ?? 'award',
        r.user.id, r.org, r.issuer, r.event ?? null, r.item ?? null, r.entry ?? null, `L${r.level}`, r.name,
        r.level, r.title ?? null, r.citation ?? null, r.money ?? null, r.pay ?? 'none', r.pay === 'paid' ? r.on : null, year, r.on, r.status ?? 'active',
      ],
    );
    rec[key] = Number(res.insertId);
  }

  const env = testEnv({ DB_NAME: testDbName('union_events_reports_test'), HTTP_PORT: testPort(6), QUEUE_PREFIX: `ue-reports-${process.pid}` });

  beforeAll(async () => {
    ({ app, ds } = await startStack(env));
    url = app.baseUrl;
    world = await buildWorld({ url, judges: 0, contestants: 6 });
    admin = await adminToken(url);
    district = world.district;
    [entA, entB] = world.enterprises;
    c = world.contestants;
    orgDistrict = world.organizer;
    orgA = await person(`orgA-${world.tag}`, '吴主席', 'organizer', entA.id);
    orgB = await person(`orgB-${world.tag}`, '周主席', 'organizer', entB.id);
    sibling = await post(url, '/api/v1/organisations', admin, { name: `滨江区总工会-${world.tag}`, kind: 'district', parentId: 1 });
    siblingEnt = await post(url, '/api/v1/organisations', admin, { name: `华东电子工会-${world.tag}`, kind: 'enterprise', parentId: sibling.id });
    orgSibling = await person(`orgS-${world.tag}`, '孙主任', 'organizer', sibling.id);
    zhao = await person(`zhao-${world.tag}`, '赵敏', 'contestant', siblingEnt.id, true);

    // The city's skill contest (not the district's event), with entrants from both districts.
    ev.city = await event(admin, 1, 'skill_competition', `${YEAR}年全市职工技能大赛`, `${YEAR}-05-10`);
    it_.electric = await item(admin, ev.city, '低压电工（职工组）');
    it_.lathe = await item(admin, ev.city, '数控车工（职工组）');
    for (const [i, p] of c.slice(0, 5).entries()) entry[`electric${i}`] = await enter(p, it_.electric);
    entry.electricZhao = await enter(zhao, it_.electric);
    await post(url, `/api/v1/entries/${entry.electric4}/withdraw`, c[4].token, {});
    entry.lathe0 = await enter(c[0], it_.lathe);
    entry.lathe1 = await enter(c[1], it_.lathe);

    // The district's sports meet: a relay (A's team of three, B's of two) and a sprint.
    ev.meet = await event(orgDistrict.token, district.id, 'sports_meet', `${YEAR}年职工田径运动会`, `${YEAR}-09-20`);
    it_.relay = await item(orgDistrict.token, ev.meet, '男子4×100米接力', { entryType: 'relay', teamMin: 2, teamMax: 4 });
    it_.m100 = await item(orgDistrict.token, ev.meet, '男子100米');
    entry.relayA = (await post(url, `/api/v1/items/${it_.relay}/entries`, orgDistrict.token, { teamName: '杭钢一队', memberIds: [c[0].id, c[2].id, c[4].id], captainId: c[0].id })).id;
    entry.relayB = (await post(url, `/api/v1/items/${it_.relay}/entries`, orgDistrict.token, { teamName: '运河物流队', memberIds: [c[1].id, c[3].id], captainId: c[3].id })).id;
    entry.m100 = await enter(c[5], it_.m100);

    // Another year's hike; a job fair of enterprise A, still a draft; a welding contest without entrants; the sibling district's hike.
    ev.hike = await event(orgDistrict.token, district.id, 'hiking', `${YEAR - 1}年运河健步行`, `${YEAR - 1}-10-01`);
    it_.walk = await item(orgDistrict.token, ev.hike, '10公里健步行');
    entry.walk0 = await enter(c[0], it_.walk);
    entry.walk5 = await enter(c[5], it_.walk);
    ev.fair = await event(orgA.token, entA.id, 'job_fair', `${YEAR}年杭钢春季招聘会`, `${YEAR}-03-01`, false);
    ev.weld = await event(orgDistrict.token, district.id, 'skill_competition', `${YEAR}年区职工焊工技能竞赛`, `${YEAR}-11-05`, false);
    ev.away = await event(orgSibling.token, sibling.id, 'hiking', `${YEAR}年滨江健步走`, `${YEAR}-06-01`, false);

    // Results: the electricians' final, the lathe's two rounds on notice, the relay still provisional.
    await result(it_.electric, entry.electric0, 1, '95.50');
    await result(it_.electric, entry.electric1, 2, '93.25');
    await result(it_.electric, entry.electric2, 3, '90.00');
    await result(it_.electric, entry.electric3, null, null, 'DNS');
    await ds.query("INSERT INTO result_publications (item_id, status, finalized_at) VALUES (?, 'FINAL', NOW(3))", [it_.electric]);
    const heat = (await ds.query("INSERT INTO item_rounds (item_id, seq, name, qualification, status) VALUES (?, 1, '初赛', '{}', 'closed')", [it_.lathe])).insertId;
    const final = (await ds.query("INSERT INTO item_rounds (item_id, seq, name) VALUES (?, 2, '决赛')", [it_.lathe])).insertId;
    await result(it_.lathe, entry.lathe0, 3, '12.10', 'OK', heat);
    await result(it_.lathe, entry.lathe1, 1, '11.80', 'OK', heat);
    await result(it_.lathe, entry.lathe1, 1, '11.75', 'OK', final);
    await result(it_.lathe, entry.lathe0, 2, '11.98', 'OK', final);
    await ds.query("INSERT INTO result_publications (item_id, status, notice_started_at) VALUES (?, 'NOTICE', NOW(3))", [it_.lathe]);
    await result(it_.relay, entry.relayA, 1, '45.30');
    await ds.query("INSERT INTO result_publications (item_id, status) VALUES (?, 'PROVISIONAL')", [it_.relay]);

    // Award records as the award job and the recognitions would write them.
    const on = (d: string) => `${YEAR}-${d}`;
    await award('wangFirst', { user: c[0], org: entA.id, issuer: 1, event: ev.city, item: it_.electric, entry: entry.electric0, name: '一等奖', level: 1, title: '技术能手', money: '669.30', pay: 'paid', on: on('05-20') });
    await award('liSecond', { user: c[1], org: entB.id, issuer: 1, event: ev.city, item: it_.electric, entry: entry.electric1, name: '二等奖', level: 2, money: '669.30', pay: 'paid', on: on('05-20') });
    await award('zhangSecond', { user: c[2], org: entA.id, issuer: 1, event: ev.city, item: it_.electric, entry: entry.electric2, name: '二等奖', level: 2, money: '669.30', pay: 'paid', on: on('05-20') });
    await award('wangRelay', { user: c[0], org: entA.id, issuer: district.id, event: ev.meet, item: it_.relay, entry: entry.relayA, name: '金牌', level: 1, money: '670.10', pay: 'paid', on: on('09-25') });
    await award('zhangRelay', { user: c[2], org: entA.id, issuer: district.id, event: ev.meet, item: it_.relay, entry: entry.relayA, name: '金牌', level: 1, money: '669.30', pay: 'cancelled', on: on('09-25') });
    await award('liuThird', { user: c[3], org: entB.id, issuer: 1, event: ev.city, item: it_.lathe, entry: entry.lathe1, name: '三等奖', level: 3, money: '500.00', pay: 'pending', on: on('05-21') });
    await award('liuCraftsman', { kind: 'recognition', user: c[3], org: entB.id, issuer: district.id, name: '杭州工匠', level: 1, citation: '扎根一线二十年，技艺精湛', on: on('12-01') });
    await award('wangRevoked', { user: c[0], org: entA.id, issuer: 1, event: ev.city, item: it_.lathe, entry: entry.lathe0, name: '一等奖', level: 1, money: '669.30', pay: 'paid', on: on('05-21'), status: 'revoked' });
    await award('zhaoThird', { user: zhao, org: siblingEnt.id, issuer: 1, event: ev.city, item: it_.electric, entry: entry.electricZhao, name: '三等奖', level: 3, money: '669.30', pay: 'paid', on: on('05-20') });
    await award('wangLastYear', { user: c[0], org: entA.id, issuer: district.id, event: ev.hike, item: it_.walk, entry: entry.walk0, name: '完成奖', level: 1, money: '669.30', pay: 'paid', year: YEAR - 1, on: `${YEAR - 1}-10-08` });
  }, 180_000);

  afterAll(async () => stopStack(env, app, ds));

  it('lists a person’s entries with published results (last round) and every award record, revoked ones marked', async () => {
    const res = await get(`/api/v1/people/${c[0].id}/record`, c[0].token);
    expect(res.status).toBe(200);
    expect(res.body.person).toEqual({ userId: c[0].id, name: '王伟', organisation: `杭州钢铁集团工会-${world.tag}`, organisationId: entA.id });
    const entries = res.body.entries.map((e: Record<string, unknown>) => [e.eventName, e.itemName, e.eventKind, e.startsOn, e.status, e.place, e.total, e.resultStatus, e.round]);
    expect(entries).toEqual([
      [`${YEAR}年职工田径运动会`, '男子4×100米接力', 'sports_meet', `${YEAR}-09-20`, 'approved', null, null, null, null], // provisional: no place yet
      [`${YEAR}年全市职工技能大赛`, '低压电工（职工组）', 'skill_competition', `${YEAR}-05-10`, 'approved', 1, '95.50', 'OK', null],
      [`${YEAR}年全市职工技能大赛`, '数控车工（职工组）', 'skill_competition', `${YEAR}-05-10`, 'approved', 2, '11.98', 'OK', '决赛'],
      [`${YEAR - 1}年运河健步行`, '10公里健步行', 'hiking', `${YEAR - 1}-10-01`, 'approved', null, null, null, null],
    ]);
    expect(res.body.entries[0]).toMatchObject({ entryId: entry.relayA, eventId: ev.meet, itemId: it_.relay });
    const awards = res.body.awards.map((a: Record<string, unknown>) => [a.id, a.kind, a.eventName, a.itemName, a.awardName, a.level, a.title, a.prizeMoney, a.paymentStatus, a.status, a.grantedOn, a.year]);
    expect(awards).toEqual([
      [rec.wangRelay, 'award', `${YEAR}年职工田径运动会`, '男子4×100米接力', '金牌', 1, null, '670.10', 'paid', 'active', `${YEAR}-09-25`, YEAR],
      [rec.wangRevoked, 'award', `${YEAR}年全市职工技能大赛`, '数控车工（职工组）', '一等奖', 1, null, '669.30', 'paid', 'revoked', `${YEAR}-05-21`, YEAR],
      [rec.wangFirst, 'award', `${YEAR}年全市职工技能大赛`, '低压电工（职工组）', '一等奖', 1, '技术能手', '669.30', 'paid', 'active', `${YEAR}-05-20`, YEAR],
      [rec.wangLastYear, 'award', `${YEAR - 1}年运河健步行`, '10公里健步行', '完成奖', 1, null, '669.30', 'paid', 'active', `${YEAR - 1}-10-08`, YEAR - 1],
    ]);
    expect(res.body.awards[2].serial).toMatch(/^ZS2031-\d{6}$/);

    // A team member who is not the captain has the team's entry too; a recognition has no event.
    const zhang = await get(`/api/v1/people/${c[2].id}/record`, c[2].token);
    expect(zhang.body.entries.map((e: { entryId: number }) => e.entryId)).toEqual([entry.relayA, entry.electric2]);
    const liu = await get(`/api/v1/people/${c[3].id}/record`, orgDistrict.token);
    expect(liu.body.awards[0]).toMatchObject({ kind: 'recognition', eventName: null, itemName: null, awardName: '杭州工匠', citation: '扎根一线二十年，技艺精湛', prizeMoney: null });
    expect(liu.body.entries.find((e: { itemName: string }) => e.itemName === '低压电工（职工组）')).toMatchObject({ place: null, resultStatus: 'DNS' });
  });

  it('lets the person and organizers over their organisations read it; siblings and other contestants get 403', async () => {
    const path = `/api/v1/people/${c[0].id}/record`;
    for (const p of [c[0], orgDistrict, orgA]) expect([p.realName, (await get(path, p.token)).status]).toEqual([p.realName, 200]);
    expect((await get(path, admin)).status).toBe(200);
    for (const p of [orgB, orgSibling, c[1], zhao]) {
      const res = await get(path, p.token);
      expect([p.realName, res.status, res.body.code]).toEqual([p.realName, 403, 'IDENTITY_FORBIDDEN']);
    }
    expect((await get(path)).status).toBe(401);
    // 赵敏 entered the city's contest: the district's organizer does not cover her, her own district's does.
    expect((await get(`/api/v1/people/${zhao.id}/record`, orgDistrict.token)).status).toBe(403);
    const own = await get(`/api/v1/people/${zhao.id}/record`, orgSibling.token);
    expect([own.status, own.body.person.name, own.body.awards.map((a: { id: number }) => a.id)]).toEqual([200, '赵敏', [rec.zhaoThird]]);

    const missing = await get('/api/v1/people/987654/record', admin);
    expect([missing.status, missing.body.code]).toEqual([404, 'AWARDS_PERSON_NOT_FOUND']);
    const bad = await get('/api/v1/people/abc/record', admin);
    expect(bad.status).toBe(400);
  });

  it('exports the record as a workbook and a PDF, with the same access', async () => {
    const xlsx = await get(`/api/v1/people/${c[0].id}/record.xlsx`, orgA.token).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="record-${c[0].id}.xlsx"; filename*=UTF-8''${encodeURIComponent('个人档案-王伟.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as Parameters<typeof wb.xlsx.load>[0]);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const entryRows = rows('参赛记录');
    expect(entryRows).toHaveLength(5);
    expect(entryRows[2]).toEqual([`${YEAR}年全市职工技能大赛`, '低压电工（职工组）', '技能竞赛', `${YEAR}-05-10`, '已通过', 1, '95.50']);
    const awardRows = rows('获奖记录');
    expect(awardRows.slice(1).map((r) => [r[4], r[5] ?? null, r[6], r[7]])).toEqual([
      ['金牌', null, '670.10', '有效'],
      ['一等奖', null, '669.30', '已撤销'],
      ['一等奖', '技术能手', '669.30', '有效'],
      ['完成奖', null, '669.30', '有效'],
    ]);

    const pdf = await get(`/api/v1/people/${c[0].id}/record.pdf`, c[0].token).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename="record-${c[0].id}.pdf"`);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    for (const ext of ['xlsx', 'pdf']) {
      const denied = await get(`/api/v1/people/${c[0].id}/record.${ext}`, orgB.token);
      expect([ext, denied.status, denied.body.code]).toEqual([ext, 403, 'IDENTITY_FORBIDDEN']);
    }
    expect((await get(`/api/v1/people/987654/record.pdf`, admin)).status).toBe(404);
  });

  it('counts the district’s year exactly: events by kind, participations, awards by level, titles, prize money', async () => {
    const res = await get(`/api/v1/statistics?organisationId=${district.id}&year=${YEAR}`, orgDistrict.token);
    expect(res.status).toBe(200);
    expect(res.body.organisation).toEqual({ id: district.id, name: `测试区总工会-${world.tag}`, path: `/1/${district.id}/` });
    expect(res.body.year).toBe(YEAR);
    // The meet, the welding contest and A's draft job fair; not the city's contest, last year's hike or the sibling's hike.
    expect(res.body.eventsByKind).toEqual({ skill_competition: 1, sports_meet: 1, hiking: 0, job_fair: 1 });
    expect(res.body.events).toBe(3);
    // Electricians 4 (陈磊 withdrew, 赵敏 is outside), lathe 2, relay 3 + 2 members, sprint 1; last year's hike not.
    expect(res.body.participations).toEqual({ count: 12, people: 6 });
    // Not the revoked one, not 赵敏's (outside the subtree), not last year's.
    expect(res.body.awards).toEqual({
      total: 6,
      byLevel: [
        { level: 1, count: 3, byName: [{ awardName: '金牌', count: 2 }, { awardName: '一等奖', count: 1 }] },
        { level: 2, count: 2, byName: [{ awardName: '二等奖', count: 2 }] },
        { level: 3, count: 1, byName: [{ awardName: '三等奖', count: 1 }] },
      ],
    });
    expect(res.body.titles.total).toBe(2);
    expect([...res.body.titles.byTitle].sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title))).toEqual(
      [{ title: '技术能手', count: 1 }, { title: '杭州工匠', count: 1 }].sort((a, b) => a.title.localeCompare(b.title)),
    );
    // 3 × 669.30 + 670.10 = 2678.00 exactly, to three people (王伟 twice); 刘芳's 500.00 still pending; 张杰's relay prize cancelled.
    expect(res.body.prizeMoney).toEqual({ paidTotal: '2678.00', paidRecords: 4, paidPeople: 3, pendingTotal: '500.00', pendingRecords: 1 });

    // Enterprise A alone.
    const a = await get(`/api/v1/statistics?organisationId=${entA.id}&year=${YEAR}`, orgA.token);
    expect(a.status).toBe(200);
    expect(a.body.eventsByKind).toEqual({ skill_competition: 0, sports_meet: 0, hiking: 0, job_fair: 1 });
    expect(a.body.participations).toEqual({ count: 6, people: 3 });
    expect(a.body.awards.total).toBe(4);
    expect(a.body.titles).toEqual({ total: 1, byTitle: [{ title: '技术能手', count: 1 }] });
    expect(a.body.prizeMoney).toEqual({ paidTotal: '2008.70', paidRecords: 3, paidPeople: 2, pendingTotal: '0.00', pendingRecords: 0 });

    // The whole city, for the admin: 赵敏 and her district come in.
    const city = await get(`/api/v1/statistics?organisationId=1&year=${YEAR}`, admin);
    expect(city.body.eventsByKind).toEqual({ skill_competition: 2, sports_meet: 1, hiking: 1, job_fair: 1 });
    expect(city.body.participations).toEqual({ count: 13, people: 7 });
    expect(city.body.prizeMoney).toEqual({ paidTotal: '3347.30', paidRecords: 5, paidPeople: 4, pendingTotal: '500.00', pendingRecords: 1 });

    // Last year: the hike (two walkers) and one prize.
    const last = await get(`/api/v1/statistics?organisationId=${district.id}&year=${YEAR - 1}`, orgDistrict.token);
    expect([last.body.eventsByKind.hiking, last.body.participations, last.body.awards.total, last.body.prizeMoney.paidTotal]).toEqual([1, { count: 2, people: 2 }, 1, '669.30']);
  });

  it('refuses statistics to those not over the organisation and names the bad field', async () => {
    const q = (org: number, token: string) => get(`/api/v1/statistics?organisationId=${org}&year=${YEAR}`, token);
    for (const p of [orgA, orgSibling]) {
      const res = await q(district.id, p.token);
      expect([p.realName, res.status, res.body.code]).toEqual([p.realName, 403, 'IDENTITY_FORBIDDEN']);
    }
    expect((await q(entA.id, orgB.token)).status).toBe(403);
    expect((await q(district.id, c[0].token)).status).toBe(403);
    expect((await get(`/api/v1/statistics?organisationId=${district.id}&year=${YEAR}`)).status).toBe(401);

    const badYear = await get(`/api/v1/statistics?organisationId=${district.id}&year=${encodeURIComponent('二〇三一')}`, orgDistrict.token);
    expect([badYear.status, badYear.body.code, badYear.body.details.map((d: { field: string }) => d.field)]).toEqual([400, 'VALIDATION_FAILED', ['year']]);
    expect(badYear.body.message).toContain('year 须为四位年份');
    const noOrg = await get(`/api/v1/statistics?year=${YEAR}`, orgDistrict.token);
    expect([noOrg.status, noOrg.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['organisationId']]);
    const extra = await get(`/api/v1/statistics?organisationId=${district.id}&year=${YEAR}&month=5`, orgDistrict.token);
    expect(extra.status).toBe(400);
    const unknown = await q(987654, admin);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'IDENTITY_ORGANISATION_NOT_FOUND']);
  });
});
