import { excel } from '@app/common';
import type ExcelJS from 'exceljs';

export interface CrosstableSheet {
  title: string;
  tieBreaks: string[];
  rounds: number;
  rows: {
    rank: number;
    name: string;
    score: number;
    tieBreaks: Record<string, number>;
    /** Per round: "对手名次+颜色+结果", e.g. "5B1" (Go: B moves first), "—" for none. */
    cells: string[];
  }[];
}

/** The crosstable as a workbook: one row a player, one column a round, then points and tie-breaks. */
export async function crosstableWorkbook(d: CrosstableSheet): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  workbook.title = `${d.title} 成绩交叉表`;
  const sheet = workbook.addWorksheet('交叉表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const header = ['名次', '姓名', ...Array.from({ length: d.rounds }, (_, i) => `第${i + 1}轮`), '积分', ...d.tieBreaks];
  sheet.columns = header.map((h, i) => ({ width: i === 1 ? 20 : Math.max(8, h.length * 2) }));
  sheet.addRow(header).font = { bold: true };
  for (const r of d.rows) sheet.addRow([r.rank, r.name, ...r.cells, r.score, ...d.tieBreaks.map((t) => r.tieBreaks[t])]);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(written) ? written : Buffer.from(written);
}
