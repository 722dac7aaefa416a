import { EVENT_KINDS } from '@app/events';
import { excel } from '@app/common';
import type ExcelJS from 'exceljs';
import { label } from './documents/record-columns';
import type { Statistics } from './statistics.service';

type Row = [string, string | number | null];

/**
 * The year at a glance as a workbook, for the unions' yearly report: one sheet per part, each a
 * two-column table of figure and value (the same figures the dashboard charts), so the numbers
 * can be pasted into the report as they are.
 */
export async function statisticsWorkbook(s: Statistics): Promise<{ fileName: string; localName: string; body: Buffer }> {
  const wb = new (excel().Workbook)();
  wb.title = `${s.organisation.name} ${s.year}年度赛事活动统计`;
  const sheet = (name: string, head: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = head.map((_, i) => ({ width: i === 0 ? 36 : 14 }));
    ws.addRow(head).font = { bold: true };
    for (const r of rows) ws.addRow(r);
  };
  const overview: Row[] = [
    ...EVENT_KINDS.map((k): Row => [`${label(k)}（场）`, s.eventsByKind[k]]),
    ['赛事活动合计（场）', s.events],
    ['参赛参与（人次）', s.participations.count],
    ['参与人数（人）', s.participations.people],
    ['获奖（人次）', s.awards.total],
    ['荣誉称号（个）', s.titles.total],
    ['已发奖金（元）', Number(s.prizeMoney.paidTotal)],
    ['待发奖金（元）', Number(s.prizeMoney.pendingTotal)],
  ];
  sheet('概况', ['指标', '数值'], overview);
  sheet(
    '徒步',
    ['线路', '赛事', '出发（人）', '完赛（人）', '完赛率'],
    s.hiking.routes.map((r) => [r.route, r.event, r.started, r.finished, r.completionRate]),
  );
  const c = s.jobFairs.counts;
  sheet('招聘会', ['指标', '数值'], [
    ['招聘会（场）', s.jobFairs.fairs],
    ['参会用人单位（家）', c.employers],
    ['发布岗位（个）', c.postings],
    ['提供就业岗位（人）', c.positions],
    ['进场求职者（人）', c.seekers],
    ['求职申请（份）', c.applications],
    ['达成意向（人）', c.intentions],
    ['录用（人）', c.hired],
  ]);
  sheet(
    '获奖',
    ['奖项', '等级', '人次'],
    s.awards.byLevel.flatMap((l) => l.byName.map((n) => [n.awardName, l.level, n.count])),
  );
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `statistics-${s.organisation.id}-${s.year}.xlsx`, localName: `${s.organisation.name}-${s.year}年度赛事活动统计.xlsx`, body };
}
