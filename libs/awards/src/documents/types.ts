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

/** One person's entries and awards, for the printable record and its spreadsheet. */
export interface PersonRecordData {
  person: { name: string; organisation: string | null };
  generatedAt: string; // 'YYYY-MM-DD HH:mm'
  entries: {
    eventName: string;
    itemName: string;
    eventKind: string;
    startsOn: string | null;
    status: string;
    place: number | null;
    total: string | null;
  }[];
  awards: {
    serial: string;
    kind: 'award' | 'recognition';
    eventName: string | null;
    itemName: string | null;
    awardName: string;
    title: string | null;
    prizeMoney: string | null;
    status: string;
    grantedOn: string;
  }[];
}

/** Who won what in an event or one of its items, for the organizers' workbook. */
export interface AwardListData {
  eventName: string;
  /** null: every item of the event. */
  itemName: string | null;
  rows: {
    itemName: string;
    /** The place the award went by: the board's (guests and DNS/DNF/DQ skipped); null without one. */
    place: number | null;
    awardName: string;
    level: number;
    title: string | null;
    name: string;
    organisation: string;
    prizeMoney: string | null;
    paymentStatus: string;
    serial: string | null;
    verifyCode: string;
    verifyUrl: string;
    status: string;
    /** The instant, as stored (UTC); the workbook writes it in Beijing time. */
    grantedAt: Date | string;
  }[];
}
