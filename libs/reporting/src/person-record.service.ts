import { type AwardKind, type AwardStatus, AwardsError, AwardsErrorCode, type PaymentState } from '@app/awards';
import { beijingTime } from '@app/common';
import type { EventKind } from '@app/events';
import { coversPath, forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { personRecordWorkbook, renderPersonRecordPdf, type PersonRecordData } from './documents';

/** Publication states whose results a person's record shows: on public notice, or final. */
const SHOWN_PUBLICATIONS = ['NOTICE', 'FINAL'];

export interface RecordEntry {
  entryId: number;
  eventId: number;
  eventName: string;
  eventKind: EventKind;
  itemId: number;
  itemName: string;
  /** the event's first day, YYYY-MM-DD */
  startsOn: string | null;
  /** the entry's status: pending, approved, rejected, waitlisted, withdrawn */
  status: string;
  /** Only once the item's results are on notice or final; null otherwise. */
  place: number | null;
  total: string | null;
  /** OK, DNS, DNF, DQ…; null while unpublished or unscored */
  resultStatus: string | null;
  /** The round the result is from (the last one that has a row for this entry); null for an item without rounds. */
  round: string | null;
}

export interface RecordAward {
  id: number;
  serial: string | null;
  kind: AwardKind;
  eventName: string | null;
  itemName: string | null;
  awardName: string;
  level: number;
  title: string | null;
  citation: string | null;
  prizeMoney: string | null;
  paymentStatus: PaymentState;
  status: AwardStatus;
  grantedOn: string;
  year: number;
}

export interface PersonRecord {
  person: { userId: number; name: string; organisation: string | null; organisationId: number | null };
  entries: RecordEntry[];
  awards: RecordAward[];
}

export interface RecordFile {
  body: Buffer;
  /** ASCII fallback, e.g. record-42.pdf */
  fileName: string;
  /** what a browser shows, e.g. 个人档案-王芳.pdf */
  localName: string;
}

/**
 * A person's record across events and years: entries, published results and award records, as
 * JSON, a PDF or a workbook. Read with SQL on each request, across the contexts' tables.
 */
@Injectable()
export class PersonRecordService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every entry (as the entrant, or as a member of a relay or team) and every award record of a
   * person, with results of items on notice or final. Readable by the person, and by organizers
   * (and admins) whose role covers one of the person's organisations: those of their entries,
   * their award records and their role assignments. 404 for an unknown person, 403 for others.
   */
  async personRecord(principal: Principal, userId: number): Promise<PersonRecord> {
    const [user] = (await this.dataSource.query('SELECT id, real_name AS name FROM users WHERE id = ?', [userId])) as { id: number; name: string }[];
    if (!user) throw new AwardsError('not_found', AwardsErrorCode.PersonNotFound, `人员不存在：${userId}`, { field: 'userId' });
    if (principal.userId !== userId) await this.assertOverPerson(principal, userId);

    const [entries, awards, organisation] = await Promise.all([this.entriesOf(userId), this.awardsOf(userId), this.homeOf(userId)]);
    return { person: { userId, name: user.name, organisation: organisation?.name ?? null, organisationId: organisation?.id ?? null }, entries, awards };
  }

  async personRecordPdf(principal: Principal, userId: number): Promise<RecordFile> {
    const record = await this.personRecord(principal, userId);
    return { body: await renderPersonRecordPdf(toDocument(record)), ...recordNames(record, 'pdf') };
  }

  async personRecordXlsx(principal: Principal, userId: number): Promise<RecordFile> {
    const record = await this.personRecord(principal, userId);
    return { body: await personRecordWorkbook(toDocument(record)), ...recordNames(record, 'xlsx') };
  }

  /** 403 unless an organizer (or admin) role of the principal covers one of the person's organisations. */
  private async assertOverPerson(principal: Principal, userId: number): Promise<void> {
    if (!principal.roles.some((r) => r.role === 'organizer' || r.role === 'admin')) throw forbidden();
    const paths = (await this.dataSource.query(
      `SELECT o.path FROM organisations o WHERE o.id IN (
         SELECT organisation_id FROM entries WHERE user_id = ?
         UNION SELECT e.organisation_id FROM team_members tm JOIN entries e ON e.id = tm.entry_id WHERE tm.user_id = ?
         UNION SELECT organisation_id FROM award_records WHERE user_id = ?
         UNION SELECT organisation_id FROM role_assignments WHERE user_id = ?)`,
      [userId, userId, userId, userId],
    )) as { path: string }[];
    if (!paths.some((p) => coversPath(principal.roles, ['organizer'], p.path))) throw forbidden('无权查看此人的参赛与获奖档案');
  }

  /** Entries as the entrant or as a team member, newest event first, with published results. */
  private async entriesOf(userId: number): Promise<RecordEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT e.id AS entryId, e.event_id AS eventId, ev.name AS eventName, ev.kind AS eventKind, e.item_id AS itemId, i.name AS itemName,
              ev.starts_on AS startsOn, e.status, (p.status IS NOT NULL AND p.status IN (?)) AS published
         FROM entries e JOIN events ev ON ev.id = e.event_id JOIN event_items i ON i.id = e.item_id
         LEFT JOIN result_publications p ON p.item_id = e.item_id
        WHERE e.id IN (SELECT id FROM entries WHERE user_id = ? UNION SELECT entry_id FROM team_members WHERE user_id = ?)
        ORDER BY ev.starts_on IS NULL, ev.starts_on DESC, e.event_id DESC, e.item_id, e.id`,
      [SHOWN_PUBLICATIONS, userId, userId],
    )) as (Omit<RecordEntry, 'place' | 'total' | 'resultStatus' | 'round'> & { published: number | string })[];
    const published = rows.filter((r) => Number(r.published) === 1).map((r) => r.entryId);
    // The result of the item's last round the entry has a row in (the final for a finalist); round 0 without rounds.
    const results = published.length
      ? ((await this.dataSource.query(
          `SELECT r.entry_id AS entryId, r.place, r.total, r.status, ro.name AS round, COALESCE(ro.seq, 0) AS seq
             FROM item_results r LEFT JOIN item_rounds ro ON ro.id = r.round_id
            WHERE r.entry_id IN (?) ORDER BY r.entry_id, seq DESC`,
          [published],
        )) as { entryId: number; place: number | null; total: string | null; status: string; round: string | null }[])
      : [];
    const byEntry = new Map<number, (typeof results)[number]>();
    for (const r of results) if (!byEntry.has(Number(r.entryId))) byEntry.set(Number(r.entryId), r);
    return rows.map((r) => {
      const result = byEntry.get(Number(r.entryId));
      return {
        entryId: Number(r.entryId),
        eventId: Number(r.eventId),
        eventName: r.eventName,
        eventKind: r.eventKind,
        itemId: Number(r.itemId),
        itemName: r.itemName,
        startsOn: r.startsOn,
        status: r.status,
        place: result?.place === null || result?.place === undefined ? null : Number(result.place),
        total: result?.total ?? null,
        resultStatus: result?.status ?? null,
        round: result?.round ?? null,
      };
    });
  }

  /** Every award record of the person, revoked ones included (their status says so), newest first. */
  private async awardsOf(userId: number): Promise<RecordAward[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.serial, r.kind, ev.name AS eventName, i.name AS itemName, r.award_name AS awardName, r.level, r.title, r.citation,
              r.prize_money AS prizeMoney, r.payment_status AS paymentStatus, r.status, r.granted_on AS grantedOn, r.year
         FROM award_records r LEFT JOIN events ev ON ev.id = r.event_id LEFT JOIN event_items i ON i.id = r.item_id
        WHERE r.user_id = ? ORDER BY r.granted_on DESC, r.id DESC`,
      [userId],
    )) as RecordAward[];
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      level: Number(r.level),
      year: Number(r.year),
      prizeMoney: r.prizeMoney === null ? null : String(r.prizeMoney),
    }));
  }

  /**
   * The organisation the record is headed with: where the person holds a contestant role, else
   * any role (earliest first); without a role, the delegation of their latest entry.
   */
  private async homeOf(userId: number): Promise<{ id: number; name: string } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT o.id, o.name FROM (
         SELECT ra.organisation_id AS org, 0 AS pref, IF(ra.role = 'contestant', 0, 1) AS sub, CAST(ra.id AS SIGNED) AS seq FROM role_assignments ra WHERE ra.user_id = ?
         UNION ALL
         SELECT e.organisation_id, 1, 0, 0 - CAST(e.id AS SIGNED) FROM entries e WHERE e.user_id = ?
       ) c JOIN organisations o ON o.id = c.org ORDER BY c.pref, c.sub, c.seq LIMIT 1`,
      [userId, userId],
    )) as { id: number; name: string }[];
    return row ? { id: Number(row.id), name: row.name } : null;
  }
}

function toDocument(record: PersonRecord): PersonRecordData {
  return {
    person: { name: record.person.name, organisation: record.person.organisation },
    generatedAt: beijingTime(new Date())!,
    entries: record.entries.map((e) => ({
      eventName: e.eventName,
      itemName: e.itemName,
      eventKind: e.eventKind,
      startsOn: e.startsOn,
      status: e.status,
      place: e.place,
      total: e.total,
    })),
    awards: record.awards.map((a) => ({
      serial: a.serial ?? '',
      kind: a.kind,
      eventName: a.eventName,
      itemName: a.itemName,
      awardName: a.awardName,
      title: a.title,
      prizeMoney: a.prizeMoney,
      status: a.status,
      grantedOn: a.grantedOn,
    })),
  };
}

function recordNames(record: PersonRecord, ext: 'pdf' | 'xlsx'): { fileName: string; localName: string } {
  return { fileName: `record-${record.person.userId}.${ext}`, localName: `个人档案-${record.person.name}.${ext}` };
}
