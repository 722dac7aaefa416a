import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { excel } from '@app/common';
import type ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { type FairCounts, type FairRates, fairRates, positionsOffered } from './domain';
import { EmployersService } from './employers.service';

export interface FairFiguresView {
  eventId: number;
  eventName: string;
  counts: FairCounts & { postings: number; notFixedPostings: number };
  rates: FairRates;
}

/** Stages on the forward path at or after each one: an application rejected after its interview still counts as interviewed. */
const REACHED = {
  screened: ['screened', 'interviewing', 'offered', 'hired'],
  interviewed: ['interviewing', 'offered', 'hired'],
  offered: ['offered', 'hired'],
} as const;

/**
 * A fair's figures as the unions report them: employers taking part (approved), positions offered
 * (sum of approved headcounts, "not fixed" apart), seekers (unique people registered), visits (booth
 * scans), CVs delivered (applications with a CV shared), applications, how many reached each
 * stage, intentions reached (达成意向) and hires, with conversion rates. A read port: other
 * contexts and the organizer's pages ask it rather than the tables.
 */
@Injectable()
export class FairFigures {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
  ) {}

  async figures(principal: Principal, eventId: number): Promise<FairFiguresView> {
    const fair = await this.employers.assertOrganizer(principal, eventId);
    return this.of(eventId, fair.name);
  }

  async of(eventId: number, eventName: string): Promise<FairFiguresView> {
    await this.employers.fair(eventId);
    const counts = await this.ofFairs([eventId]);
    return { eventId, eventName, counts, rates: fairRates(counts) };
  }

  /**
   * The figures of several fairs together, for the reports per organisation subtree and year: the
   * same counts as one fair's, summed, except seekers, which are the unique people registered for
   * any of them (a worker who went to two fairs is one seeker). No fairs: every count zero.
   */
  async ofFairs(eventIds: readonly number[]): Promise<FairCounts & { postings: number; notFixedPostings: number }> {
    if (eventIds.length === 0) {
      return { employers: 0, positions: 0, postings: 0, notFixedPostings: 0, seekers: 0, visits: 0, cvsDelivered: 0, applications: 0, screened: 0, interviewed: 0, offered: 0, hired: 0, intentions: 0 };
    }
    const ids = [...eventIds];
    const q = async (sql: string, params: unknown[] = [ids]) => Number((await this.dataSource.query(sql, params))[0].n);
    const apps = 'FROM fair_applications a JOIN fair_positions p ON p.id = a.position_id WHERE p.event_id IN (?)';
    const reached = (stages: readonly string[]) =>
      q(`SELECT COUNT(DISTINCT h.application_id) AS n FROM fair_application_history h JOIN fair_applications a ON a.id = h.application_id
           JOIN fair_positions p ON p.id = a.position_id WHERE p.event_id IN (?) AND h.to_stage IN (?)`, [ids, stages]);
    const approved = (await this.dataSource.query(`SELECT headcount FROM fair_positions WHERE event_id IN (?) AND status = 'approved'`, [ids])) as { headcount: number | null }[];
    const offered = positionsOffered(approved.map((r) => ({ status: 'approved' as const, headcount: r.headcount === null ? ('not_fixed' as const) : Number(r.headcount) })));
    return {
      // An employer at two fairs is counted at each, as each fair's report counts it.
      employers: await q(`SELECT COUNT(*) AS n FROM fair_participations WHERE event_id IN (?) AND status = 'approved'`),
      positions: offered.positions,
      postings: approved.length,
      notFixedPostings: offered.notFixedPostings,
      seekers: await q('SELECT COUNT(DISTINCT user_id) AS n FROM fair_seekers WHERE event_id IN (?)'),
      visits: await q(`SELECT COUNT(*) AS n ${apps} AND a.source = 'booth_scan'`),
      cvsDelivered: await q(`SELECT COUNT(*) AS n ${apps} AND a.cv_id IS NOT NULL`),
      applications: await q(`SELECT COUNT(*) AS n ${apps}`),
      screened: await reached(REACHED.screened),
      interviewed: await reached(REACHED.interviewed),
      offered: await reached(REACHED.offered),
      hired: await q(`SELECT COUNT(*) AS n ${apps} AND a.stage = 'hired'`),
      intentions: await q(`SELECT COUNT(*) AS n ${apps} AND a.intention_reached = 1`),
    };
  }

  /** The same figures as an .xlsx for the unions' report: one sheet, a row per figure. */
  async workbook(principal: Principal, eventId: number): Promise<{ fileName: string; localName: string; body: Buffer }> {
    const f = await this.figures(principal, eventId);
    const body = await figuresWorkbook(`${f.eventName} 数据统计`, f.counts, f.rates);
    return { fileName: `job-fair-${eventId}-figures.xlsx`, localName: `${f.eventName}-数据统计.xlsx`, body };
  }
}

/**
 * Job fair figures as a workbook, one sheet 招聘会数据 with a row per figure and the rates as
 * percentages: one fair's, or the fairs of an organisation subtree and year summed.
 */
export async function figuresWorkbook(title: string, c: FairCounts & { postings: number; notFixedPostings: number }, r: FairRates): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.title = title;
  const sheet = wb.addWorksheet('招聘会数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 28 }, { width: 14 }];
  sheet.addRow(['指标', '数值']).font = { bold: true };
  const rows: [string, number | null][] = [
    ['参会用人单位（家）', c.employers],
    ['发布岗位（个）', c.postings],
    ['提供就业岗位（人）', c.positions],
    ['招聘人数不限的岗位（个）', c.notFixedPostings],
    ['进场求职者（人）', c.seekers],
    ['展位扫码（人次）', c.visits],
    ['投递简历（份）', c.cvsDelivered],
    ['求职申请（份）', c.applications],
    ['通过筛选', c.screened],
    ['参加面试', c.interviewed],
    ['发出录用意向', c.offered],
    ['达成意向（人）', c.intentions],
    ['录用（人）', c.hired],
  ];
  for (const row of rows) sheet.addRow(row);
  const rate = (label: string, v: number | null) => {
    const row = sheet.addRow([label, v]);
    row.getCell(2).numFmt = '0.0%';
  };
  rate('筛选通过率（筛选/简历）', r.screenedPerCv);
  rate('达成意向率（意向/申请）', r.intentionsPerApplication);
  rate('录用率（录用/申请）', r.hiredPerApplication);
  rate('岗位满足率（录用/岗位）', r.hiredPerPosition);
  const written = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(written) ? written : Buffer.from(written);
}
