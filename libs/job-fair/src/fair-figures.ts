import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { type FairCounts, type FairRates, fairRates } from './domain';
import { EmployersService } from './employers.service';
import { PositionsService } from './positions.service';

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
    private readonly positions: PositionsService,
  ) {}

  async figures(principal: Principal, eventId: number): Promise<FairFiguresView> {
    const fair = await this.employers.assertOrganizer(principal, eventId);
    return this.of(eventId, fair.name);
  }

  async of(eventId: number, eventName: string): Promise<FairFiguresView> {
    const q = async (sql: string, params: unknown[] = [eventId]) => Number((await this.dataSource.query(sql, params))[0].n);
    const apps = 'FROM fair_applications a JOIN fair_positions p ON p.id = a.position_id WHERE p.event_id = ?';
    const reached = (stages: readonly string[]) =>
      q(`SELECT COUNT(DISTINCT h.application_id) AS n FROM fair_application_history h JOIN fair_applications a ON a.id = h.application_id
           JOIN fair_positions p ON p.id = a.position_id WHERE p.event_id = ? AND h.to_stage IN (?)`, [eventId, stages]);
    const offered = await this.positions.offered(eventId);
    const counts = {
      employers: await q(`SELECT COUNT(*) AS n FROM fair_participations WHERE event_id = ? AND status = 'approved'`),
      positions: offered.positions,
      postings: offered.postings,
      notFixedPostings: offered.notFixedPostings,
      seekers: await q('SELECT COUNT(DISTINCT user_id) AS n FROM fair_seekers WHERE event_id = ?'),
      visits: await q(`SELECT COUNT(*) AS n ${apps} AND a.source = 'booth_scan'`),
      cvsDelivered: await q(`SELECT COUNT(*) AS n ${apps} AND a.cv_id IS NOT NULL`),
      applications: await q(`SELECT COUNT(*) AS n ${apps}`),
      screened: await reached(REACHED.screened),
      interviewed: await reached(REACHED.interviewed),
      offered: await reached(REACHED.offered),
      hired: await q(`SELECT COUNT(*) AS n ${apps} AND a.stage = 'hired'`),
      intentions: await q(`SELECT COUNT(*) AS n ${apps} AND a.intention_reached = 1`),
    };
    return { eventId, eventName, counts, rates: fairRates(counts) };
  }

  /** The same figures as an .xlsx for the unions' report: one sheet, a row per figure. */
  async workbook(principal: Principal, eventId: number): Promise<{ fileName: string; localName: string; body: Buffer }> {
    const f = await this.figures(principal, eventId);
    const wb = new ExcelJS.Workbook();
    wb.title = `${f.eventName} 数据统计`;
    const sheet = wb.addWorksheet('招聘会数据', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [{ width: 28 }, { width: 14 }];
    sheet.addRow(['指标', '数值']).font = { bold: true };
    const c = f.counts;
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
    for (const r of rows) sheet.addRow(r);
    const rate = (label: string, v: number | null) => {
      const row = sheet.addRow([label, v]);
      row.getCell(2).numFmt = '0.0%';
    };
    rate('筛选通过率（筛选/简历）', f.rates.screenedPerCv);
    rate('达成意向率（意向/申请）', f.rates.intentionsPerApplication);
    rate('录用率（录用/申请）', f.rates.hiredPerApplication);
    rate('岗位满足率（录用/岗位）', f.rates.hiredPerPosition);
    const written = await wb.xlsx.writeBuffer();
    const body = Buffer.isBuffer(written) ? written : Buffer.from(written);
    return { fileName: `job-fair-${eventId}-figures.xlsx`, localName: `${f.eventName}-数据统计.xlsx`, body };
  }
}
