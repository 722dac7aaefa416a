import { inTransaction } from '@app/database';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import {
  assertHeadcount,
  assertSalaryFilter,
  type Headcount,
  facetExpression,
  facetTokens,
  indexTokens,
  keywordTerms,
  monthlySalary,
  positionsOffered,
  type PositionsOffered,
  type Salary,
  type SalaryPeriod,
  type ScreeningSpan,
  screenPosting,
  searchExpression,
} from './domain';
import { EmployersService } from './employers.service';
import { FairPosition, type PositionStatus } from './fair-position.entity';
import { JobFairError, JobFairErrorCode, rule } from './job-fair-error';

export interface NewPosition {
  employerId: number;
  title: string;
  headcount: Headcount;
  /** 'negotiable' (面议) or a range per month or per year in whole yuan. */
  salaryPeriod: SalaryPeriod | 'negotiable';
  salaryMin?: number;
  salaryMax?: number;
  district?: string;
  industry?: string;
  education?: string;
  experience?: string;
  description: string;
  tags?: string[];
}

export interface PositionView {
  id: number;
  eventId: number;
  employerId: number;
  employerName: string;
  title: string;
  headcount: Headcount;
  salaryPeriod: SalaryPeriod | 'negotiable';
  salaryMin: number | null;
  salaryMax: number | null;
  salaryMonthlyMin: number | null;
  salaryMonthlyMax: number | null;
  district: string | null;
  industry: string | null;
  education: string | null;
  experience: string | null;
  description: string;
  tags: string[];
  status: PositionStatus;
  refusalReason: string | null;
  hired: number;
  /** Only for reviewers and the employer: the terms a public fair may not publish. */
  screening?: ScreeningSpan[];
  /** Search only: whether the keyword is in the title. */
  titleMatch?: boolean;
}

export interface PositionSearch {
  q?: string;
  salaryMin?: number;
  salaryMax?: number;
  district?: string;
  industry?: string;
  education?: string;
  sort?: 'relevance' | 'salary';
  page?: number;
  pageSize?: number;
}

/** A value of a search filter, and how many approved postings of the fair carry it. */
export interface FilterValue {
  value: string;
  count: number;
}

export interface SearchPage {
  total: number;
  page: number;
  pageSize: number;
  items: PositionView[];
}

const MAX_QUERY = 50;

/** Postings of employers at fairs: written by the employer, approved by the organizer, searched by seekers. */
@Injectable()
export class PositionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(FairPosition) private readonly positions: Repository<FairPosition>,
    private readonly employers: EmployersService,
  ) {}

  /** A posting of an employer approved for the fair; pending until the organizer approves it. */
  async create(principal: Principal, eventId: number, input: NewPosition): Promise<PositionView> {
    await this.employers.fair(eventId);
    await this.employers.assertStaff(principal, input.employerId);
    rule(() => assertHeadcount(input.headcount));
    const salary = toSalary(input);
    const monthly = rule(() => monthlySalary(salary));
    const tags = input.tags ?? [];
    // Employment Promotion Law arts. 3, 27–31: the reviewer sees the terms a public fair may not publish.
    const screening = screenPosting(`${input.title}\n${input.description}\n${tags.join(' ')}`);
    const id = await inTransaction(this.dataSource, async (m) => {
      if (!(await this.employers.approved(m, eventId, input.employerId))) {
        throw new JobFairError('unprocessable', JobFairErrorCode.EmployerNotApproved, '该用人单位未获准参加本场招聘会，不能发布岗位', { field: 'employerId' });
      }
      const saved = await m.save(
        m.create(FairPosition, {
          eventId,
          employerId: input.employerId,
          title: input.title,
          headcount: input.headcount === 'not_fixed' ? null : input.headcount,
          salaryPeriod: salary.kind === 'range' ? salary.period : null,
          salaryMin: salary.kind === 'range' ? salary.min : null,
          salaryMax: salary.kind === 'range' ? salary.max : null,
          salaryMonthlyMin: monthly?.min ?? null,
          salaryMonthlyMax: monthly?.max ?? null,
          district: input.district ?? null,
          industry: input.industry ?? null,
          education: input.education ?? null,
          experience: input.experience ?? null,
          description: input.description,
          tags,
          status: 'pending',
          screening,
          searchTitle: indexTokens(input.title),
          searchBody: `${indexTokens(`${input.title} ${input.description} ${tags.join(' ')}`)} ${facetTokens({ industry: input.industry, district: input.district, education: input.education, monthly })}`,
        }),
      );
      return saved.id;
    });
    return this.view(id, true);
  }

  /** The organizer's review list: pending postings with their highlighted terms. */
  async pending(principal: Principal, eventId: number): Promise<PositionView[]> {
    await this.employers.assertOrganizer(principal, eventId);
    const rows = await this.positions.find({ where: { eventId, status: 'pending' }, relations: { employer: true }, order: { id: 'ASC' } });
    return rows.map((p) => toView(p, true));
  }

  /** An employer's own postings at a fair, in every status. */
  async ofEmployer(principal: Principal, eventId: number, employerId: number): Promise<PositionView[]> {
    await this.employers.assertStaff(principal, employerId);
    const rows = await this.positions.find({ where: { eventId, employerId }, relations: { employer: true }, order: { id: 'ASC' } });
    return rows.map((p) => toView(p, true));
  }

  async review(principal: Principal, positionId: number, decision: 'approve' | 'refuse', reason?: string): Promise<PositionView> {
    const p = await this.positions.findOneBy({ id: positionId });
    if (!p) throw new JobFairError('not_found', JobFairErrorCode.PositionNotFound, `岗位不存在：${positionId}`);
    await this.employers.assertOrganizer(principal, p.eventId);
    const why = reason?.trim() || null;
    if (decision === 'refuse' && !why) throw new JobFairError('invalid', JobFairErrorCode.ReasonRequired, '退回岗位须填写原因 reason', { field: 'reason' });
    const res = await this.positions.update(
      { id: positionId, status: 'pending' },
      { status: decision === 'approve' ? 'approved' : 'refused', refusalReason: decision === 'refuse' ? why : null },
    );
    if (!res.affected) throw new JobFairError('conflict', JobFairErrorCode.PositionReviewed, '该岗位已审核', { status: p.status });
    return this.view(positionId, true);
  }

  /**
   * The districts and industries a fair's approved postings name, with how many name each: the
   * seekers' filters offer these, so a filter is picked, never guessed and misspelt.
   */
  async filters(eventId: number): Promise<{ districts: FilterValue[]; industries: FilterValue[] }> {
    await this.employers.fair(eventId);
    const rows: { facet: 'district' | 'industry'; value: string; n: number }[] = await this.dataSource.query(
      `SELECT 'district' AS facet, district AS value, COUNT(*) AS n FROM fair_positions WHERE event_id = ? AND status = 'approved' AND district IS NOT NULL GROUP BY district
       UNION ALL
       SELECT 'industry', industry, COUNT(*) FROM fair_positions WHERE event_id = ? AND status = 'approved' AND industry IS NOT NULL GROUP BY industry
       ORDER BY n DESC, value`,
      [eventId, eventId],
    );
    const of = (facet: string) => rows.filter((r) => r.facet === facet).map((r) => ({ value: r.value, count: Number(r.n) }));
    return { districts: of('district'), industries: of('industry') };
  }

  /**
   * Positions offered, as the unions' reports count them: the sum of the headcounts of approved
   * postings, with postings whose headcount is not fixed counted apart.
   */
  async offered(eventId: number): Promise<PositionsOffered & { postings: number }> {
    await this.employers.fair(eventId);
    const rows = await this.positions.find({ select: { status: true, headcount: true }, where: { eventId, status: 'approved' } });
    const postings = rows.map((r) => ({ status: r.status, headcount: r.headcount ?? ('not_fixed' as const) }));
    return { ...positionsOffered(postings), postings: rows.length };
  }

  /**
   * Approved postings of a fair by keyword and filters. Relevance puts a title match above a match
   * in the description only, then the higher monthly salary; "salary" sorts by monthly salary alone.
   * Negotiable salaries come last either way, and a salary filter leaves them out (they state no figure).
   */
  async search(eventId: number, s: PositionSearch): Promise<SearchPage> {
    await this.employers.fair(eventId);
    const page = s.page ?? 1;
    const pageSize = s.pageSize ?? 20;
    const filter = { min: s.salaryMin ?? null, max: s.salaryMax ?? null };
    rule(() => assertSalaryFilter(filter));
    const where: string[] = ['p.event_id = ?', "p.status = 'approved'"];
    const params: unknown[] = [eventId];
    let titleMatch = '0';
    const titleParams: unknown[] = [];
    if (s.q?.trim()) {
      if ([...s.q].length > MAX_QUERY) throw new JobFairError('invalid', JobFairErrorCode.QueryTooLong, `关键词 q 不能超过 ${MAX_QUERY} 个字`, { field: 'q' });
      const expr = searchExpression(s.q);
      if (expr === null) return { total: 0, page, pageSize, items: [] };
      // The filters as facet terms too: the index intersects them instead of the server fetching every keyword hit.
      const facets = facetExpression({ industry: s.industry, district: s.district, education: s.education, window: filter });
      where.push('MATCH(p.search_body) AGAINST (? IN BOOLEAN MODE)');
      params.push(`${expr} ${facets}`.trim());
      // A title match, read from the row's short title tokens rather than a second index lookup.
      const terms = keywordTerms(s.q);
      titleMatch = terms.map(() => "LOCATE(?, CONCAT(' ', p.search_title, ' ')) > 0").join(' AND ');
      titleParams.push(...terms.map((t) => (t.prefix ? ` ${t.token}` : ` ${t.token} `)));
    }
    // Overlap, ends included (domain/salary.ts salaryOverlaps).
    if (filter.min !== null) where.push('p.salary_monthly_max >= ?'), params.push(filter.min);
    if (filter.max !== null) where.push('p.salary_monthly_min <= ?'), params.push(filter.max);
    for (const [column, value] of [['district', s.district], ['industry', s.industry], ['education', s.education]] as const) {
      if (value) where.push(`p.${column} = ?`), params.push(value);
    }
    const salaryOrder = 'p.salary_monthly_max IS NULL, p.salary_monthly_max DESC, p.salary_monthly_min DESC';
    const order = s.sort === 'salary' ? `${salaryOrder}, p.id` : `title_match DESC, ${salaryOrder}, p.id`;
    // One pass: the total comes with the page (a window over every match, before the LIMIT).
    const rows: { id: number; title_match: number; total: number }[] = await this.dataSource.query(
      `SELECT p.id, (${titleMatch}) AS title_match, COUNT(*) OVER () AS total FROM fair_positions p WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...titleParams, ...params, pageSize, (page - 1) * pageSize],
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && page > 1) {
      // Past the last page: the window saw no row, so count apart.
      [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM fair_positions p WHERE ${where.join(' AND ')}`, params);
    }
    const ids = rows.map((r) => r.id);
    const byId = new Map((ids.length ? await this.positions.find({ where: ids.map((id) => ({ id })), relations: { employer: true } }) : []).map((p) => [p.id, p]));
    const items = rows.map((r) => ({ ...toView(byId.get(r.id)!, false), titleMatch: Number(r.title_match) === 1 }));
    return { total: Number(total), page, pageSize, items };
  }

  /** One approved posting, as seekers read it. */
  async get(positionId: number): Promise<PositionView> {
    const p = await this.positions.findOne({ where: { id: positionId, status: 'approved' }, relations: { employer: true } });
    if (!p) throw new JobFairError('not_found', JobFairErrorCode.PositionNotFound, `岗位不存在：${positionId}`);
    return toView(p, false);
  }

  private async view(id: number, withScreening: boolean): Promise<PositionView> {
    return toView(await this.positions.findOneOrFail({ where: { id }, relations: { employer: true } }), withScreening);
  }
}

function toSalary(input: Pick<NewPosition, 'salaryPeriod' | 'salaryMin' | 'salaryMax'>): Salary {
  if (input.salaryPeriod === 'negotiable') return { kind: 'negotiable' };
  if (input.salaryMin === undefined || input.salaryMax === undefined) {
    const field = input.salaryMin === undefined ? 'salaryMin' : 'salaryMax';
    throw new JobFairError('invalid', JobFairErrorCode.SalaryIncomplete, '薪资范围须同时填写最低 salaryMin 与最高 salaryMax，或选择面议', { field });
  }
  return { kind: 'range', period: input.salaryPeriod, min: input.salaryMin, max: input.salaryMax };
}

function toView(p: FairPosition, withScreening: boolean): PositionView {
  return {
    id: p.id,
    eventId: p.eventId,
    employerId: p.employerId,
    employerName: p.employer?.name ?? '',
    title: p.title,
    headcount: p.headcount ?? 'not_fixed',
    salaryPeriod: p.salaryPeriod ?? 'negotiable',
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    salaryMonthlyMin: p.salaryMonthlyMin,
    salaryMonthlyMax: p.salaryMonthlyMax,
    district: p.district,
    industry: p.industry,
    education: p.education,
    experience: p.experience,
    description: p.description,
    tags: p.tags,
    status: p.status,
    refusalReason: withScreening ? p.refusalReason : null,
    hired: p.hired,
    ...(withScreening ? { screening: p.screening } : {}),
  };
}
