import { excel } from '@app/common';
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { type CentralDirectory, Open } from 'unzipper';

const RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * Compressed bytes handed to the inflater at a time. zlib inflates a whole input chunk before it
 * looks at backpressure, and deflate packs up to about 1,000:1: a record handed over whole would
 * be unpacked whole (a million rows, or a zip bomb) before the first row is read.
 */
const PIECE = 16 * 1024;

/** What exceljs' streaming reader keeps from workbook.xml and its relationships (not in its typings). */
interface BookParts {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
}

export class NoSheetError extends Error {}

/**
 * The rows of a workbook's first sheet, read as the sheet inflates, so a caller can stop at any
 * row and nothing past it is ever unpacked. Rows are exceljs rows with their real numbers; rows
 * that only carry formatting come too (`hasValues` false).
 *
 * exceljs' streaming reader takes a zip front to back and, when a sheet comes before the shared
 * strings (Excel writes them in that order, and files with inline strings have none), unpacks the
 * whole sheet into a temporary file before reading a row of it. So it is fed only the parts it
 * needs, in the order it needs them: the zip's central directory says where each part's record
 * lies, and the records are handed over as they are, still compressed.
 */
export async function* firstSheetRows(zip: Buffer): AsyncGenerator<ExcelJS.Row> {
  const dir = await Open.buffer(zip);
  // A first, tiny pass over workbook.xml and its relationships says which part is the first sheet.
  const book = new (excel().stream.xlsx.WorkbookReader)(records(zip, dir, [RELS, WORKBOOK]), {});
  for await (const sheet of book) void sheet;
  const { model, workbookRels } = book as unknown as BookParts;
  const first = model?.sheets?.[0];
  const target = first && workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (!target) throw new NoSheetError();
  const sheetPath = `xl/${target.replace(/^\/?(xl\/)?/, '')}`;

  const reader = new (excel().stream.xlsx.WorkbookReader)(records(zip, dir, [RELS, WORKBOOK, STYLES, SHARED_STRINGS, sheetPath]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // A workbook without shared strings (inline strings only) would otherwise send the sheet to a temporary file too.
  (reader as unknown as BookParts).sharedStrings = [];
  for await (const sheet of reader) {
    yield* sheet;
    return;
  }
  throw new NoSheetError();
}

/** The local records (header, compressed data, descriptor) of the named parts that exist, in the order named. */
function records(zip: Buffer, dir: CentralDirectory, paths: string[]): Readable {
  const starts = dir.files.map((f) => f.offsetToLocalFileHeader).sort((a, b) => a - b);
  // A record runs to the next one in the file, or to the central directory.
  const end = (offset: number) => starts.find((s) => s > offset) ?? dir.offsetToStartOfCentralDirectory;
  const byPath = new Map(dir.files.map((f) => [f.path, f.offsetToLocalFileHeader]));
  const chunks = paths.flatMap((p) => {
    const offset = byPath.get(p);
    if (offset === undefined) return [];
    const pieces: Buffer[] = [];
    for (let at = offset; at < end(offset); at += PIECE) pieces.push(zip.subarray(at, Math.min(at + PIECE, end(offset))));
    return pieces;
  });
  return Readable.from(chunks, { objectMode: false });
}
