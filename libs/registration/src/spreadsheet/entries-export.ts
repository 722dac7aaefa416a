/**
 * Writes a simple table (the entries of an event) as .xlsx or .csv for download.
 * Both outputs are made to open correctly in Excel as used in China: Chinese text
 * intact, ID numbers and bibs kept as text.
 */
import { stringify } from 'csv-stringify/sync';
import { plainRows, sheetWithHeader, streamedWorkbook } from '@app/common';

export type TableFormat = 'xlsx' | 'csv';

export interface TableColumn {
  readonly header: string;
  /** Property of each row to put in this column. */
  readonly key: string;
  /** Excel column width in characters; by default fitted to the header. */
  readonly width?: number;
}

export type TableCell = string | number | null;
export type TableRow = Readonly<Record<string, TableCell>>;

export const DEFAULT_SHEET_NAME = '报名表';

export async function writeTable(
  format: TableFormat,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  sheetName = DEFAULT_SHEET_NAME,
): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx(columns, rows, sheetName) : writeCsv(columns, rows);
}

function cellsOf(columns: readonly TableColumn[], row: TableRow): TableCell[] {
  return columns.map((c) => row[c.key] ?? null);
}

function writeCsv(columns: readonly TableColumn[], rows: readonly TableRow[]): Buffer {
  const text = stringify(
    [columns.map((c) => c.header), ...rows.map((row) => cellsOf(columns, row).map(csvCell))],
    {
      // Without a BOM, Excel in China reads UTF-8 as GBK and the Chinese turns to mojibake.
      bom: true,
      // Excel's own line ending; some Windows tools show LF-only files as one line.
      record_delimiter: '\r\n',
    },
  );
  return Buffer.from(text, 'utf8');
}

/**
 * Excel opens a CSV by guessing types: a long digit string (an ID number, a
 * mobile) becomes a float and loses digits, a bib like 0002 loses its zeros, and a cell starting with = + - @
 * runs as a formula (CSV injection). A leading tab keeps both as text; the
 * import trims it away again.
 */
function csvCell(value: TableCell): string | number {
  if (value == null) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@]/.test(value) || /^(?:0\d+|\d{11,}X?)$/.test(value) ? `\t${value}` : value;
}

async function writeXlsx(columns: readonly TableColumn[], rows: readonly TableRow[], sheetName: string): Promise<Buffer> {
  return streamedWorkbook(async (book) => {
    const sheet = sheetWithHeader(
      book,
      sheetName,
      columns.map((c) => c.header),
      columns.map((c) => c.width ?? defaultWidth(c.header)),
    );
    const write = plainRows(sheet);
    for (const row of rows) {
      // The JS type decides the cell type: strings become text cells, so '330102199003071230'
      // or 'A0001' are never turned into numbers (which would drop digits or leading zeros).
      // Non-finite numbers have no cell representation; they are left empty.
      await write(cellsOf(columns, row).map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
    }
    sheet.commit();
  });
}

/** Han characters are about two Latin characters wide in Excel's width unit. */
function defaultWidth(header: string): number {
  const units = [...header].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);
  return Math.max(10, units + 4);
}
