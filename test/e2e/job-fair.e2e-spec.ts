import type { DataSource } from 'typeorm';
import { creditCode } from './support/job-fair';
import ExcelJS from 'exceljs';
import * as QRCode from 'qrcode';
import { waitFor } from './support/processes';
import { openDatabase } from './support/stack';
import { adminToken, bearer, buildWorld, http, login, type Person, post, type World } from './support/world';
import { beijingDayAhead } from './support/beijing';

/** Days of interviews ahead of the run: a slot that has begun is neither published nor booked. */
const [SLOT_DAY, SLOT_DAY2] = [beijingDayAhead(5), beijingDayAhead(6)];

const PASSWORD = 'Qiantang-tide-2026';

/** Postings of the fair: employer, fields; `refuse` marks the one the organizer sends back. */
const POSTINGS = [
  { key: 'cnc', by: 0, title: '数控车床操作工', headcount: 5, salaryPeriod: 'month', salaryMin: 8000, salaryMax: 12000, industry: '制造业', district: '拱墅区', education: '中专', description: '操作车床加工轴类零件，能看懂图纸。' },
  { key: 'electrician', by: 0, title: '低压电工（持证）', headcount: 3, salaryPeriod: 'month', salaryMin: 6000, salaryMax: 9000, industry: '制造业', district: '拱墅区', education: '中专', description: '负责厂区低压配电设备的巡检与维修。' },
  { key: 'fitter', by: 0, title: '设备维修技师', headcount: 2, salaryPeriod: 'year', salaryMin: 96000, salaryMax: 144000, industry: '制造业', district: '余杭区', education: '大专', description: '维修生产线设备，持电工证者优先。' },
  { key: 'store', by: 0, title: '仓库管理员', headcount: 1, salaryPeriod: 'month', salaryMin: 5000, salaryMax: 6000, industry: '制造业', district: '拱墅区', education: '高中', description: '负责数控刀具的出入库登记与盘点。' },
  { key: 'forklift', by: 1, title: '叉车司机', headcount: 'not_fixed', salaryPeriod: 'negotiable', industry: '物流', district: '萧山区', education: '初中', description: '持N1叉车证，服从排班。' },
  { key: 'service', by: 1, title: '电商客服', headcount: 4, salaryPeriod: 'month', salaryMin: 4500, salaryMax: 6000, industry: '物流', district: '萧山区', education: '高中', description: '熟练使用电脑，普通话标准。' },
  { key: 'welder', by: 1, title: '电焊工', headcount: 2, salaryPeriod: 'month', salaryMin: 7000, salaryMax: 10000, industry: '物流', district: '萧山区', education: '初中', description: '焊接货架与车厢，持焊工证。' },
  { key: 'programmer', by: 2, title: '数控编程员（CNC）', headcount: 1, salaryPeriod: 'month', salaryMin: 10000, salaryMax: 15000, industry: '制造业', district: '余杭区', education: '大专', description: '编写加工中心程序，优化刀路。' },
  { key: 'cleaner', by: 2, title: '保洁员', headcount: 3, salaryPeriod: 'negotiable', industry: '服务业', district: '余杭区', education: '不限', description: '限女性，45岁以下，负责办公区清洁。', refuse: true },
  { key: 'clerk', by: 2, title: '行政文员', headcount: 2, salaryPeriod: 'month', salaryMin: 4000, salaryMax: 5000, industry: '服务业', district: '余杭区', education: '大专', description: '熟悉办公软件，负责来访接待。' },
] as const;
type Key = (typeof POSTINGS)[number]['key'];

describe('job fair: employers, booths, postings and Chinese search', () => {
  let world: World;
  let ds: DataSource;
  let fair: number;
  let staff: Person[];
  let outsider: Person;
  const employers: number[] = [];
  const participations: number[] = [];
  const positions = {} as Record<Key, number>;
  const seq = Math.floor(Math.random() * 80_000_000);

  beforeAll(async () => {
    ds = await openDatabase();
    world = await buildWorld({ judges: 0, contestants: 30 });
    const admin = await adminToken(world.url);
    // A union member of another district: not eligible for this district's fair.
    const elsewhere = await post(world.url, '/api/v1/organisations', admin, { name: `邻区总工会-${world.tag}`, kind: 'district', parentId: 1 });
    const outsiderName = `outsider-${world.tag}`;
    const outsiderUser = await post(world.url, '/api/v1/users', admin, { username: outsiderName, password: PASSWORD, realName: '外区职工', roles: [{ organisationId: elsewhere.id, role: 'contestant' }] });
    outsider = { id: outsiderUser.id, username: outsiderName, realName: '外区职工', token: await login(outsiderName, PASSWORD, world.url) };
    // Employer staff hold the employer role; which employer they act for is the job fair's own record.
    staff = [];
    for (let i = 0; i < 5; i++) {
      const username = `hr${i}-${world.tag}`;
      const user = await post(world.url, '/api/v1/users', admin, { username, password: PASSWORD, realName: `人事${i}`, roles: [{ organisationId: world.district.id, role: 'employer' }] });
      staff.push({ id: user.id, username, realName: `人事${i}`, token: await login(username, PASSWORD, world.url) });
    }
    fair = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'job_fair', name: `2026年春风行动专场招聘会-${world.tag}`, startsOn: '2026-11-28' })).id;
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  const as = (p: Person) => bearer(p.token);
  const org = () => bearer(world.organizer.token);

  it('registers employers by a checked credit code, and refuses a wrong check character or a code taken', async () => {
    const names = ['杭州精工数控机床有限公司', '浙江运河物流有限公司', '杭州城西综合服务有限公司', '杭州某某劳务派遣有限公司'];
    for (let i = 0; i < 4; i++) {
      const res = await http(world.url).post('/api/v1/fair-employers').set(as(staff[i])).send({ name: names[i], creditCode: creditCode(seq + i), district: '拱墅区', industry: '制造业' });
      expect(res.status).toBe(201);
      employers.push(res.body.id);
    }
    const good = creditCode(seq + 10);
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const bad = await http(world.url).post('/api/v1/fair-employers').set(as(staff[0])).send({ name: '错误代码公司', creditCode: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('JOB_FAIR_CREDIT_CODE_CHECKSUM');
    expect(bad.body.details[0].field).toBe('creditCode');
    const taken = await http(world.url).post('/api/v1/fair-employers').set(as(staff[1])).send({ name: '重复公司', creditCode: creditCode(seq) });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('JOB_FAIR_CREDIT_CODE_TAKEN');
    const mine = await http(world.url).get('/api/v1/fair-employers/mine').set(as(staff[2]));
    expect(mine.body.map((e: { id: number }) => e.id)).toEqual([employers[2]]);
  });

  it('lets staff add a colleague to their own employer and to no other', async () => {
    const add = (by: Person, employerId: number, userId: number) => http(world.url).post(`/api/v1/fair-employers/${employerId}/staff`).set(as(by)).send({ userId });
    const added = await add(staff[0], employers[0], staff[4].id);
    expect([added.status, added.body]).toEqual([201, { employerId: employers[0], userId: staff[4].id, realName: '人事4' }]);
    expect((await http(world.url).get('/api/v1/fair-employers/mine').set(as(staff[4]))).body.map((e: { id: number }) => e.id)).toEqual([employers[0]]);
    expect((await http(world.url).get(`/api/v1/fair-employers/${employers[0]}/participations`).set(as(staff[4]))).status).toBe(200);
    // Staff of another employer cannot add to this one, nor this one's staff to another.
    for (const [by, employerId, userId] of [[staff[1], employers[0], staff[1].id], [staff[0], employers[1], staff[0].id]] as const) {
      const res = await add(by, employerId, userId);
      expect([res.status, res.body.code]).toEqual([403, 'JOB_FAIR_NOT_EMPLOYER_STAFF']);
    }
    const twice = await add(staff[4], employers[0], staff[4].id);
    expect([twice.status, twice.body.code]).toEqual([409, 'JOB_FAIR_ALREADY_STAFF']);
    const nobody = await add(staff[0], employers[0], 2_000_000_000);
    expect([nobody.status, nobody.body.code, nobody.body.details[0].field]).toEqual([404, 'JOB_FAIR_PERSON_NOT_FOUND', 'userId']);
    const [rows] = await ds.query('SELECT COUNT(*) AS n FROM fair_employer_staff WHERE employer_id IN (?)', [[employers[0], employers[1]]]);
    expect(Number(rows.n)).toBe(3);
  });

  it('takes applications to the fair from staff of that employer only; the organizer approves, refuses with a reason, assigns booths', async () => {
    const stranger = await http(world.url).post(`/api/v1/fairs/${fair}/participations`).set(as(staff[1])).send({ employerId: employers[0] });
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('JOB_FAIR_NOT_EMPLOYER_STAFF');
    for (let i = 0; i < 4; i++) {
      const res = await http(world.url).post(`/api/v1/fairs/${fair}/participations`).set(as(staff[i])).send({ employerId: employers[i] });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending');
      participations.push(res.body.id);
    }
    const again = await http(world.url).post(`/api/v1/fairs/${fair}/participations`).set(as(staff[0])).send({ employerId: employers[0] });
    expect(again.body.code).toBe('JOB_FAIR_ALREADY_PARTICIPATING');

    const noReason = await http(world.url).post(`/api/v1/fair-participations/${participations[3]}/decision`).set(org()).send({ decision: 'refuse' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('JOB_FAIR_REASON_REQUIRED');
    const refused = await http(world.url).post(`/api/v1/fair-participations/${participations[3]}/decision`).set(org()).send({ decision: 'refuse', reason: '劳务派遣单位不参加本场招聘会' });
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: '劳务派遣单位不参加本场招聘会' });
    const boothTooSoon = await http(world.url).put(`/api/v1/fair-participations/${participations[0]}/booth`).set(org()).send({ hall: '1号馆', number: 'A-01' });
    expect(boothTooSoon.body.code).toBe('JOB_FAIR_BOOTH_NEEDS_APPROVAL');
    for (let i = 0; i < 3; i++) {
      const ok = await http(world.url).post(`/api/v1/fair-participations/${participations[i]}/decision`).set(org()).send({ decision: 'approve' });
      expect(ok.body.status).toBe('approved');
      const booth = await http(world.url).put(`/api/v1/fair-participations/${participations[i]}/booth`).set(org()).send({ hall: '1号馆', number: `A-0${i + 1}` });
      expect(booth.body).toMatchObject({ boothHall: '1号馆', boothNumber: `A-0${i + 1}` });
    }
    const twice = await http(world.url).post(`/api/v1/fair-participations/${participations[0]}/decision`).set(org()).send({ decision: 'refuse', reason: '重复审核' });
    expect(twice.body.code).toBe('JOB_FAIR_PARTICIPATION_DECIDED');
    const taken = await http(world.url).put(`/api/v1/fair-participations/${participations[1]}/booth`).set(org()).send({ hall: '1号馆', number: 'A-01' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('JOB_FAIR_BOOTH_TAKEN');
    const list = await http(world.url).get(`/api/v1/fairs/${fair}/participations`).set(org());
    expect(list.body.map((p: { status: string }) => p.status)).toEqual(['approved', 'approved', 'approved', 'refused']);
    const own = await http(world.url).get(`/api/v1/fair-employers/${employers[3]}/participations`).set(as(staff[3]));
    expect(own.body[0].refusalReason).toBe('劳务派遣单位不参加本场招聘会');
    expect((await http(world.url).get(`/api/v1/fair-employers/${employers[3]}/participations`).set(as(staff[0]))).status).toBe(403);
  });

  it('refuses bad postings with a code naming the field, writing nothing', async () => {
    const base = { employerId: employers[0], title: '钳工', headcount: 2, salaryPeriod: 'month', salaryMin: 5000, salaryMax: 7000, description: '装配与修配。' };
    const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM fair_positions WHERE event_id = ?', [fair]))[0].n);
    const cases: [object, Person, number, string, string | null][] = [
      [{ salaryMin: 9000, salaryMax: 7000 }, staff[0], 400, 'JOB_FAIR_SALARY_MIN_ABOVE_MAX', 'salary.min'],
      [{ headcount: 0 }, staff[0], 400, 'JOB_FAIR_HEADCOUNT_INVALID', 'headcount'],
      [{ headcount: -3 }, staff[0], 400, 'JOB_FAIR_HEADCOUNT_INVALID', 'headcount'],
      [{ salaryMax: undefined }, staff[0], 400, 'JOB_FAIR_SALARY_INCOMPLETE', 'salaryMax'],
      [{ employerId: employers[3] }, staff[3], 422, 'JOB_FAIR_EMPLOYER_NOT_APPROVED', 'employerId'],
      [{}, staff[1], 403, 'JOB_FAIR_NOT_EMPLOYER_STAFF', 'employerId'],
    ];
    for (const [change, who, status, code, field] of cases) {
      const res = await http(world.url).post(`/api/v1/fairs/${fair}/positions`).set(as(who)).send({ ...base, ...change });
      expect([res.status, res.body.code, res.body.details?.[0]?.field]).toEqual([status, code, field]);
    }
    expect(await count()).toBe(0);
  });

  it('keeps postings pending until approved, highlights terms a public fair may not publish, counts approved headcounts', async () => {
    for (const p of POSTINGS) {
      const { key, by, refuse, ...body } = p as (typeof POSTINGS)[number] & { refuse?: boolean };
      void refuse;
      const res = await http(world.url).post(`/api/v1/fairs/${fair}/positions`).set(as(staff[by])).send({ ...body, employerId: employers[by] });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('pending');
      positions[key] = res.body.id;
    }
    expect((await http(world.url).get(`/api/v1/fairs/${fair}/positions`)).body.total).toBe(0);
    expect((await http(world.url).get(`/api/v1/fair-positions/${positions.cnc}`)).status).toBe(404);

    const pending = await http(world.url).get(`/api/v1/fairs/${fair}/positions/pending`).set(org());
    expect(pending.body).toHaveLength(10);
    const cleaner = pending.body.find((p: { id: number }) => p.id === positions.cleaner);
    expect(cleaner.screening.map((s: { category: string; text: string }) => [s.category, s.text])).toEqual(
      expect.arrayContaining([['gender', '限女性'], ['age', expect.stringContaining('45岁以下')]]),
    );
    expect(pending.body.find((p: { id: number }) => p.id === positions.cnc).screening).toEqual([]);

    for (const p of POSTINGS) {
      const refuse = 'refuse' in p;
      const res = await http(world.url)
        .post(`/api/v1/fair-positions/${positions[p.key]}/review`)
        .set(org())
        .send(refuse ? { decision: 'refuse', reason: '含性别、年龄限制，请修改后重新提交' } : { decision: 'approve' });
      expect(res.body.status).toBe(refuse ? 'refused' : 'approved');
    }
    const again = await http(world.url).post(`/api/v1/fair-positions/${positions.cnc}/review`).set(org()).send({ decision: 'approve' });
    expect(again.body.code).toBe('JOB_FAIR_POSITION_REVIEWED');

    const approved = POSTINGS.filter((p) => !('refuse' in p));
    const offered = await http(world.url).get(`/api/v1/fairs/${fair}/positions-offered`);
    expect(offered.body).toEqual({
      positions: approved.reduce((sum, p) => sum + (p.headcount === 'not_fixed' ? 0 : p.headcount), 0),
      notFixedPostings: approved.filter((p) => p.headcount === 'not_fixed').length,
      postings: approved.length,
    });
    // The fitter's annual range is compared per month.
    const fitter = (await http(world.url).get(`/api/v1/fair-positions/${positions.fitter}`)).body;
    expect([fitter.salaryMonthlyMin, fitter.salaryMonthlyMax]).toEqual([8000, 12000]);
    expect(fitter.screening).toBeUndefined();
    const own = await http(world.url).get(`/api/v1/fairs/${fair}/positions/own`).query({ employerId: employers[2] }).set(as(staff[2]));
    expect(own.body.map((p: { status: string }) => p.status)).toEqual(['approved', 'refused', 'approved']);
    expect((await http(world.url).get(`/api/v1/fairs/${fair}/positions/own`).query({ employerId: employers[2] }).set(as(staff[0]))).status).toBe(403);
  });

  const search = async (query: Record<string, string | number>) => {
    const res = await http(world.url).get(`/api/v1/fairs/${fair}/positions`).query(query);
    expect(res.status).toBe(200);
    return res.body as { total: number; items: { id: number; titleMatch: boolean; salaryMonthlyMax: number | null }[] };
  };
  const keys = (page: { items: { id: number }[] }) => page.items.map((i) => (Object.keys(positions) as Key[]).find((k) => positions[k] === i.id));

  /** The stated rule: title matches before description matches, then the higher monthly salary, negotiable last. */
  const rankedByRule = (page: { items: { titleMatch: boolean; salaryMonthlyMax: number | null }[] }) => {
    const score = (i: { titleMatch: boolean; salaryMonthlyMax: number | null }) => [i.titleMatch ? 0 : 1, i.salaryMonthlyMax === null ? 1 : 0, -(i.salaryMonthlyMax ?? 0)];
    for (let i = 1; i < page.items.length; i++) {
      const [a, b] = [score(page.items[i - 1]), score(page.items[i])];
      const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      if (cmp > 0) return false;
    }
    return true;
  };

  it('finds 数控 and 电工 where they occur (two-character words a stock FULLTEXT index would drop), title matches first', async () => {
    const cnc = await search({ q: '数控' });
    expect(keys(cnc)).toEqual(['programmer', 'cnc', 'store']);
    expect(cnc.items.map((i) => i.titleMatch)).toEqual([true, true, false]);
    expect(rankedByRule(cnc)).toBe(true);

    const electrician = await search({ q: '电工' });
    // 电焊工 holds 电 and 工 but not 电工.
    expect(keys(electrician)).toEqual(['electrician', 'fitter']);
    expect(rankedByRule(electrician)).toBe(true);
  });

  it('finds one character (电) and filters by salary overlap per month, district, industry, education', async () => {
    const one = await search({ q: '电' });
    expect(keys(one)).toEqual(['welder', 'electrician', 'service', 'fitter']);
    expect(rankedByRule(one)).toBe(true);
    expect(keys(await search({ q: '电', salaryMin: 7000 }))).toEqual(['welder', 'electrician', 'fitter']);
    expect(keys(await search({ q: '电', salaryMin: 7000, salaryMax: 7500, district: '萧山区' }))).toEqual(['welder']);
    expect(keys(await search({ industry: '制造业', education: '中专' }))).toEqual(['cnc', 'electrician']);
    expect(keys(await search({ q: 'cnc' }))).toEqual(['programmer']);
    const bad = await http(world.url).get(`/api/v1/fairs/${fair}/positions`).query({ salaryMin: 9000, salaryMax: 7000 });
    expect([bad.status, bad.body.code]).toEqual([400, 'JOB_FAIR_SALARY_MIN_ABOVE_MAX']);
  });

  it('offers as filters the districts and industries the approved postings name, with how many name each', async () => {
    const res = await http(world.url).get(`/api/v1/fairs/${fair}/position-filters`);
    expect(res.status).toBe(200);
    // Nine approved postings (the cleaner's was refused): three in each district.
    expect(res.body.districts).toHaveLength(3);
    expect(res.body.districts).toEqual(expect.arrayContaining([{ value: '拱墅区', count: 3 }, { value: '萧山区', count: 3 }, { value: '余杭区', count: 3 }]));
    // Most postings first; the refused 服务业 posting is not counted.
    expect(res.body.industries).toEqual([{ value: '制造业', count: 5 }, { value: '物流', count: 3 }, { value: '服务业', count: 1 }]);
    const notAFair = await http(world.url).get(`/api/v1/fairs/999999999/position-filters`);
    expect(notAFair.status).toBe(404);
  });

  it('sorts by salary with negotiable last and pages', async () => {
    const all = await search({ sort: 'salary', pageSize: 100 });
    expect(all.total).toBe(9);
    expect(keys(all)).toEqual(['programmer', 'cnc', 'fitter', 'welder', 'electrician', 'store', 'service', 'clerk', 'forklift']);
    const pages = [await search({ sort: 'salary', pageSize: 4, page: 1 }), await search({ sort: 'salary', pageSize: 4, page: 2 }), await search({ sort: 'salary', pageSize: 4, page: 3 })];
    expect(pages.flatMap(keys)).toEqual(keys(all));
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9]);
  });

  // Seekers, CVs, consents, applications, the pipeline and the figures.
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  // A Windows executable's header (MZ … PE), named 简历.pdf.
  const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f742062652072756e20696e20444f53206d6f64652e0d0d0a2400000000000000', 'hex'), Buffer.from('504500004c010300', 'hex'), Buffer.alloc(200)]);
  const seekers = () => world.contestants;
  const cvs: number[] = [];
  const applied: { fitter: number[]; others: { id: number; seeker: number; key: Key }[]; scans: { id: number; seeker: number }[] } = { fitter: [], others: [], scans: [] };
  let shared: number;
  let moved: number;
  let hires: number[];
  let fairCounts: Record<string, number>;

  it('registers the district’s union members for the fair, and refuses a member of another district', async () => {
    for (const s of seekers()) expect((await http(world.url).post(`/api/v1/fairs/${fair}/seekers`).set(as(s))).status).toBe(201);
    const twice = await http(world.url).post(`/api/v1/fairs/${fair}/seekers`).set(as(seekers()[0]));
    expect([twice.status, twice.body.code]).toEqual([409, 'JOB_FAIR_ALREADY_REGISTERED']);
    const other = await http(world.url).post(`/api/v1/fairs/${fair}/seekers`).set(as(outsider));
    expect([other.status, other.body.code]).toEqual([422, 'JOB_FAIR_NOT_ELIGIBLE']);
  });

  it('admits seekers by the fair’s own rule (members, retrained workers, everyone), refusing with the rule named', async () => {
    const fair2 = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'job_fair', name: `再就业专场招聘会-${world.tag}` })).id;
    const register = (p: Person, body?: object) => http(world.url).post(`/api/v1/fairs/${fair2}/seekers`).set(as(p)).send(body ?? {});
    const setRule = (token: string, seekerEligibility: unknown) => http(world.url).put(`/api/v1/fairs/${fair2}/eligibility`).set(bearer(token)).send({ seekerEligibility });
    // The default: members of the organising subtree.
    const byDefault = await register(outsider);
    expect([byDefault.status, byDefault.body.code]).toEqual([422, 'JOB_FAIR_NOT_ELIGIBLE']);
    expect(byDefault.body.message).toContain('主办工会所辖的工会会员');
    expect((await setRule(staff[0].token, 'open')).status).toBe(403);
    const bad = await setRule(world.organizer.token, 'anyone');
    expect([bad.status, bad.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['seekerEligibility']]);

    const retrained = await setRule(world.organizer.token, 'retrained');
    expect([retrained.status, retrained.body.seekerEligibility]).toEqual([200, 'retrained']);
    // A member without a certificate is refused as well: the rule is the retraining, not the union.
    for (const p of [outsider, seekers()[0]]) {
      const res = await register(p);
      expect([res.status, res.body.code, res.body.details.map((d: { field: string }) => d.field)]).toEqual([422, 'JOB_FAIR_NOT_ELIGIBLE', ['retrainingCertificate']]);
      expect(res.body.message).toContain('再就业培训');
    }
    const malformed = await register(outsider, { retrainingCertificate: '证书' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'JOB_FAIR_RETRAINING_CERTIFICATE_FORMAT']);
    const [none] = await ds.query('SELECT COUNT(*) AS n FROM fair_seekers WHERE event_id = ?', [fair2]);
    expect(Number(none.n)).toBe(0);
    const admitted = await register(outsider, { retrainingCertificate: 'ZJ-2026-0042' });
    expect([admitted.status, admitted.body.retrainingCertificate, admitted.body.organisationId]).toEqual([201, 'ZJ-2026-0042', null]);

    expect((await setRule(world.organizer.token, 'open')).body.seekerEligibility).toBe('open');
    const member = await register(seekers()[1]);
    expect([member.status, member.body.organisationId]).toEqual([201, world.enterprises[1].id]);
    const [two] = await ds.query('SELECT COUNT(*) AS n FROM fair_seekers WHERE event_id = ?', [fair2]);
    expect(Number(two.n)).toBe(2);
  });

  it('lets a delegation leader register members of their union, and only them, as far as the fair admits them', async () => {
    const admin = await adminToken(world.url);
    const [unionA, unionB] = world.enterprises;
    const username = `leader-${world.tag}`;
    const user = await post(world.url, '/api/v1/users', admin, { username, password: PASSWORD, realName: '工会干部', roles: [{ organisationId: unionA.id, role: 'delegation_leader' }] });
    const leader: Person = { id: user.id, username, realName: '工会干部', token: await login(username, PASSWORD, world.url) };
    const fair3 = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'job_fair', name: `工会组团招聘会-${world.tag}` })).id;
    // Contestants alternate between the two enterprise unions: even ones are union A's members.
    const s = seekers();
    const byUnion = (by: Person, orgId: number, userIds: number[]) =>
      http(world.url).post(`/api/v1/fairs/${fair3}/delegations/${orgId}/seekers`).set(as(by)).send({ userIds });
    const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM fair_seekers WHERE event_id = ?', [fair3]))[0].n);

    const first = await byUnion(leader, unionA.id, [s[0].id, s[2].id]);
    expect([first.status, first.body]).toEqual([201, { registered: [s[0].id, s[2].id], already: [] }]);
    const again = await byUnion(leader, unionA.id, [s[0].id, s[4].id]);
    expect(again.body).toEqual({ registered: [s[4].id], already: [s[0].id] });
    const rows = await ds.query('SELECT DISTINCT organisation_id AS o FROM fair_seekers WHERE event_id = ?', [fair3]);
    expect(rows.map((r: { o: number }) => Number(r.o))).toEqual([unionA.id]);

    // A member of union B in the list: all refused, nothing written.
    const mixed = await byUnion(leader, unionA.id, [s[6].id, s[1].id]);
    expect([mixed.status, mixed.body.code, mixed.body.details[0].field]).toEqual([422, 'JOB_FAIR_NOT_UNION_MEMBER', 'userIds']);
    expect(mixed.body.message).toContain(String(s[1].id));
    // Not their union; not a leader.
    expect((await byUnion(leader, unionB.id, [s[1].id])).status).toBe(403);
    expect((await byUnion(s[0], unionA.id, [s[6].id])).status).toBe(403);
    // A fair for retrained workers takes each worker's own certificate, not a union's list.
    await http(world.url).put(`/api/v1/fairs/${fair3}/eligibility`).set(org()).send({ seekerEligibility: 'retrained' });
    const retrained = await byUnion(leader, unionA.id, [s[6].id]);
    expect([retrained.status, retrained.body.code]).toEqual([422, 'JOB_FAIR_NOT_ELIGIBLE']);
    expect(await count()).toBe(3);
  });

  it('takes CVs whose content is a PDF or an image, and refuses an executable renamed .pdf, writing nothing', async () => {
    const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM fair_cvs WHERE user_id = ?', [seekers()[0].id]))[0].n);
    const exe = await http(world.url).post('/api/v1/me/fair-cvs').set(as(seekers()[0])).send({ fileName: '简历.pdf', contentBase64: EXE.toString('base64') });
    expect([exe.status, exe.body.code, exe.body.details[0].field]).toEqual([400, 'JOB_FAIR_CV_TYPE', 'contentBase64']);
    expect(await count()).toBe(0);
    for (const [i, s] of seekers().entries()) {
      const file = i === 29 ? PNG : PDF;
      const res = await http(world.url).post('/api/v1/me/fair-cvs').set(as(s)).send({ fileName: i === 29 ? '简历.png' : `${s.realName}-简历.pdf`, contentBase64: file.toString('base64') });
      expect(res.status).toBe(201);
      expect(res.body.contentType).toBe(i === 29 ? 'image/png' : 'application/pdf');
      cvs.push(res.body.id);
    }
  });

  it('applies with a CV only with consent to the employer; a booth scan makes an application and asks for the CV', async () => {
    const noConsent = await http(world.url).post(`/api/v1/fair-positions/${positions.fitter}/applications`).set(as(seekers()[0])).send({ cvId: cvs[0] });
    expect([noConsent.status, noConsent.body.code]).toEqual([422, 'JOB_FAIR_CONSENT_REQUIRED']);
    const notMine = await http(world.url).post(`/api/v1/fair-positions/${positions.fitter}/applications`).set(as(seekers()[0])).send({ cvId: cvs[1], consent: true });
    expect([notMine.status, notMine.body.code]).toEqual([404, 'JOB_FAIR_CV_NOT_FOUND']);
    const refused = await http(world.url).post(`/api/v1/fair-positions/${positions.cleaner}/applications`).set(as(seekers()[0])).send({});
    expect(refused.body.code).toBe('JOB_FAIR_POSITION_NOT_OPEN');
    for (let i = 0; i < 20; i++) {
      const res = await http(world.url).post(`/api/v1/fair-positions/${positions.fitter}/applications`).set(as(seekers()[i])).send({ cvId: cvs[i], consent: true });
      expect(res.status).toBe(201);
      applied.fitter.push(res.body.id);
    }
    const others: Key[] = ['cnc', 'electrician', 'store', 'forklift', 'service', 'welder', 'programmer', 'clerk', 'cnc', 'electrician'];
    for (let i = 20; i < 30; i++) {
      const key = others[i - 20];
      const res = await http(world.url).post(`/api/v1/fair-positions/${positions[key]}/applications`).set(as(seekers()[i])).send({ cvId: cvs[i], consent: true });
      expect(res.status).toBe(201);
      applied.others.push({ id: res.body.id, seeker: i, key });
    }
    const again = await http(world.url).post(`/api/v1/fair-positions/${positions.fitter}/applications`).set(as(seekers()[0])).send({});
    expect(again.body.code).toBe('JOB_FAIR_ALREADY_APPLIED');

    // At employer 1's booth: five seekers' passes scanned for the welder's post.
    for (let i = 0; i < 5; i++) {
      const page = (await http(world.url).get(`/api/v1/fairs/${fair}/pass`).set(as(seekers()[i]))).body;
      const pass = page.token;
      // The seeker's phone shows the token as a QR code: the same token encoded, nothing else.
      expect(page.qrSvg).toBe(await QRCode.toString(pass, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      expect(page.qrSvg).toMatch(/^<svg/);
      const res = await http(world.url).post(`/api/v1/fairs/${fair}/booth-scans`).set(as(staff[1])).send({ positionId: positions.welder, pass });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ source: 'booth_scan', cvId: null, seekerName: seekers()[i].realName });
      applied.scans.push({ id: res.body.id, seeker: i });
    }
    const forged = await http(world.url).post(`/api/v1/fairs/${fair}/booth-scans`).set(as(staff[1])).send({ positionId: positions.welder, pass: `f1.${seekers()[9].id}.${fair}.AAAAAAAAAAAAAAAAAAAAAA` });
    expect(forged.body.code).toBe('JOB_FAIR_PASS_INVALID');
    const notTheirs = await http(world.url).post(`/api/v1/fairs/${fair}/booth-scans`).set(as(staff[1])).send({ positionId: positions.cnc, pass: (await http(world.url).get(`/api/v1/fairs/${fair}/pass`).set(as(seekers()[9]))).body.token });
    expect(notTheirs.status).toBe(403);
    // The seeker's page asks; seeker 0 shares a CV, the others do not.
    const mine = (await http(world.url).get('/api/v1/me/fair-applications').set(as(seekers()[0]))).body;
    const scanned = mine.find((a: { id: number }) => a.id === applied.scans[0].id);
    expect(scanned).toMatchObject({ consentAsked: true, employerId: employers[1], positionTitle: '电焊工' });
    const share = await http(world.url).post(`/api/v1/fair-applications/${applied.scans[0].id}/cv`).set(as(seekers()[0])).send({ cvId: cvs[0] });
    expect(share.body).toMatchObject({ consentAsked: false, cvId: cvs[0] });
    shared = applied.scans[0].id;
  });

  it('shows an employer its own applications only, and a CV only while the seeker consents', async () => {
    expect((await http(world.url).get(`/api/v1/fair-positions/${positions.fitter}/applications`).set(as(staff[1]))).status).toBe(403);
    const own = await http(world.url).get(`/api/v1/fair-positions/${positions.fitter}/applications`).set(as(staff[0]));
    expect(own.body).toHaveLength(20);
    const foreign = applied.fitter[0];
    for (const [method, path, body] of [
      ['get', `/api/v1/fair-applications/${foreign}/cv`, undefined],
      ['post', `/api/v1/fair-applications/${foreign}/stage`, { stage: 'rejected' }],
      ['put', `/api/v1/fair-applications/${foreign}/assessment`, { rating: 1 }],
    ] as const) {
      const res = await http(world.url)[method](path).set(as(staff[1])).send(body);
      expect([res.status, res.body.code]).toEqual([404, 'JOB_FAIR_APPLICATION_NOT_FOUND']);
    }
    const cv = await http(world.url).get(`/api/v1/fair-applications/${foreign}/cv`).set(as(staff[0])).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(cv.status).toBe(200);
    expect(cv.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(cv.body, PDF)).toBe(0);
    // Scanned at the booth without a CV: nothing to read. Shared: readable until the consent is revoked.
    const unshared = await http(world.url).get(`/api/v1/fair-applications/${applied.scans[1].id}/cv`).set(as(staff[1]));
    expect([unshared.status, unshared.body.code]).toEqual([403, 'JOB_FAIR_NO_CV_CONSENT']);
    expect((await http(world.url).get(`/api/v1/fair-applications/${shared}/cv`).set(as(staff[1]))).status).toBe(200);
    const consents = (await http(world.url).get('/api/v1/me/fair-consents').set(as(seekers()[0]))).body;
    const toEmployer1 = consents.find((c: { employerId: number }) => c.employerId === employers[1]);
    expect((await http(world.url).post(`/api/v1/me/fair-consents/${toEmployer1.id}/revoke`).set(as(seekers()[1]))).status).toBe(404);
    expect((await http(world.url).post(`/api/v1/me/fair-consents/${toEmployer1.id}/revoke`).set(as(seekers()[0]))).body.revokedAt).not.toBeNull();
    expect((await http(world.url).get(`/api/v1/fair-applications/${shared}/cv`).set(as(staff[1]))).body.code).toBe('JOB_FAIR_NO_CV_CONSENT');
    expect((await http(world.url).get(`/api/v1/fair-positions/${positions.welder}/applications`).set(as(staff[1]))).body.find((a: { id: number }) => a.id === shared).cvId).toBeNull();
    // A withdrawn CV is shared with nobody, consent or not.
    const last = applied.others.find((a) => a.seeker === 29)!;
    const employerOfLast = POSTINGS.find((p) => p.key === last.key)!.by;
    expect((await http(world.url).get(`/api/v1/fair-applications/${last.id}/cv`).set(as(staff[employerOfLast]))).status).toBe(200);
    await http(world.url).post(`/api/v1/me/fair-cvs/${cvs[29]}/withdraw`).set(as(seekers()[29])).expect(200);
    expect((await http(world.url).get(`/api/v1/fair-applications/${last.id}/cv`).set(as(staff[employerOfLast]))).body.code).toBe('JOB_FAIR_NO_CV_CONSENT');
  });

  it('moves an application along the pipeline with its history; rating and notes stay with the employer; the seeker is told', async () => {
    moved = applied.fitter[0];
    for (const [stage, note] of [['screened', '学历、证书符合'], ['interviewing', '周三上午面试'], ['offered', '面试通过']]) {
      const res = await http(world.url).post(`/api/v1/fair-applications/${moved}/stage`).set(as(staff[0])).send({ stage, note });
      expect([res.status, res.body.stage]).toEqual([200, stage]);
    }
    const back = await http(world.url).post(`/api/v1/fair-applications/${moved}/stage`).set(as(staff[0])).send({ stage: 'screened' });
    expect([back.status, back.body.code]).toEqual([409, 'JOB_FAIR_BAD_APPLICATION_TRANSITION']);
    const byEmployer = await http(world.url).post(`/api/v1/fair-applications/${moved}/stage`).set(as(staff[0])).send({ stage: 'withdrawn' });
    expect([byEmployer.status, byEmployer.body.code]).toEqual([403, 'JOB_FAIR_ACTOR_MAY_NOT_TRANSITION']);
    const badRating = await http(world.url).put(`/api/v1/fair-applications/${moved}/assessment`).set(as(staff[0])).send({ rating: 5 });
    expect([badRating.status, badRating.body.code, badRating.body.details[0].field]).toEqual([400, 'JOB_FAIR_RATING_INVALID', 'rating']);
    const assessed = await http(world.url).put(`/api/v1/fair-applications/${moved}/assessment`).set(as(staff[0])).send({ rating: 4, notes: '动手能力强，可直接上岗', intentionReached: true });
    expect(assessed.body).toMatchObject({ rating: 4, notes: '动手能力强，可直接上岗', intentionReached: true });
    expect(assessed.body.history.map((h: { toStage: string; note: string | null; by: number }) => [h.toStage, h.note, h.by])).toEqual([
      ['applied', null, seekers()[0].id],
      ['screened', '学历、证书符合', staff[0].id],
      ['interviewing', '周三上午面试', staff[0].id],
      ['offered', '面试通过', staff[0].id],
    ]);
    const seen = (await http(world.url).get('/api/v1/me/fair-applications').set(as(seekers()[0]))).body.find((a: { id: number }) => a.id === moved);
    expect(seen.stage).toBe('offered');
    expect(seen).not.toHaveProperty('rating');
    expect(seen).not.toHaveProperty('notes');
    expect(seen).not.toHaveProperty('intentionReached');
    const inbox = await waitFor('the seeker’s notification', async () => {
      const res = await http(world.url).get('/api/v1/me/notifications').set(as(seekers()[0]));
      const msg = res.body.messages?.find((m: { title: string; body: string }) => m.body.includes('已发录用意向'));
      return msg;
    });
    expect(inbox.title).toBe('求职进度：设备维修技师');
    // Another seeker cannot act on it.
    const stranger = await http(world.url).post(`/api/v1/fair-applications/${moved}/withdraw`).set(as(seekers()[1])).send({});
    expect([stranger.status, stranger.body.code]).toEqual([404, 'JOB_FAIR_APPLICATION_NOT_FOUND']);
    const withdrawn = await http(world.url).post(`/api/v1/fair-applications/${applied.others[0].id}/withdraw`).set(as(seekers()[20])).send({ note: '已另有工作' });
    expect(withdrawn.body.stage).toBe('withdrawn');
  });

  it('hires no more than the headcount under 20 concurrent hires', async () => {
    const answers = await Promise.all(applied.fitter.map((id) => http(world.url).post(`/api/v1/fair-applications/${id}/stage`).set(as(staff[0])).send({ stage: 'hired' })));
    const ok = answers.filter((a) => a.status === 200);
    const full = answers.filter((a) => a.status === 409);
    expect(ok).toHaveLength(2);
    expect(full).toHaveLength(18);
    expect(new Set(full.map((a) => a.body.code))).toEqual(new Set(['JOB_FAIR_NO_OPENINGS_LEFT']));
    hires = ok.map((a) => a.body.id);
    const [row] = await ds.query('SELECT hired FROM fair_positions WHERE id = ?', [positions.fitter]);
    expect(row.hired).toBe(2);
    const [h] = await ds.query(`SELECT COUNT(*) AS n FROM fair_application_history WHERE to_stage = 'hired' AND application_id IN (?)`, [applied.fitter]);
    expect(Number(h.n)).toBe(2);
  });

  it('reports figures equal to the counts of the test data, and exports them as .xlsx', async () => {
    const approved = POSTINGS.filter((p) => !('refuse' in p));
    const applications = applied.fitter.length + applied.others.length + applied.scans.length;
    const screened = new Set([moved, ...hires]).size;
    const expected = {
      employers: 3,
      postings: approved.length,
      positions: approved.reduce((sum, p) => sum + (p.headcount === 'not_fixed' ? 0 : p.headcount), 0),
      notFixedPostings: 1,
      seekers: 30,
      visits: applied.scans.length,
      // Every application made with a CV, and the one scan a CV was shared on.
      cvsDelivered: applied.fitter.length + applied.others.length + 1,
      applications,
      screened,
      interviewed: screened,
      offered: screened,
      hired: 2,
      intentions: 1,
    };
    fairCounts = expected;
    const res = await http(world.url).get(`/api/v1/fairs/${fair}/figures`).set(org());
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual(expected);
    expect(res.body.rates.hiredPerApplication).toBeCloseTo(2 / applications);
    expect(res.body.rates.screenedPerCv).toBeCloseTo(screened / expected.cvsDelivered);
    expect((await http(world.url).get(`/api/v1/fairs/${fair}/figures`).set(as(staff[0]))).status).toBe(403);

    const file = await http(world.url).get(`/api/v1/fairs/${fair}/figures.xlsx`).set(org()).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body);
    const rows = new Map<string, unknown>();
    wb.getWorksheet('招聘会数据')!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect([rows.get('参会用人单位（家）'), rows.get('提供就业岗位（人）'), rows.get('录用（人）'), rows.get('达成意向（人）')]).toEqual([3, expected.positions, 2, 1]);
  });

  it('counts the fair in its organisation subtree’s yearly statistics through the job fair’s figures, and exports them as .xlsx', async () => {
    // The district's subtree holds this one fair, starting in 2026: its figures are the subtree's.
    const stats = await http(world.url).get(`/api/v1/statistics?organisationId=${world.district.id}&year=2026`).set(org());
    expect(stats.status).toBe(200);
    expect(stats.body.eventsByKind.job_fair).toBe(1);
    expect(stats.body.jobFairs.fairs).toBe(1);
    expect(stats.body.jobFairs.counts).toEqual(fairCounts);
    expect(stats.body.jobFairs.rates.hiredPerApplication).toBeCloseTo(fairCounts.hired / fairCounts.applications);
    // Another year of the same subtree: no fairs, every figure zero, rates null.
    const before = await http(world.url).get(`/api/v1/statistics?organisationId=${world.district.id}&year=2025`).set(org());
    expect(before.body.jobFairs.fairs).toBe(0);
    expect(Object.values(before.body.jobFairs.counts).every((n) => n === 0)).toBe(true);
    expect(before.body.jobFairs.rates.screenedPerCv).toBeNull();
    expect((await http(world.url).get(`/api/v1/statistics/job-fairs.xlsx?organisationId=${world.district.id}&year=2026`).set(as(staff[0]))).status).toBe(403);

    const file = await http(world.url).get(`/api/v1/statistics/job-fairs.xlsx?organisationId=${world.district.id}&year=2026`).set(org()).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body);
    const rows = new Map<string, unknown>();
    wb.getWorksheet('招聘会数据')!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect([rows.get('参会用人单位（家）'), rows.get('提供就业岗位（人）'), rows.get('进场求职者（人）'), rows.get('投递简历（份）'), rows.get('录用（人）')]).toEqual([
      3,
      fairCounts.positions,
      30,
      fairCounts.cvsDelivered,
      2,
    ]);
  });

  it('deletes a CV with its consents; the application stays without it', async () => {
    expect((await http(world.url).delete(`/api/v1/me/fair-cvs/${cvs[25]}`).set(as(seekers()[24]))).status).toBe(404);
    expect((await http(world.url).delete(`/api/v1/me/fair-cvs/${cvs[25]}`).set(as(seekers()[25]))).status).toBe(204);
    const mine = (await http(world.url).get('/api/v1/me/fair-applications').set(as(seekers()[25]))).body;
    expect(mine[0].cvId).toBeNull();
    expect((await http(world.url).get('/api/v1/me/fair-consents').set(as(seekers()[25]))).body).toEqual([]);
  });

  it('books interview slots without double booking a slot or a seeker, even at once', async () => {
    const slot = async (by: number, start: string, end: string) => {
      const res = await http(world.url).post(`/api/v1/fairs/${fair}/interview-slots`).set(as(staff[by])).send({ employerId: employers[by], startsAt: `${SLOT_DAY}T${start}:00+08:00`, endsAt: `${SLOT_DAY}T${end}:00+08:00` });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    const inverted = await http(world.url).post(`/api/v1/fairs/${fair}/interview-slots`).set(as(staff[0])).send({ employerId: employers[0], startsAt: `${SLOT_DAY}T10:00:00+08:00`, endsAt: `${SLOT_DAY}T09:00:00+08:00` });
    expect([inverted.status, inverted.body.code, inverted.body.details[0].field]).toEqual([400, 'JOB_FAIR_SLOT_TIMES', 'endsAt']);
    const past = await http(world.url).post(`/api/v1/fairs/${fair}/interview-slots`).set(as(staff[0])).send({ employerId: employers[0], startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 600_000) });
    expect([past.status, past.body.code, past.body.details[0].field]).toEqual([400, 'JOB_FAIR_SLOT_TIMES', 'startsAt']);
    const notApproved = await http(world.url).post(`/api/v1/fairs/${fair}/interview-slots`).set(as(staff[3])).send({ employerId: employers[3], startsAt: `${SLOT_DAY}T10:00:00+08:00`, endsAt: `${SLOT_DAY}T10:30:00+08:00` });
    expect(notApproved.body.code).toBe('JOB_FAIR_EMPLOYER_NOT_APPROVED');
    const a = await slot(0, '10:00', '10:30');
    const b = await slot(1, '10:15', '10:45');
    const c = await slot(1, '11:00', '11:30');
    const d = await slot(0, '13:00', '13:30');
    const e = await slot(2, '13:10', '13:40');

    const rush = await Promise.all(seekers().slice(0, 10).map((s) => http(world.url).post(`/api/v1/fair-interview-slots/${a}/booking`).set(as(s))));
    expect(rush.filter((r) => r.status === 200)).toHaveLength(1);
    expect(rush.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(9).fill('JOB_FAIR_SLOT_TAKEN'));
    const winner = seekers()[rush.findIndex((r) => r.status === 200)];
    const clash = await http(world.url).post(`/api/v1/fair-interview-slots/${b}/booking`).set(as(winner));
    expect([clash.status, clash.body.code]).toEqual([409, 'JOB_FAIR_SLOT_CLASH']);
    expect((await http(world.url).post(`/api/v1/fair-interview-slots/${c}/booking`).set(as(winner))).status).toBe(200);

    // One seeker asking for two overlapping slots at once gets one of them.
    const both = await Promise.all([d, e].map((id) => http(world.url).post(`/api/v1/fair-interview-slots/${id}/booking`).set(as(seekers()[15]))));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('JOB_FAIR_SLOT_CLASH');
    expect((await http(world.url).post(`/api/v1/fair-interview-slots/${a}/booking`).set(as(outsider))).body.code).toBe('JOB_FAIR_NOT_REGISTERED');

    const list = (await http(world.url).get(`/api/v1/fairs/${fair}/interview-slots`)).body as { id: number; booked: boolean }[];
    expect(list.filter((s) => s.booked).map((s) => s.id).sort()).toEqual([a, c, both[0].status === 200 ? d : e].sort());
    expect(list[0]).not.toHaveProperty('bookedBy');
    expect((await http(world.url).delete(`/api/v1/fair-interview-slots/${a}/booking`).set(as(seekers()[29]))).status).toBe(404);
    expect((await http(world.url).delete(`/api/v1/fair-interview-slots/${a}/booking`).set(as(winner))).status).toBe(204);
    expect((await http(world.url).post(`/api/v1/fair-interview-slots/${b}/booking`).set(as(winner))).status).toBe(200);

    // A slot that has begun is no longer booked.
    const soon = Date.now() + 1_500;
    const begun = (await post(world.url, `/api/v1/fairs/${fair}/interview-slots`, staff[2].token, { employerId: employers[2], startsAt: new Date(soon), endsAt: new Date(soon + 1_200_000) })).id;
    await waitFor('the slot to begin', async () => Date.now() > soon + 50, 5_000, 50);
    const late = await http(world.url).post(`/api/v1/fair-interview-slots/${begun}/booking`).set(as(seekers()[16]));
    expect([late.status, late.body.code]).toEqual([409, 'JOB_FAIR_SLOT_PAST']);
  });

  it('shows a seeker their own bookings with the employer and the times, and the employer’s staff alone who booked', async () => {
    const [me, other] = [seekers()[20], seekers()[21]];
    const publish = async (by: number, start: string, end: string) =>
      (await post(world.url, `/api/v1/fairs/${fair}/interview-slots`, staff[by].token, { employerId: employers[by], startsAt: `${SLOT_DAY2}T${start}:00+08:00`, endsAt: `${SLOT_DAY2}T${end}:00+08:00` })).id as number;
    const x = await publish(0, '09:00', '09:30');
    const y = await publish(1, '09:15', '09:45');
    const z = await publish(0, '10:00', '10:30');
    const mine = async (p: Person) => {
      const res = await http(world.url).get(`/api/v1/fairs/${fair}/interview-slots/mine`).set(as(p));
      expect(res.status).toBe(200);
      return res.body as { id: number }[];
    };
    const book = (p: Person, id: number) => http(world.url).post(`/api/v1/fair-interview-slots/${id}/booking`).set(as(p));
    expect(await mine(me)).toEqual([]);

    expect((await book(me, x)).status).toBe(200);
    expect(await mine(me)).toEqual([
      { id: x, eventId: fair, employerId: employers[0], employerName: '杭州精工数控机床有限公司', startsAt: `${SLOT_DAY2}T01:00:00.000Z`, endsAt: `${SLOT_DAY2}T01:30:00.000Z`, booked: true },
    ]);
    expect(await mine(other)).toEqual([]);
    // A second seeker is refused the slot, which stays the first one's; so is an overlapping one.
    const taken = await book(other, x);
    expect([taken.status, taken.body.code]).toEqual([409, 'JOB_FAIR_SLOT_TAKEN']);
    expect(await mine(other)).toEqual([]);
    const clash = await book(me, y);
    expect([clash.status, clash.body.code]).toEqual([409, 'JOB_FAIR_SLOT_CLASH']);
    expect((await mine(me)).map((s) => s.id)).toEqual([x]);

    // The employer's staff see who booked, the mobile masked; another employer's staff are refused.
    const mobile: string = (await http(world.url).get(`/api/v1/users/${me.id}/profile`).set(as(me))).body.mobile;
    const own = await http(world.url).get(`/api/v1/fairs/${fair}/interview-slots/own`).query({ employerId: employers[0] }).set(as(staff[0]));
    expect(own.status).toBe(200);
    expect(own.body.every((s: { employerId: number }) => s.employerId === employers[0])).toBe(true);
    expect(own.body.find((s: { id: number }) => s.id === x)).toMatchObject({ booked: true, bookerName: me.realName, bookerMobile: `${mobile.slice(0, 3)}****${mobile.slice(-4)}` });
    expect(own.body.find((s: { id: number }) => s.id === z)).toMatchObject({ booked: false, bookerName: null, bookerMobile: null });
    const stranger = await http(world.url).get(`/api/v1/fairs/${fair}/interview-slots/own`).query({ employerId: employers[0] }).set(as(staff[1]));
    expect([stranger.status, stranger.body.code]).toEqual([403, 'JOB_FAIR_NOT_EMPLOYER_STAFF']);
    const everyone = (await http(world.url).get(`/api/v1/fairs/${fair}/interview-slots`)).body;
    expect(everyone.find((s: { id: number }) => s.id === x)).not.toHaveProperty('bookerName');

    // Given back, it is no longer the seeker's, and the other one may have it.
    expect((await http(world.url).delete(`/api/v1/fair-interview-slots/${x}/booking`).set(as(me))).status).toBe(204);
    expect(await mine(me)).toEqual([]);
    expect((await book(other, x)).status).toBe(200);
    expect((await mine(other)).map((s) => s.id)).toEqual([x]);
    const missing = await http(world.url).get('/api/v1/fairs/999999999/interview-slots/mine').set(as(me));
    expect(missing.status).toBe(404);
  });
});
