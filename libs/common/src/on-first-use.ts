/* eslint-disable @typescript-eslint/no-require-imports */
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';
import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type PDFKit from 'pdfkit';

/**
 * Libraries loaded on first use instead of at start-up, which an API serving a registration rush
 * never needs: the workbook and PDF libraries for downloads (about 15 MiB of heap and a quarter of
 * a second together), and zxcvbn's word lists for password checks (they unpack into about 60 MiB).
 * Node caches each module, so every later call is a lookup.
 */
export const excel = (): typeof ExcelJS => require('exceljs');
export const pdfDocument = (): typeof PDFKit => require('pdfkit');
export const zxcvbnModules = (): { core: typeof ZxcvbnCore; common: typeof ZxcvbnCommon; en: typeof ZxcvbnEn } => ({
  core: require('@zxcvbn-ts/core'),
  common: require('@zxcvbn-ts/language-common'),
  en: require('@zxcvbn-ts/language-en'),
});

/**
 * A workbook written as `fill` adds its rows, with exceljs' streaming writer: each row is packed
 * into the file when committed and its cells let go, so a sheet of a night's 300,000 scans takes
 * megabytes of heap instead of gigabytes (an in-memory workbook holds about 20 KiB per row of
 * 16 cells). `fill` commits each row and each sheet.
 */
export async function streamedWorkbook(fill: (book: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => stream.on('end', resolve).on('error', reject));
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  await fill(book);
  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * A turn of the event loop every `rows` rows of a streamed workbook: the writer hands each row to
 * the zip's compression, which runs on libuv's threads and is collected only when the loop turns,
 * so a fill that never waits holds its sheet's XML in memory until it ends (a night's scans: a
 * third of the export's memory). Awaited after each row; most calls return at once.
 */
export function rowBreaks(rows = 10): () => Promise<void> | undefined {
  let n = 0;
  return () => (++n % rows === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined);
}

/**
 * A sheet of a streamed workbook whose first row, bold and frozen, names its columns; their widths,
 * when given, are set before it, since the writer writes them out with the first row.
 */
export function sheetWithHeader(book: ExcelJS.stream.xlsx.WorkbookWriter, name: string, titles: string[], widths?: number[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  if (widths) sheet.columns = widths.map((width) => ({ width }));
  const header = sheet.addRow(titles);
  header.font = { bold: true };
  header.commit();
  return sheet;
}

/** The style of every cell that has none of its own: one object, so the writer looks it up once. */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Writes the rows of a streamed sheet that carry no style of their own, with a turn of the event
 * loop every ten (rowBreaks). exceljs gives each new cell a style object of its own and, with
 * styles on, works out each one's style entry afresh (a third of the time a night's export took);
 * cells that share one object are worked out once. A cell holding a date keeps its own, whose
 * number format depends on it.
 */
export function plainRows(sheet: ExcelJS.Worksheet): (values: unknown[]) => Promise<void> | undefined {
  const rowBreak = rowBreaks();
  return (values) => {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      if (!(cell.value instanceof Date) && Object.keys(cell.style).length === 0) cell.style = PLAIN;
    });
    row.commit();
    return rowBreak();
  };
}
