import { performance } from 'node:perf_hooks';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule, freshMigratedDataSource } from '@app/composition';
import { EventsModule } from '@app/events';
import { IdentityModule, type Principal } from '@app/identity';
import { ApplicationsService, facetTokens, indexTokens, JobFairModule, PositionsService } from '@app/job-fair';
import { RedisModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { dbConnection, insertBatches, insertOrgTree, log, percentile, prng, round, runBench, rowsOf, shuffle, TREE } from './bench-support';
import { ensureLocalServices } from './local-services';

/**
 * `npm run bench:fair`: keyword search over a fair's postings, and applications with hires racing.
 *
 *  1. `<DB_NAME>_bench_fair` recreated and migrated, then loaded with SQL: one job fair, 5,000
 *     employers (all approved), 100,000 approved postings with Chinese titles drawn from real job
 *     titles (a trade, a qualifier, a seniority: 低压电工（持证）, 数控车床操作工…) and descriptions
 *     of 40–80 characters; the search and facet tokens are written by the same functions the service uses.
 *     10 industries dealt evenly (an industry filter keeps ~10 %); monthly salaries from 3,000 to
 *     20,000, a tenth negotiable; the FULLTEXT index is written as the rows go in, as the API writes it.
 *  2. Search, 1,000 queries after 100 uncounted warm-ups, through PositionsService.search (the
 *     code the API runs: the page of 20 by the stated order with its total, then the page's rows
 *     with their employers) with a keyword drawn from the titles (two- to four-character words, and now and
 *     then one character such as 电), an industry (~10 %) and a monthly salary window that
 *     overlaps ~30 % of the postings. In the same run, interleaved query by query, the bare
 *     baseline: the same COUNT and page with `title LIKE '%kw%' OR description LIKE '%kw%'` (and the tags,
 *     which the index holds too) and
 *     the same filters and order. Both must find the same number of postings for every query
 *     (the bigram index finds a keyword exactly where it occurs), or the bench fails.
 *  3. 10,000 applications by 100 concurrent clients through ApplicationsService.apply (2,000
 *     registered seekers, 1,000 postings of headcount 1–5, ten applications each); then every
 *     application is moved to hired at once, 100 at a time, through changeStage (the posting's
 *     row lock decides). overhired: hires beyond a posting's headcount, counted from the rows.
 *
 * In-process (a Nest application context with the job fair's module), so the figures are the
 * service and the database, not HTTP. The last stdout line is the JSON summary.
 */

const TRADES = ['电工', '电焊工', '数控车工', '数控铣工', '钳工', '叉车司机', '仓库管理员', '客服专员', '厨师', '保安', '会计', '出纳', '行政文员', '快递员', '装配工', '质检员', '模具工', '水电工', '空调安装工', '电梯维保工', '汽车维修工', '钣金工', '喷漆工', 'machinist', '包装工', '物流调度', '采购专员', '销售代表', '护理员', '保洁员', '育婴师', '养老护理员', '面点师', '西式烹调师', '数控编程员', 'CNC操作员', 'PLC工程师', '电气工程师', '机修工', '锅炉工'];
const QUALIFIERS = ['', '（持证）', '（长白班）', '（两班倒）', '学徒', '（包食宿）', '（五险一金）', '组长', '主管', '（急招）'];
const PLACES = ['拱墅区', '上城区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区'];
const INDUSTRIES = ['制造业', '物流', '建筑业', '餐饮', '零售', '家政服务', '汽车', '能源', '医疗护理', '信息技术'];
const PHRASES = ['负责设备日常巡检与维护', '服从班组安排', '能吃苦耐劳', '有相关工作经验者优先', '公司提供免费工作餐', '按时缴纳社会保险', '节假日按国家规定休息', '提供岗前培训', '工作地点交通便利', '表现优秀者可晋升', '持有特种作业操作证', '熟悉安全操作规程'];
const KEYWORDS = ['电工', '数控', '焊工', '叉车', '客服', '厨师', '保安', '会计', '文员', '快递', '装配', '质检', '模具', '维修', '电梯', '钣金', '包装', '调度', '采购', '销售', '护理', '保洁', '育婴', '面点', '编程', '工程师', '机修', '锅炉', '车工', '铣工', '电', '车', '仓库', '管理员', '操作员', '空调', '养老', '水电'];

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, IdentityModule, EventsModule, JobFairModule] })
class BenchFairModule {}

const EMPLOYERS = 5_000;
const POSITIONS = 100_000;
const QUERIES = 1_000;
const WARMUP = 100;
const APPLICATIONS = 10_000;
const SEEKERS = 2_000;
const HIRING_POSTINGS = 1_000;
const CLIENTS = 100;

async function main(): Promise<number> {
  const base = loadConfig();
  process.env.DB_NAME = `${base.DB_NAME}_bench_fair`;
  const config = loadConfig();
  await ensureLocalServices(config);
  const rand = prng(22);
  log(`bench:fair on ${config.DB_NAME}: loading ${POSITIONS.toLocaleString()} postings of ${EMPLOYERS.toLocaleString()} employers`);
  const ds = await freshMigratedDataSource(config);
  await ds.destroy();
  const conn = await dbConnection(config);
  const t0 = performance.now();
  await insertOrgTree(conn);
  await conn.query("INSERT INTO users (id, username, password_hash, real_name) VALUES (1, 'bench-organizer', 'x', '钱主任')");
  const [ev] = (await conn.query("INSERT INTO events (organisation_id, kind, name, status, created_by) VALUES (?, 'job_fair', '2026年春风行动大型招聘会（压测）', 'registration_open', 1)", [TREE.districtId])) as unknown as [{ insertId: number }];
  const eventId = ev.insertId;
  await insertBatches(conn, 'INSERT INTO fair_employers (id, name, credit_code, district, industry) VALUES ?', Array.from({ length: EMPLOYERS }, (_, i) => [i + 1, `杭州第${i + 1}实业有限公司`, `91330105${String(i).padStart(9, '0')}X`, PLACES[i % PLACES.length], INDUSTRIES[i % INDUSTRIES.length]]));
  await insertBatches(conn, 'INSERT INTO fair_participations (event_id, employer_id, status) VALUES ?', Array.from({ length: EMPLOYERS }, (_, i) => [eventId, i + 1, 'approved']));
  await insertBatches(conn, 'INSERT INTO fair_employer_staff (employer_id, user_id) VALUES ?', Array.from({ length: EMPLOYERS }, (_, i) => [i + 1, 1_000_000 + i + 1]));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const rows: unknown[][] = [];
  for (let i = 0; i < POSITIONS; i++) {
    const title = `${pick(TRADES)}${pick(QUALIFIERS)}`;
    const description = `${pick(PHRASES)}，${pick(PHRASES)}，${pick(PHRASES)}。${pick(PHRASES)}。`;
    const tags = [pick(['五险一金', '包住宿', '年终奖', '双休', '班车'])];
    const negotiable = rand() < 0.1;
    const min = 3000 + Math.floor(rand() * 14) * 1000;
    const max = min + (1 + Math.floor(rand() * 4)) * 1000;
    const employer = (i % EMPLOYERS) + 1;
    // The first postings are the ones hires race on: a headcount of 1–5 each.
    const headcount = i < HIRING_POSTINGS ? 1 + (i % 5) : rand() < 0.1 ? null : 1 + Math.floor(rand() * 20);
    const [district, industry, education] = [pick(PLACES), INDUSTRIES[i % INDUSTRIES.length], pick(['初中', '高中', '中专', '大专', '本科'])];
    const facets = facetTokens({ industry, district, education, monthly: negotiable ? null : { min, max } });
    rows.push([
      eventId, employer, title, headcount,
      negotiable ? null : min, negotiable ? null : max, negotiable ? null : 'month', negotiable ? null : min, negotiable ? null : max,
      district, industry, education, null, description, JSON.stringify(tags), 'approved', '[]',
      indexTokens(title), `${indexTokens(`${title} ${description} ${tags.join(' ')}`)} ${facets}`,
    ]);
  }
  await insertBatches(
    conn,
    'INSERT INTO fair_positions (event_id, employer_id, title, headcount, salary_min, salary_max, salary_period, salary_monthly_min, salary_monthly_max, district, industry, education, experience, description, tags, status, screening, search_title, search_body) VALUES ?',
    rows,
    2000,
  );
  await conn.query('ANALYZE TABLE fair_positions');
  log(`loaded in ${round((performance.now() - t0) / 1000, 1)} s`);

  const app = await NestFactory.createApplicationContext(BenchFairModule, { logger: ['error', 'warn'] });
  try {
    const positions = app.get(PositionsService);
    const applications = app.get(ApplicationsService);
    const dataSource = app.get(DataSource);

    // A salary window overlapping ~30 % of the postings: monthly 15,000–16,000 against ranges of 3–20 k.
    const [{ share }] = await rowsOf<{ share: number }>(conn, 'SELECT AVG(salary_monthly_max >= 15000 AND salary_monthly_min <= 16000) AS share FROM fair_positions');
    const filter = { salaryMin: 15000, salaryMax: 16000 };
    // The same two steps the service takes: the page with its total, then the page's rows.
    const like = async (kw: string, industry: string) => {
      const where = `p.event_id = ? AND p.status = 'approved' AND (p.title LIKE ? OR p.description LIKE ? OR p.tags LIKE ?) AND p.salary_monthly_max >= ? AND p.salary_monthly_min <= ? AND p.industry = ?`;
      const pattern = `%${kw}%`;
      const params = [eventId, pattern, pattern, pattern, filter.salaryMin, filter.salaryMax, industry];
      const rows: { id: number; total: number }[] = await dataSource.query(
        `SELECT p.id, p.title LIKE ? AS title_match, COUNT(*) OVER () AS total FROM fair_positions p WHERE ${where}
          ORDER BY title_match DESC, p.salary_monthly_max IS NULL, p.salary_monthly_max DESC, p.salary_monthly_min DESC, p.id LIMIT 20`,
        [pattern, ...params],
      );
      if (rows.length) await dataSource.query('SELECT p.*, e.name FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id WHERE p.id IN (?)', [rows.map((r) => r.id)]);
      return rows.length ? Number(rows[0].total) : 0;
    };
    const searchMs: number[] = [];
    const likeMs: number[] = [];
    for (let i = 0; i < WARMUP + QUERIES; i++) {
      const kw = pick(KEYWORDS);
      const industry = pick(INDUSTRIES);
      const a = performance.now();
      const page = await positions.search(eventId, { q: kw, industry, ...filter, page: 1, pageSize: 20 });
      const b = performance.now();
      const likeTotal = await like(kw, industry);
      const c = performance.now();
      if (page.total !== likeTotal) throw new Error(`"${kw}" in ${industry}: the index finds ${page.total}, LIKE finds ${likeTotal}`);
      if (i >= WARMUP) searchMs.push(b - a), likeMs.push(c - b);
    }
    searchMs.sort((x, y) => x - y);
    likeMs.sort((x, y) => x - y);
    const searchP95 = round(percentile(searchMs, 0.95), 2);
    const likeP95 = round(percentile(likeMs, 0.95), 2);
    log(`search: p50 ${round(percentile(searchMs, 0.5), 2)} ms, p95 ${searchP95} ms; LIKE baseline: p50 ${round(percentile(likeMs, 0.5), 2)} ms, p95 ${likeP95} ms (salary window keeps ${round(Number(share) * 100, 1)} %)`);

    // Applications: 2,000 seekers registered; each of the 1,000 hiring postings gets ten.
    await insertBatches(conn, 'INSERT INTO fair_seekers (event_id, user_id, organisation_id) VALUES ?', Array.from({ length: SEEKERS }, (_, i) => [eventId, 2_000_000 + i, TREE.firstEnterpriseId]));
    const [{ firstPosting }] = await rowsOf<{ firstPosting: number }>(conn, 'SELECT MIN(id) AS firstPosting FROM fair_positions');
    const work = shuffle(
      Array.from({ length: APPLICATIONS }, (_, i) => ({ positionId: firstPosting + (i % HIRING_POSTINGS), seeker: 2_000_000 + ((Math.floor(i / HIRING_POSTINGS) * 97 + i) % SEEKERS) })),
      rand,
    );
    const seekerOf = (userId: number): Principal => ({ userId, username: `seeker-${userId}`, roles: [{ role: 'contestant', orgId: TREE.firstEnterpriseId, path: `/${TREE.cityId}/${TREE.districtId}/${TREE.firstEnterpriseId}/` }] });
    const ids: number[] = [];
    const pool = async <T>(items: T[], run: (item: T) => Promise<void>) => {
      let next = 0;
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (next < items.length) await run(items[next++]);
      }));
    };
    const ta = performance.now();
    await pool(work, async (w) => {
      ids.push((await applications.apply(seekerOf(w.seeker), w.positionId, undefined, false)).id);
    });
    const applySeconds = (performance.now() - ta) / 1000;
    const applyPerS = round(APPLICATIONS / applySeconds, 1);
    log(`applications: ${APPLICATIONS.toLocaleString()} by ${CLIENTS} clients in ${round(applySeconds, 1)} s (${applyPerS}/s)`);

    // Every application hired at once; the posting's row lock lets each posting's headcount through.
    const staffOf = new Map((await rowsOf<{ id: number; employerId: number }>(conn, 'SELECT a.id, p.employer_id AS employerId FROM fair_applications a JOIN fair_positions p ON p.id = a.position_id')).map((r) => [r.id, r.employerId]));
    let refused = 0;
    const th = performance.now();
    await pool(shuffle([...ids], rand), async (id) => {
      const employerId = staffOf.get(id)!;
      try {
        await applications.changeStage({ userId: 1_000_000 + employerId, username: `hr-${employerId}`, roles: [{ role: 'employer', orgId: TREE.districtId, path: `/${TREE.cityId}/${TREE.districtId}/` }] }, id, 'hired');
      } catch (err) {
        if ((err as { code?: string }).code !== 'JOB_FAIR_NO_OPENINGS_LEFT') throw err;
        refused++;
      }
    });
    const [{ overhired, hired, openings, mismatched }] = await rowsOf<{ overhired: number; hired: number; openings: number; mismatched: number }>(
      conn,
      `SELECT SUM(GREATEST(n - p.headcount, 0)) AS overhired, SUM(n) AS hired, SUM(p.headcount) AS openings, SUM(n <> p.hired) AS mismatched
         FROM fair_positions p JOIN (SELECT position_id, SUM(stage = 'hired') AS n FROM fair_applications GROUP BY position_id) a ON a.position_id = p.id`,
    );
    log(`hires: ${hired} of ${openings} openings taken, ${refused} refused (no openings left) in ${round((performance.now() - th) / 1000, 1)} s; over-hired ${overhired}`);
    if (Number(mismatched) !== 0) throw new Error(`${mismatched} postings count hires other than their rows`);
    log(JSON.stringify({ bench: 'fair', search_p95_ms: searchP95, like_p95_ms: likeP95, apply_per_s: applyPerS, overhired: Number(overhired) }));
    return 0;
  } finally {
    await app.close();
    await conn.end();
  }
}

runBench('bench:fair', '/tmp/bench-fair', main);
