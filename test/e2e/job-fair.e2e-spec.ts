import type { DataSource } from 'typeorm';
import { creditCode } from './support/job-fair';
import { openDatabase } from './support/stack';
import { adminToken, bearer, buildWorld, http, login, type Person, post, type World } from './support/world';

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
  const employers: number[] = [];
  const participations: number[] = [];
  const positions = {} as Record<Key, number>;
  const seq = Math.floor(Math.random() * 80_000_000);

  beforeAll(async () => {
    ds = await openDatabase();
    world = await buildWorld({ judges: 0, contestants: 0 });
    const admin = await adminToken(world.url);
    // Employer staff hold the employer role; which employer they act for is the job fair's own record.
    staff = [];
    for (let i = 0; i < 4; i++) {
      const username = `hr${i}-${world.tag}`;
      const user = await post(world.url, '/api/v1/users', admin, { username, password: PASSWORD, realName: `人事${i}`, roles: [{ organisationId: world.district.id, role: 'employer' }] });
      staff.push({ id: user.id, username, realName: `人事${i}`, token: await login(username, PASSWORD, world.url) });
    }
    fair = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'job_fair', name: `2026年春风行动专场招聘会-${world.tag}` })).id;
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

  it('sorts by salary with negotiable last and pages', async () => {
    const all = await search({ sort: 'salary', pageSize: 100 });
    expect(all.total).toBe(9);
    expect(keys(all)).toEqual(['programmer', 'cnc', 'fitter', 'welder', 'electrician', 'store', 'service', 'clerk', 'forklift']);
    const pages = [await search({ sort: 'salary', pageSize: 4, page: 1 }), await search({ sort: 'salary', pageSize: 4, page: 2 }), await search({ sort: 'salary', pageSize: 4, page: 3 })];
    expect(pages.flatMap(keys)).toEqual(keys(all));
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9]);
  });
});
