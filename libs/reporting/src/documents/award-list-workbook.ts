import { beijingTime, excel } from '@app/common';
import type ExcelJS from 'exceljs';
import { label } from './record-columns';
import type { AwardListData } from './types';

type Row = AwardListData['rows'][number];

const PAYMENT: Readonly<Record<string, string>> = { none: '无奖金', pending: '待发放', paid: '已发放', cancelled: '已取消' };

/** Header, width in Excel's character units, value: the columns of the list, in reading order. */
const COLUMNS: readonly [string, number, (r: Row) => string | number | null][] = [
  ['项目', 24, (r) => r.itemName],
  ['名次', 6, (r) => r.place],
  ['奖项', 14, (r) => r.awardName],
  ['等级', 6, (r) => r.level],
  ['称号', 14, (r) => r.title],
  ['姓名', 10, (r) => r.name],
  ['单位', 30, (r) => r.organisation],
  ['奖金（元）', 12, (r) => r.prizeMoney],
  ['奖金状态', 10, (r) => PAYMENT[r.paymentStatus] ?? r.paymentStatus],
  ['证书编号', 16, (r) => r.serial],
  ['验证码', 26, (r) => r.verifyCode],
  ['验证网址', 60, (r) => r.verifyUrl],
  ['状态', 8, (r) => label(r.status)],
  // People read this: Beijing time, said in the header so nobody wonders.
  ['授予时间（北京时间）', 20, (r) => beijingTime(r.grantedAt)],
];

/** The award list as an .xlsx: one sheet 获奖名单, a Chinese header row, one row per person and award. */
export async function awardListWorkbook(d: AwardListData): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  workbook.title = `${d.eventName}${d.itemName ? ` ${d.itemName}` : ''} 获奖名单`;
  const sheet = workbook.addWorksheet('获奖名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([, width]) => ({ width }));
  sheet.addRow(COLUMNS.map(([header]) => header)).font = { bold: true };
  // Serials, codes, money and times stay text (no lost zeros or digits); places and levels are numbers.
  for (const r of d.rows) sheet.addRow(COLUMNS.map(([, , value]) => value(r)));
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(written) ? written : Buffer.from(written);
}
