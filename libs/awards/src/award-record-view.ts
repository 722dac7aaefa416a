/** An award record as people read it: the record's columns with the names they refer to. */
export interface AwardRecordView {
  id: number;
  serial: string | null;
  kind: 'award' | 'recognition';
  userId: number;
  name: string;
  organisationId: number;
  issuerId: number;
  issuer: string;
  eventId: number | null;
  eventName: string | null;
  itemId: number | null;
  itemName: string | null;
  entryId: number | null;
  awardCode: string;
  awardName: string;
  level: number;
  title: string | null;
  citation: string | null;
  prizeMoney: string | null;
  paymentStatus: 'none' | 'pending' | 'paid' | 'cancelled';
  paidOn: string | null;
  paymentRef: string | null;
  year: number;
  grantedOn: string;
  status: 'active' | 'revoked';
  revision: number;
  certificateRevision: number | null;
}
