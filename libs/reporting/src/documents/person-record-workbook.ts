import { excel } from '@app/common';
import type ExcelJS from 'exceljs';
import { AWARD_COLUMNS, ENTRY_COLUMNS, type Column } from './record-columns';
import type { PersonRecordData } from './types';

/** The same record as an .xlsx: sheets 参赛记录 and 获奖记录, a Chinese header row on each. */
export async function personRecordWorkbook(d: PersonRecordData): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  workbook.title = `${d.person.name} 参赛与获奖记录`;
  addSheet(workbook, '参赛记录', ENTRY_COLUMNS, d.entries);
  addSheet(workbook, '获奖记录', AWARD_COLUMNS, d.awards);
  const written = await workbook.xlsx.writeBuffer();
  // exceljs types the result as an ArrayBuffer-like; at runtime it is already a Node Buffer.
  return Buffer.isBuffer(written) ? written : Buffer.from(written);
}

function addSheet<Row>(workbook: ExcelJS.Workbook, name: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.xlsxWidth }));
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  // Values keep their JS type: serials, dates, scores and money stay text (no lost zeros or digits), places are numbers.
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
}
