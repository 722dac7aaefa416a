import 'reflect-metadata';
import { EventsService } from '@app/events';
import { OrganisationsService, passwordProblem, type Principal, type Role, UsersService } from '@app/identity';
import { ApplicationsService, creditCodeCheckChar, EmployersService, organizationCodeCheckChar, PositionsService, SeekersService } from '@app/job-fair';
import { ProfilesService, RegistrationService, RegistrationSettingsService, residentIdCheckChar } from '@app/registration';
import { ScoreSheetsService, ScoringService, SheetSubmissionService } from '@app/scoring';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedHiking } from './seed-hiking';
import { seedMatchesDemo } from './seed-matches';
import { SeedModule } from './seed.module';
import { type Credential, credentialLines } from './start-banner';

export const DEMO_SCHEME = {
  kind: 'judge-panel',
  marks: { min: 0, max: 100, maxDecimals: 2 },
  criteria: [{ key: '总分', label: '实操总分', aggregate: 'mean', drop: { highest: 1, lowest: 1 } }],
  rounding: { digits: 2, mode: 'half-up' },
};

/**
 * Random passwords unless DEMO_PASSWORD is set (local demos and the README's
 * curl replay); it must pass the password rule and is refused in production.
 */
function password(): string {
  const fixed = process.env.DEMO_PASSWORD;
  if (!fixed) return randomBytes(12).toString('base64url');
  if (passwordProblem(fixed, [])) throw new Error('DEMO_PASSWORD is too easy to guess: at least 10 characters, e.g. a few unrelated words');
  if (process.env.NODE_ENV === 'production') throw new Error('DEMO_PASSWORD is for local demos; it is refused in production');
  return fixed;
}

/** Seeds the demo on an empty database; returns the credentials, or null when there was data already. */
export async function seedDemo(app: INestApplicationContext): Promise<Credential[] | null> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM organisations');
  if (Number(n) > 0) return null;

  const orgs = app.get(OrganisationsService);
  const users = app.get(UsersService);
  const city = await orgs.createRoot('杭州市总工会');
  const credentials: Credential[] = [];
  const addUser = async (username: string, realName: string, role: Role, org: { id: number; name: string }) => {
    const pw = password();
    const user = await users.create('system', { username, password: pw, realName, roles: [{ organisationId: org.id, role }] });
    credentials.push({ username, password: pw, realName, role, organisation: org.name });
    return user;
  };
  const admin = await addUser('admin', '陈建国', 'admin', city);
  const asAdmin: Principal = { userId: admin.id, username: admin.username, roles: admin.roles };

  const gongshu = await orgs.create(asAdmin, { name: '拱墅区总工会', kind: 'district', parentId: city.id });
  const xihu = await orgs.create(asAdmin, { name: '西湖区总工会', kind: 'district', parentId: city.id });
  const turbine = await orgs.create(asAdmin, { name: '杭州汽轮动力集团有限公司工会', kind: 'enterprise', parentId: gongshu.id });
  const express = await orgs.create(asAdmin, { name: '顺丰速运拱墅分部工会', kind: 'enterprise', parentId: gongshu.id });
  const canal = await orgs.create(asAdmin, { name: '杭州大运河文化发展有限公司工会', kind: 'enterprise', parentId: gongshu.id });
  await orgs.create(asAdmin, { name: '西湖龙井茶业集团工会', kind: 'enterprise', parentId: xihu.id });

  const organizer = await addUser('organizer', '王丽华', 'organizer', gongshu);
  const judges = [
    await addUser('judge1', '张志强', 'judge', gongshu),
    await addUser('judge2', '李慧敏', 'judge', gongshu),
    await addUser('judge3', '赵国栋', 'judge', gongshu),
  ];
  await addUser('leader', '周建平', 'delegation_leader', turbine);
  const employerStaff = await addUser('employer', '孙晓燕', 'employer', canal);
  const staff = await addUser('staff1', '陆晓峰', 'checkpoint_staff', gongshu);
  const contestants = [
    await addUser('contestant1', '刘洋', 'contestant', turbine),
    await addUser('contestant2', '黄晓明', 'contestant', turbine),
    await addUser('contestant3', '吴静', 'contestant', express),
    await addUser('contestant4', '郑浩', 'contestant', express),
    await addUser('contestant5', '冯雪梅', 'contestant', canal),
    await addUser('contestant6', '何志伟', 'contestant', canal),
  ];

  // One skill competition in progress: registration done, judges seated, half the field marked.
  const asOrganizer: Principal = { userId: organizer.id, username: organizer.username, roles: organizer.roles };
  const events = app.get(EventsService);
  const scoring = app.get(ScoringService);
  const sheets = app.get(ScoreSheetsService);
  const registration = app.get(RegistrationService);
  const event = await events.create(asOrganizer, {
    organisationId: gongshu.id,
    kind: 'skill_competition',
    name: '2026年拱墅区职工数控车工技能竞赛',
    startsOn: '2026-11-28',
    endsOn: '2026-11-29',
  });
  const item = await events.addItem(asOrganizer, event.id, '数控车工（职工组）');
  await scoring.setScheme(asOrganizer, item.id, DEMO_SCHEME);
  await events.move(asOrganizer, event.id, 'registration_open');
  const profiles = app.get(ProfilesService);
  const male = [true, true, false, true, false, true];
  for (const [i, c] of contestants.entries()) {
    await profiles.save(asOrganizer, c.id, {
      // Sequence digit odd for men, even for women, as in a real ID number.
      residentId: demoResidentId('330105', `19${80 + i}0${i + 1}1${i}`, 100 + i * 2 + (male[i] ? 1 : 0)),
      mobile: `1380571${String(1000 + i).padStart(4, '0')}`,
      unionMemberNo: `GH3301050${String(i + 1).padStart(5, '0')}`,
    });
  }
  await app.get(RegistrationSettingsService).configureEvent(asOrganizer, event.id, { autoApprove: true, bibPrefix: 'SK', capacity: 60 });
  const entries: { id: number }[] = [];
  for (const c of contestants) entries.push(await registration.register({ userId: c.id, username: c.username, roles: c.roles }, item.id, {}));
  await events.move(asOrganizer, event.id, 'registration_closed');
  await events.move(asOrganizer, event.id, 'in_progress');
  for (const [i, j] of judges.entries()) await scoring.assignJudge(asOrganizer, item.id, { userId: j.id, chief: i === 0 });
  const demoMarks = [
    ['88.5', '91', '86'],
    ['79', '82.5', '80'],
    ['93', '90.5', '95'],
  ];
  // Each judge fills in and submits their sheet; the results count submitted sheets.
  for (const [j, judge] of judges.entries()) {
    const asJudge = { userId: judge.id, username: judge.username, roles: judge.roles };
    const marks = demoMarks.map((row, e) => ({ entryId: entries[e].id, value: row[j] }));
    const sheet = await sheets.save(asJudge, item.id, judge.id, { version: 0, marks });
    await app.get(SheetSubmissionService).submit(asJudge, item.id, judge.id, sheet.version);
  }
  const principal = (u: { id: number; username: string; roles: Principal['roles'] }): Principal => ({ userId: u.id, username: u.username, roles: u.roles });
  await seedHiking(app, asOrganizer, gongshu.id, principal(staff), contestants.map(principal));
  await seedJobFair(app, asOrganizer, gongshu.id, employerStaff, contestants);
  await seedMatchesDemo(app, organizer, judges[0], gongshu.id, contestants);
  return credentials;
}

/** A valid unified social credit code (GB 32100) of a Hangzhou company: region 330105, an organisation code and both check characters. */
export function demoCreditCode(org8: string): string {
  const first17 = `91330105${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + creditCodeCheckChar(first17);
}

type DemoUser = { id: number; username: string; roles: Principal['roles'] };

/**
 * A job fair of the district: three employers approved with booths, their postings approved (one
 * sent back for a gender and age limit), three union members registered, one application moved on.
 */
async function seedJobFair(app: INestApplicationContext, asOrganizer: Principal, districtId: number, staffUser: DemoUser, seekers: DemoUser[]): Promise<void> {
  const events = app.get(EventsService);
  const employers = app.get(EmployersService);
  const positions = app.get(PositionsService);
  const asStaff: Principal = { userId: staffUser.id, username: staffUser.username, roles: staffUser.roles };
  const fair = await events.create(asOrganizer, { organisationId: districtId, kind: 'job_fair', name: '2026年拱墅区“春风行动”职工专场招聘会', startsOn: '2026-12-12', endsOn: '2026-12-12' });
  const companies = [
    { name: '杭州汽轮动力集团有限公司', org8: '14304325', industry: '制造业' },
    { name: '浙江运河物流有限公司', org8: '25410018', industry: '物流' },
    { name: '杭州大运河文化发展有限公司', org8: '32760452', industry: '文化旅游' },
  ];
  const ids: number[] = [];
  for (const [i, c] of companies.entries()) {
    const employer = await employers.register(asStaff, { name: c.name, creditCode: demoCreditCode(c.org8), district: '拱墅区', industry: c.industry });
    const p = await employers.apply(asStaff, fair.id, employer.id);
    await employers.decide(asOrganizer, p.id, 'approve');
    await employers.assignBooth(asOrganizer, p.id, '运河会展中心1号馆', `A-0${i + 1}`);
    ids.push(employer.id);
  }
  const postings = [
    { by: 0, title: '数控车床操作工', headcount: 5, salaryPeriod: 'month', salaryMin: 8000, salaryMax: 12000, industry: '制造业', education: '中专', description: '操作数控车床加工汽轮机叶片及轴类零件，能看懂机械图纸。' },
    { by: 0, title: '低压电工（持证）', headcount: 3, salaryPeriod: 'month', salaryMin: 6500, salaryMax: 9000, industry: '制造业', education: '中专', description: '负责厂区低压配电设备的巡检与维修，持特种作业操作证。' },
    { by: 0, title: '设备维修技师', headcount: 2, salaryPeriod: 'year', salaryMin: 120000, salaryMax: 168000, industry: '制造业', education: '大专', description: '维修数控加工中心与生产线设备，持电工证者优先。' },
    { by: 1, title: '叉车司机', headcount: 'not_fixed', salaryPeriod: 'negotiable', industry: '物流', education: '初中', description: '持N1叉车证，服从仓库排班，提供住宿。' },
    { by: 1, title: '仓库管理员', headcount: 2, salaryPeriod: 'month', salaryMin: 5500, salaryMax: 7000, industry: '物流', education: '高中', description: '负责货物出入库登记与盘点，熟练使用电脑。' },
    { by: 2, title: '运河讲解员', headcount: 4, salaryPeriod: 'month', salaryMin: 5000, salaryMax: 7500, industry: '文化旅游', education: '大专', description: '为游客讲解大运河历史文化，普通话二级甲等以上。' },
    { by: 2, title: '活动策划专员', headcount: 1, salaryPeriod: 'month', salaryMin: 7000, salaryMax: 10000, industry: '文化旅游', education: '本科', description: '策划运河文化节及职工文体活动。' },
  ] as const;
  const created: number[] = [];
  for (const p of postings) {
    const { by, ...body } = p;
    const posting = await positions.create(asStaff, fair.id, { ...body, employerId: ids[by] });
    await positions.review(asOrganizer, posting.id, 'approve');
    created.push(posting.id);
  }
  // Sent back: the reviewer saw the highlighted 限男性 and 35岁以下 (Employment Promotion Law).
  const flagged = await positions.create(asStaff, fair.id, { employerId: ids[1], title: '装卸工', headcount: 6, salaryPeriod: 'month', salaryMin: 6000, salaryMax: 8000, industry: '物流', description: '限男性，35岁以下，能适应夜班。' });
  await positions.review(asOrganizer, flagged.id, 'refuse', '含性别、年龄限制，请修改后重新提交');
  const seekersService = app.get(SeekersService);
  for (const s of seekers.slice(0, 3)) await seekersService.register({ userId: s.id, username: s.username, roles: s.roles }, fair.id);
  const first: Principal = { userId: seekers[0].id, username: seekers[0].username, roles: seekers[0].roles };
  const application = await app.get(ApplicationsService).apply(first, created[0], undefined, false);
  await app.get(ApplicationsService).changeStage(asStaff, application.id, 'screened', '持数控车工中级证书');
}

/** A valid 18-character resident ID for demo people: region, birth date, sequence (odd = male) and its checksum (GB 11643). */
export function demoResidentId(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** Seeds the demo on an empty database; the credentials when it did, else null (the passwords exist nowhere else). */
export async function runSeed(): Promise<Credential[] | null> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    return await seedDemo(app);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  runSeed()
    .then((credentials) => {
      if (!credentials) return console.log('seed: the database already has data; nothing seeded');
      console.log('演示数据已创建。以下账号密码只显示这一次 (demo accounts; passwords are shown only now):');
      console.log(credentialLines(credentials).join('\n'));
    })
    .catch((err) => {
      console.error(`seed: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
