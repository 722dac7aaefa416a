import { pdfDocument } from '@app/common';
import { readFileSync } from 'node:fs';

/**
 * Noto Sans SC (SIL OFL 1.1) comes from an npm package so that `npm ci` brings it and nothing is
 * fetched at run time; require.resolve finds it from libs/ under Jest and from dist/ alike.
 * It is a plain glyf TrueType font covering simplified Chinese, Latin and digits; pdfkit embeds
 * only the glyphs a document uses (a certificate comes out at tens of KB) with a ToUnicode map,
 * so the text stays searchable and copyable.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

// About 10 MB each: read once per process, not per document.
let fonts: Record<FontWeight, Buffer> | undefined;

function fontData(): Record<FontWeight, Buffer> {
  fonts ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

export interface NewPdf {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 landscape document with the Chinese fonts registered as 'regular' and 'bold'. */
export function newPdf(title: string, options: PDFKit.PDFDocumentOptions = {}): NewPdf {
  const doc = new (pdfDocument())({ size: 'A4', layout: 'landscape', lang: 'zh-CN', info: { Title: title }, ...options });
  // Listen before anything is drawn, so no chunk is missed and the stream never stalls.
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const data = fontData();
  for (const weight of Object.keys(data) as FontWeight[]) doc.registerFont(weight, data[weight]);
  doc.font('regular');
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/** '2026-05-01' → '2026年5月1日', as dates are written on Chinese certificates and records. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : isoDate;
}
