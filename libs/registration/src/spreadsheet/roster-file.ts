/**
 * Turns an uploaded roster file (.xlsx or .csv) into the plain `RosterSheet`
 * that `validateRoster` checks. This layer only reads cells; it trims and
 * validates nothing, so that every judgement about content stays in the domain.
 *
 * Row numbers are the contract: `headers` is row 1 and `rows[i]` is row i + 2,
 * with blank rows kept as blank records, so that errors point at the row the
 * user sees in Excel.
 */
import { parse } from 'csv-parse/sync';
import type { RosterSheet } from '../domain';
import { firstSheetRows, NoSheetError } from './xlsx-stream';

export type RosterFileFormat = 'xlsx' | 'csv';

export interface ParseRosterFileOptions {
  /** Rows after the header, blank ones included. Guards the server, not the business limit. */
  readonly maxRows?: number;
}

/** Default row ceiling; the domain's own limit on non-blank rows is lower. */
export const MAX_ROSTER_FILE_ROWS = 20_000;

export type RosterFileErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  | 'FILE_NOT_UTF8'
  | 'FILE_TOO_MANY_ROWS'
  | 'FILE_NO_SHEET';

export class RosterFileError extends Error {
  constructor(
    readonly code: RosterFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RosterFileError';
  }
}

const HEADER_ROW = 1;

export async function parseRosterFile(
  data: Buffer,
  format: RosterFileFormat,
  options: ParseRosterFileOptions = {},
): Promise<RosterSheet> {
  const maxRows = options.maxRows ?? MAX_ROSTER_FILE_ROWS;
  if (data.length === 0) throw emptyFile();
  const grid = format === 'xlsx' ? await readXlsx(data, maxRows) : readCsv(data, maxRows);
  return toSheet(grid);
}

/** Cell values by 1-based row number; a missing entry is a blank row. */
interface Grid {
  readonly cells: Map<number, readonly unknown[]>;
  /** Last row number that belongs to the file (header is 1). */
  readonly lastRow: number;
}

function toSheet({ cells, lastRow }: Grid): RosterSheet {
  const headerCells = cells.get(HEADER_ROW) ?? [];
  // Array.from, not map: xlsx rows are sparse where header cells are empty, and map keeps the holes.
  const headers = Array.from(headerCells, (v) => (v == null ? '' : String(v)));
  // Trailing empty header cells are just the end of the row (csv "a,b," or stray formatting).
  while (headers.length > 0 && headers[headers.length - 1].trim() === '') headers.pop();
  if (headers.length === 0) throw emptyFile();

  const rows: Record<string, unknown>[] = [];
  for (let n = HEADER_ROW + 1; n <= lastRow; n++) {
    const values = cells.get(n) ?? [];
    const record: Record<string, unknown> = {};
    headers.forEach((header, i) => {
      // A column without a header cannot be addressed by the domain.
      if (header.trim() !== '') record[header] = values[i] ?? '';
    });
    rows.push(record);
  }
  return { headers, rows };
}

function checkRowCount(rowNumber: number, maxRows: number): void {
  if (rowNumber - HEADER_ROW > maxRows) {
    throw new RosterFileError('FILE_TOO_MANY_ROWS', `名单文件超过${maxRows}行（含空行）的上限，未导入任何数据；请删除多余行或拆分后分批导入`);
  }
}

function emptyFile(): RosterFileError {
  return new RosterFileError('FILE_EMPTY', '文件为空或第1行没有表头，请使用报名模板，在第1行填写列名（如“姓名”“性别”）');
}

// ---------------------------------------------------------------------------
// xlsx

async function readXlsx(data: Buffer, maxRows: number): Promise<Grid> {
  const cells = new Map<number, unknown[]>();
  let lastRow = 0;
  try {
    for await (const row of firstSheetRows(data)) {
      // Only rows holding a value count, as Excel shows them; rows that are formatting only (templates
      // pre-format thousands) become gaps that toSheet fills as blank, or are dropped at the end.
      if (!row.hasValues) continue;
      // `r` is optional in the file format; a row without it follows the one before.
      const rowNumber = Number.isInteger(row.number) && row.number > 0 ? row.number : lastRow + 1;
      // Stops reading here: the rest of the sheet is never unpacked.
      checkRowCount(rowNumber, maxRows);
      const values: unknown[] = [];
      row.eachCell((cell, col) => {
        values[col - 1] = cellValue(cell.value);
      });
      cells.set(rowNumber, values);
      lastRow = rowNumber;
    }
  } catch (err) {
    if (err instanceof RosterFileError) throw err;
    if (err instanceof NoSheetError) throw new RosterFileError('FILE_NO_SHEET', 'Excel文件中没有工作表');
    throw new RosterFileError('FILE_UNREADABLE', '无法读取该Excel文件，请确认是.xlsx格式（旧版.xls文件请在Excel中另存为.xlsx）');
  }
  return { cells, lastRow };
}

/**
 * Reduces an exceljs value to what a user typed or sees. Numbers stay numbers: the domain
 * needs to know that a resident ID was stored as a number (its last digits are lost).
 */
function cellValue(value: unknown): unknown {
  if (value == null) return '';
  if (value instanceof Date) {
    // exceljs builds dates at UTC midnight from the serial; local-time formatting would shift the day.
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'object') return value;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? cellValue(value.result) : '';
  }
  // Hyperlink text may itself be rich text.
  if ('hyperlink' in value && 'text' in value) return cellValue(value.text);
  // '#N/A' etc.: surfacing the error text makes the domain report the cell as invalid, not as empty.
  if ('error' in value) return String(value.error);
  return String(value);
}

// ---------------------------------------------------------------------------
// csv

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function readCsv(data: Buffer, maxRows: number): Grid {
  let text: string;
  try {
    // Also strips a UTF-8 BOM (ignoreBOM defaults to false).
    text = UTF8.decode(data);
  } catch {
    // Excel in China saves "CSV (逗号分隔)" as GBK; guessing the encoding would garble names silently.
    throw new RosterFileError(
      'FILE_NOT_UTF8',
      '文件不是UTF-8编码，中文会出现乱码。请在Excel中选择“另存为”，文件类型选“CSV UTF-8（逗号分隔）”后重新上传',
    );
  }

  const cells = new Map<number, readonly string[]>();
  let lastRecordRow = 0;
  let records: string[][];
  try {
    // csv-parse builds (and discards) an error object for every record whose length differs from
    // the header's, which makes a blank line ~40µs: 10,000 blank lines took ~0.4s. So empty lines
    // are skipped (cheap) and each record's row number is rebuilt from csv-parse's count of skipped
    // empty lines, which keeps row numbers exact even when quoted cells span several lines.
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      // Excel and hand-edited files mix CRLF, LF and (old Mac) CR; all end a row outside quotes.
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record, info) => {
        const rowNumber = info.records + info.empty_lines;
        checkRowCount(rowNumber, maxRows);
        cells.set(rowNumber, record);
        lastRecordRow = rowNumber;
        return record;
      },
    });
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    const line = (error as { lines?: unknown }).lines;
    const where = typeof line === 'number' ? `第${line}行附近` : '';
    throw new RosterFileError('FILE_UNREADABLE', `CSV文件${where}格式有误，无法读取（常见原因是引号未成对）`);
  }
  if (records.length === 0) throw emptyFile();

  const lastRow = lastRecordRow + trailingBlankLines(text);
  checkRowCount(lastRow, maxRows);
  return { cells, lastRow };
}

/**
 * Blank lines after the last record: csv-parse skipped them without attributing them to a record.
 * After the last record only line breaks can follow (anything else would be a record, and a line
 * break inside quotes at the very end would have failed as an unclosed quote). The first of them
 * ends the last record, so it is not a row; the same holds for a single final newline.
 */
function trailingBlankLines(text: string): number {
  const CR = 13;
  const LF = 10;
  let breaks = 0;
  let end = text.length;
  // Scanning by index, not by regex on slices: a file of a million newlines must stay linear.
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c === LF) end -= end >= 2 && text.charCodeAt(end - 2) === CR ? 2 : 1;
    else if (c === CR) end -= 1;
    else break;
    breaks++;
  }
  return Math.max(0, breaks - 1);
}
