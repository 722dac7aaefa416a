import QRCode from 'qrcode';
import { chineseDate, newPdf } from './pdf';
import type { CertificateData } from './types';

const RED = '#B22222';
const GOLD = '#B8860B';
const INK = '#222222';
const GREY = '#666666';

/** One A4 landscape page: the certificate as printed, with a QR code of its verification URL. */
export async function renderCertificatePdf(d: CertificateData): Promise<Buffer> {
  // One pixel per module, scaled up by the PDF: a tiny PNG, quick to encode (larger scales cost
  // hundreds of ms in pngjs), and sharp in print since images are not interpolated by default.
  // margin 4 is the quiet zone scanners expect.
  const qr = await QRCode.toBuffer(d.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 1 });
  const { doc, finish } = newPdf(`荣誉证书 ${d.serial}`, { margin: 0 });
  const W = doc.page.width;
  const H = doc.page.height;

  doc.lineWidth(4).strokeColor(GOLD).rect(22, 22, W - 44, H - 44).stroke();
  doc.lineWidth(1).rect(32, 32, W - 64, H - 64).stroke();

  doc.font('bold').fontSize(44).fillColor(RED).text('荣誉证书', 0, 70, { width: W, align: 'center' });
  // The name on a line of its own: large, and one unbroken run of text for search and checks.
  doc.font('bold').fontSize(32).fillColor(INK).text(d.personName, 0, 160, { width: W, align: 'center' });

  const bodyWidth = 600;
  doc.font('regular').fontSize(20).text(body(d), (W - bodyWidth) / 2, 230, {
    width: bodyWidth,
    align: 'center',
    lineGap: 10,
  });

  // Conferring organisation and date, bottom right, as a seal would sit.
  doc.fontSize(18).text(d.issuer, W - 380, H - 150, { width: 300, align: 'center' });
  doc.fontSize(16).text(chineseDate(d.grantedOn), W - 380, H - 118, { width: 300, align: 'center' });

  const qrSize = 100;
  doc.image(qr, 62, H - 176, { width: qrSize, height: qrSize });
  doc.fontSize(10).fillColor(GREY).text('扫码验证', 62, H - 80, { width: qrSize, align: 'center' });
  doc.fontSize(11).text(`证书编号：${d.serial}`, 0, H - 62, { width: W, align: 'center' });

  if (d.revoked) revokedMark(doc, W, H);
  return finish();
}

/** The sentence of the certificate: what was won where, or the recognition's citation. */
function body(d: CertificateData): string {
  const where = [d.eventName, d.itemName].filter(Boolean).join('');
  const title = d.title && d.title !== d.awardName ? d.title : null;
  const closing = '\n特发此证，以资鼓励。';
  if (where) return `在${where}中荣获${d.awardName}${title ? `，并被授予“${title}”称号` : ''}。${closing}`;
  const citation = d.citation?.trim() ?? '';
  const titles = [d.awardName, title].filter(Boolean).map((t) => `“${t}”`).join('');
  return `${citation}被授予${titles}称号。${closing}`;
}

/**
 * Drawn last, over everything: a certificate regenerated after revocation must not pass for a
 * valid one when printed, so the mark is large, red and across the middle, yet see-through enough
 * to leave the content legible (what was revoked still matters).
 */
function revokedMark(doc: PDFKit.PDFDocument, W: number, H: number): void {
  const w = 420;
  const h = 150;
  doc.save();
  doc.rotate(-18, { origin: [W / 2, H / 2] });
  doc.opacity(0.55).lineWidth(8).strokeColor(RED).rect(W / 2 - w / 2, H / 2 - h / 2, w, h).stroke();
  doc.font('bold').fontSize(96).fillColor(RED).text('已撤销', W / 2 - w / 2, H / 2 - 66, { width: w, align: 'center', lineBreak: false });
  doc.restore();
}
