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
