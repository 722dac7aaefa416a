/** What a certificate shows; the caller has already resolved names and the verification URL. */
export interface CertificateData {
  serial: string; // e.g. 'HZ2026-000123'
  personName: string; // e.g. '王小明'
  eventName: string | null; // null for a recognition not tied to an event
  itemName: string | null;
  awardName: string; // e.g. '一等奖', '金牌', '杭州工匠'
  title: string | null; // honorary title granted with the award, e.g. '技术能手'
  citation: string | null; // recognitions: text of the citation
  issuer: string; // conferring organisation's name, e.g. '杭州市总工会'
  grantedOn: string; // 'YYYY-MM-DD'
  verifyUrl: string; // the QR code encodes exactly this URL
  revoked: boolean; // a regenerated certificate of a revoked award says so prominently ('已撤销')
}
