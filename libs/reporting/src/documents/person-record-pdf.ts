import { newPdf } from '@app/awards';
import { AWARD_COLUMNS, ENTRY_COLUMNS, type Cell, type Column } from './record-columns';
import type { PersonRecordData } from './types';

const MARGIN = 40;
const FONT_SIZE = 10;
const MIN_FONT_SIZE = 8;
const PAD = 4;
const LINE = '#999999';

/** A person's entries and awards as printable tables (A4 landscape), running over as many pages as needed. */
export async function renderPersonRecordPdf(d: PersonRecordData): Promise<Buffer> {
  // Pages are buffered so that the footer can say how many there are.
  const { doc, finish } = newPdf(`${d.person.name} 参赛与获奖记录`, { margin: MARGIN, bufferPages: true });

  doc.font('bold').fontSize(18).text(`${d.person.name} 参赛与获奖记录`, { align: 'center' });
  doc.moveDown(0.4);
  const org = d.person.organisation ? `单位：${d.person.organisation}　　` : '';
  doc.font('regular').fontSize(10).fillColor('#444444').text(`${org}生成时间：${d.generatedAt}`, { align: 'center' });
  doc.fillColor('black').moveDown(1);

  table(doc, '参赛记录', ENTRY_COLUMNS, d.entries);
  doc.moveDown(1.5);
  table(doc, '获奖记录', AWARD_COLUMNS, d.awards);

  footers(doc);
  return finish();
}

function table<Row>(doc: PDFKit.PDFDocument, heading: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  // Keep a heading with its header row and at least one line below it.
  if (doc.y + 80 > bottom(doc)) doc.addPage();
  doc.font('bold').fontSize(13).text(heading, MARGIN, doc.y);
  doc.moveDown(0.3);
  row(doc, columns.map((c) => c.header), columns, true);
  if (!rows.length) {
    const width = columns.reduce((sum, c) => sum + c.pdfWidth, 0);
    row(doc, ['（无）'], [{ pdfWidth: width }], false);
  }
  for (const r of rows) {
    const cells = columns.map((c) => c.value(r));
    // A row that does not fit starts a new page, where the header row is repeated.
    if (doc.y + rowHeight(doc, cells, columns, false) > bottom(doc)) {
      doc.addPage();
      row(doc, columns.map((c) => c.header), columns, true);
    }
    row(doc, cells, columns, false);
  }
}

function bottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/**
 * The size a cell's text is set in: the normal size, or a little smaller so a long name stays on
 * one line (one unbroken run to read and to search); what would need to go below the floor
 * wraps at the normal size instead.
 */
function fitSize(doc: PDFKit.PDFDocument, text: string, width: number): number {
  doc.fontSize(FONT_SIZE);
  const natural = doc.widthOfString(text);
  const room = width - 2 * PAD;
  const fitted = Math.floor((FONT_SIZE * room * 10) / natural) / 10;
  return natural <= room || fitted < MIN_FONT_SIZE ? FONT_SIZE : fitted;
}

function cellHeight(doc: PDFKit.PDFDocument, text: string, width: number): number {
  doc.fontSize(fitSize(doc, text, width));
  return doc.heightOfString(text, { width: width - 2 * PAD });
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly Cell[], columns: readonly { pdfWidth: number }[], header: boolean): number {
  doc.font(header ? 'bold' : 'regular');
  return Math.max(...cells.map((c, i) => cellHeight(doc, show(c), columns[i].pdfWidth))) + 2 * PAD;
}

function row(doc: PDFKit.PDFDocument, cells: readonly Cell[], columns: readonly { pdfWidth: number }[], header: boolean): void {
  const y = doc.y;
  const height = rowHeight(doc, cells, columns, header);
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = columns[i].pdfWidth;
    if (header) doc.rect(x, y, width, height).fill('#EEEEEE');
    doc.lineWidth(0.5).strokeColor(LINE).rect(x, y, width, height).stroke();
    const text = show(cell);
    doc.fillColor('black').fontSize(fitSize(doc, text, width)).text(text, x + PAD, y + PAD, { width: width - 2 * PAD });
    x += width;
  });
  doc.x = MARGIN;
  doc.y = y + height;
}

function show(cell: Cell): string {
  return cell == null || cell === '' ? '—' : String(cell);
}

function footers(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit start a new page; the footer sits there on purpose.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(9).fillColor('#666666')
      .text(`第 ${i + 1} 页，共 ${count} 页`, 0, doc.page.height - margin / 2 - 5, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
