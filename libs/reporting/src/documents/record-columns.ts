import type { PersonRecordData } from './types';

type Entry = PersonRecordData['entries'][number];
type Award = PersonRecordData['awards'][number];
export type Cell = string | number | null;

/** One column of a record table, shared by the PDF and the workbook so both say the same. */
export interface Column<Row> {
  header: string;
  /** Width in the PDF, in points (the table is 762 pt wide on A4 landscape). */
  pdfWidth: number;
  /** Width in Excel's character units. */
  xlsxWidth: number;
  value(row: Row): Cell;
}

// Callers may pass stored codes or ready labels: known codes are shown in Chinese, anything else as given.
const LABELS: Readonly<Record<string, string>> = {
  skill_competition: '技能竞赛',
  sports_meet: '运动会',
  hiking: '徒步',
  job_fair: '招聘会',
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  waitlisted: '候补',
  withdrawn: '已撤回',
  active: '有效',
  revoked: '已撤销',
  award: '奖项',
  recognition: '荣誉称号',
};

export function label(value: string): string {
  return Object.hasOwn(LABELS, value) ? LABELS[value] : value;
}

export const ENTRY_COLUMNS: readonly Column<Entry>[] = [
  { header: '活动', pdfWidth: 210, xlsxWidth: 36, value: (e) => e.eventName },
  { header: '项目', pdfWidth: 160, xlsxWidth: 24, value: (e) => e.itemName },
  { header: '类型', pdfWidth: 70, xlsxWidth: 10, value: (e) => label(e.eventKind) },
  { header: '开始日期', pdfWidth: 80, xlsxWidth: 12, value: (e) => e.startsOn },
  { header: '状态', pdfWidth: 62, xlsxWidth: 10, value: (e) => label(e.status) },
  { header: '名次', pdfWidth: 50, xlsxWidth: 8, value: (e) => e.place },
  { header: '成绩', pdfWidth: 130, xlsxWidth: 14, value: (e) => e.total },
];

export const AWARD_COLUMNS: readonly Column<Award>[] = [
  { header: '证书编号', pdfWidth: 100, xlsxWidth: 16, value: (a) => a.serial },
  { header: '类别', pdfWidth: 58, xlsxWidth: 10, value: (a) => label(a.kind) },
  { header: '活动', pdfWidth: 160, xlsxWidth: 36, value: (a) => a.eventName },
  { header: '项目', pdfWidth: 110, xlsxWidth: 20, value: (a) => a.itemName },
  { header: '奖项', pdfWidth: 86, xlsxWidth: 14, value: (a) => a.awardName },
  { header: '称号', pdfWidth: 74, xlsxWidth: 14, value: (a) => a.title },
  { header: '奖金（元）', pdfWidth: 62, xlsxWidth: 12, value: (a) => a.prizeMoney },
  { header: '状态', pdfWidth: 46, xlsxWidth: 8, value: (a) => label(a.status) },
  { header: '授予日期', pdfWidth: 66, xlsxWidth: 12, value: (a) => a.grantedOn },
];
