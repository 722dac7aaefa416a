import { verifyUrl } from '@app/awards';
import { beijingIso } from '@app/common';
import { AppConfig } from '@app/config';
import { type Event, type EventItem, EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { awardListWorkbook } from './documents';

/** One person's award in an item, as the organizers list it. */
export interface AwardListEntry {
  recordId: number;
  itemId: number;
  itemName: string;
  entryId: number | null;
  userId: number;
  name: string;
  /** The person's organisation (delegation) when granted. */
  organisationId: number;
  organisationName: string;
  /** The place the award went by: the board's, among official contestants ranked; null without one. */
  place: number | null;
  awardCode: string;
  awardName: string;
  level: number;
  title: string | null;
  prizeMoney: string | null;
  paymentStatus: 'none' | 'pending' | 'paid' | 'cancelled';
  serial: string | null;
  verifyCode: string;
  verifyUrl: string;
  status: 'active' | 'revoked';
  /** The Beijing calendar day printed on the certificate. */
  grantedOn: string;
  /** ISO 8601 with the Beijing offset (+08:00). */
  grantedAt: string;
}

export interface AwardList {
  eventId: number;
  eventName: string;
  /** null: the list of every item of the event. */
  itemId: number | null;
  itemName: string | null;
  awards: AwardListEntry[];
}

export interface AwardListFile {
  body: Buffer;
  /** ASCII, for the plain filename parameter. */
  fileName: string;
  /** What the organizer sees, in Chinese. */
  localName: string;
}

/**
 * Who won what in an event, per item: every award record granted from its results (revoked ones
 * too, marked so), with the place, prize money, certificate serial and verification code. For the
 * organizers of the event only (their role covers the event's organisation), as JSON or a workbook.
 */
@Injectable()
export class AwardListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly config: AppConfig,
  ) {}

  async forEvent(principal: Principal, eventId: number): Promise<AwardList> {
    const event = await this.events.assertManager(principal, eventId);
    return this.list(event, null);
  }

  async forItem(principal: Principal, itemId: number): Promise<AwardList> {
    const { item, event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    return this.list(event, item);
  }

  async eventWorkbook(principal: Principal, eventId: number): Promise<AwardListFile> {
    return this.workbook(await this.forEvent(principal, eventId));
  }

  async itemWorkbook(principal: Principal, itemId: number): Promise<AwardListFile> {
    return this.workbook(await this.forItem(principal, itemId));
  }

  private async list(event: Event, item: EventItem | null): Promise<AwardList> {
    // The place is the entry's scoring place in the round the award job read: the item's last.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.id AS recordId, r.item_id AS itemId, i.name AS itemName, r.entry_id AS entryId, r.user_id AS userId, u.real_name AS name,
              r.organisation_id AS organisationId, o.name AS organisationName, res.scoring_place AS place, r.award_code AS awardCode,
              r.award_name AS awardName, r.level, r.title, r.prize_money AS prizeMoney, r.payment_status AS paymentStatus, r.serial,
              r.verify_code AS verifyCode, r.status, r.granted_on AS grantedOn, r.granted_at AS grantedAt
         FROM award_records r JOIN event_items i ON i.id = r.item_id JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN item_results res ON res.item_id = r.item_id AND res.entry_id = r.entry_id
              AND res.round_id = COALESCE((SELECT ro.id FROM item_rounds ro WHERE ro.item_id = r.item_id ORDER BY ro.seq DESC LIMIT 1), 0)
        WHERE r.event_id = ? AND r.kind = 'award' ${item ? 'AND r.item_id = ?' : ''}
        ORDER BY r.item_id, r.level, res.scoring_place IS NULL, res.scoring_place, r.award_code, r.entry_id, r.id`,
      item ? [event.id, item.id] : [event.id],
    );
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      eventId: event.id,
      eventName: event.name,
      itemId: item?.id ?? null,
      itemName: item?.name ?? null,
      awards: rows.map((r) => ({
        ...(r as unknown as AwardListEntry),
        recordId: Number(r.recordId),
        itemId: Number(r.itemId),
        entryId: num(r.entryId),
        userId: Number(r.userId),
        organisationId: Number(r.organisationId),
        place: num(r.place),
        level: Number(r.level),
        prizeMoney: r.prizeMoney === null ? null : String(r.prizeMoney),
        verifyUrl: verifyUrl(this.config.PUBLIC_URL, String(r.verifyCode)),
        grantedOn: String(r.grantedOn).slice(0, 10),
        grantedAt: beijingIso(r.grantedAt as Date)!,
      })),
    };
  }

  private async workbook(list: AwardList): Promise<AwardListFile> {
    const body = await awardListWorkbook({
      eventName: list.eventName,
      itemName: list.itemName,
      rows: list.awards.map((a) => ({
        itemName: a.itemName,
        place: a.place,
        awardName: a.awardName,
        level: a.level,
        title: a.title,
        name: a.name,
        organisation: a.organisationName,
        prizeMoney: a.prizeMoney,
        paymentStatus: a.paymentStatus,
        serial: a.serial,
        verifyCode: a.verifyCode,
        verifyUrl: a.verifyUrl,
        status: a.status,
        grantedAt: a.grantedAt,
      })),
    });
    const which = list.itemId === null ? `event-${list.eventId}` : `item-${list.itemId}`;
    const title = [list.eventName, list.itemName].filter(Boolean).join('-');
    return { body, fileName: `awards-${which}.xlsx`, localName: `获奖名单-${title}.xlsx` };
  }
}
