import type { SqlRunner } from '@app/database';
import { ItemCatalog } from '@app/events';
import { PeopleDirectory } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AwardRecordView } from './award-record-view';
import { AwardsError, AwardsErrorCode } from './awards-error';

/** A record with the code its certificate's QR carries, which only certificates and verification show. */
export type StoredRecord = AwardRecordView & { verifyCode: string };

const COLUMNS = `r.id, r.serial, r.kind, r.user_id AS userId, r.organisation_id AS organisationId, r.issuer_id AS issuerId, r.event_id AS eventId,
  r.item_id AS itemId, r.entry_id AS entryId, r.award_code AS awardCode, r.award_name AS awardName, r.level, r.title, r.citation,
  r.prize_money AS prizeMoney, r.payment_status AS paymentStatus, r.paid_on AS paidOn, r.payment_ref AS paymentRef, r.year,
  r.granted_on AS grantedOn, r.status, r.revision, c.revision AS certificateRevision, r.verify_code AS verifyCode`;

/**
 * Award records as people read them: the record's own columns, with the person's, the issuer's,
 * the event's and the item's names asked of identity and events in one bulk call each.
 */
@Injectable()
export class AwardRecordReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly catalog: ItemCatalog,
  ) {}

  /** The records a condition on `award_records r` selects, in id order, with their names. */
  async read(condition: string, params: unknown[], sql: SqlRunner = this.dataSource): Promise<StoredRecord[]> {
    const rows: Record<string, unknown>[] = await sql.query(
      `SELECT ${COLUMNS} FROM award_records r LEFT JOIN award_certificates c ON c.record_id = r.id WHERE ${condition} ORDER BY r.id`,
      params,
    );
    if (!rows.length) return [];
    const ids = (key: string) => rows.flatMap((r) => (r[key] === null ? [] : [Number(r[key])]));
    // One after another: `sql` may be a transaction, whose one connection runs one statement at a time.
    const people = await this.people.people(ids('userId'), sql);
    const issuers = await this.people.organisations(ids('issuerId'), sql);
    const items = await this.catalog.items(ids('itemId'), sql);
    return rows.map((r) => {
      const item = r.itemId === null ? undefined : items.get(Number(r.itemId));
      return stored(r, {
        name: people.get(Number(r.userId))?.realName ?? '',
        issuer: issuers.get(Number(r.issuerId))?.name ?? '',
        eventName: item?.eventName ?? null,
        itemName: item?.name ?? null,
      });
    });
  }

  /** One record as the API shows it; not found is an error. */
  async load(id: number, sql: SqlRunner = this.dataSource): Promise<AwardRecordView> {
    const [record] = await this.read('r.id = ?', [id], sql);
    if (!record) throw new AwardsError('not_found', AwardsErrorCode.RecordNotFound, `奖项记录不存在：${id}`);
    return view(record);
  }
}

/** The view without the verification code. */
export function view({ verifyCode: _, ...record }: StoredRecord): AwardRecordView {
  return record;
}

function stored(r: Record<string, unknown>, names: Pick<AwardRecordView, 'name' | 'issuer' | 'eventName' | 'itemName'>): StoredRecord {
  const num = (k: string) => (r[k] === null ? null : Number(r[k]));
  return {
    id: Number(r.id),
    serial: r.serial as string | null,
    kind: r.kind as AwardRecordView['kind'],
    userId: Number(r.userId),
    name: names.name,
    organisationId: Number(r.organisationId),
    issuerId: Number(r.issuerId),
    issuer: names.issuer,
    eventId: num('eventId'),
    eventName: names.eventName,
    itemId: num('itemId'),
    itemName: names.itemName,
    entryId: num('entryId'),
    awardCode: r.awardCode as string,
    awardName: r.awardName as string,
    level: Number(r.level),
    title: r.title as string | null,
    citation: r.citation as string | null,
    prizeMoney: r.prizeMoney as string | null,
    paymentStatus: r.paymentStatus as AwardRecordView['paymentStatus'],
    paidOn: r.paidOn === null ? null : String(r.paidOn).slice(0, 10),
    paymentRef: r.paymentRef as string | null,
    year: Number(r.year),
    grantedOn: String(r.grantedOn).slice(0, 10),
    status: r.status as AwardRecordView['status'],
    revision: Number(r.revision),
    certificateRevision: num('certificateRevision'),
    verifyCode: r.verifyCode as string,
  };
}
