import { beijingTime } from '@app/common';
import { EVENT_KINDS, type EventKind } from '@app/events';
import { AccessService, coversPath, forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AwardKind, AwardStatus, PaymentState } from './award.entity';
import { AwardsError, AwardsErrorCode } from './awards-error';
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

export interface Statistics {
  organisation: { id: number; name: string; path: string };
  year: number;
  /** every kind of the events enum, zeros included */
  eventsByKind: Record<EventKind, number>;
  events: number;
  participations: { count: number; people: number };
  awards: { total: number; byLevel: { level: number; count: number; byName: { awardName: string; count: number }[] }[] };
  titles: { total: number; byTitle: { title: string; count: number }[] };
  prizeMoney: { paidTotal: string; paidRecords: number; paidPeople: number; pendingTotal: string; pendingRecords: number };
}

/**
 * A person's record across events and years, and statistics per organisation subtree and year.
 * Everything is read with SQL on each request: there are no counters to drift.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

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

  /**
   * Figures for an organisation's subtree (every organisation whose path starts with its path,
   * itself included) and one calendar year, for organizers and admins whose role covers it.
   *
   * - eventsByKind / events: events whose organising organisation is in the subtree and whose
   *   starts_on falls in the year, whatever their status (drafts included); events without a
   *   start day are not counted. Every kind of the events enum appears, zeros included.
   * - participations.count: approved entries of events starting in the year, entered through an
   *   organisation of the subtree (entries.organisation_id, the delegation), guests included. An
   *   individual entry is one participation (its user_id); a relay or team entry is one per team
   *   member (team_members, captain included) and not one more for the team.
   *   participations.people: the distinct persons among those participations.
   * - awards: active (not revoked) award_records of kind 'award' whose organisation_id (the
   *   person's organisation when granted) is in the subtree and whose award year is the year; one
   *   per record, so a team award counts once per member. Grouped by level (1 highest), and within
   *   a level by award name.
   * - titles: active records of the subtree and year that carry a title, or are of kind
   *   'recognition'; named by the title, else by the award name.
   * - prizeMoney: active records of the subtree and year (either kind). paidTotal sums prize_money
   *   of payment_status 'paid' as SQL DECIMAL (exact, two decimals); paidRecords counts those
   *   records, paidPeople their distinct persons. pendingTotal / pendingRecords: the same over
   *   payment_status 'pending'. Cancelled and 'none' are in neither.
   */
  async statistics(principal: Principal, organisationId: number, year: number): Promise<Statistics> {
    const path = await this.access.assertOrg(principal, ['organizer'], organisationId);
    const [org] = (await this.dataSource.query('SELECT id, name, path FROM organisations WHERE id = ?', [organisationId])) as { id: number; name: string; path: string }[];
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const prefix = `${escapeLike(path)}%`;
    const subtree = 'SELECT id FROM organisations WHERE path LIKE ?';
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;

    const [events, participations, awards, titles, money] = await Promise.all([
      q<{ kind: EventKind; n: number }>(
        `SELECT ev.kind, COUNT(*) AS n FROM events ev
          WHERE ev.organisation_id IN (${subtree}) AND ev.starts_on >= ? AND ev.starts_on < ?
          GROUP BY ev.kind`,
        [prefix, from, to],
      ),
      q<{ n: number; people: number }>(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT p.person) AS people FROM (
           SELECT e.id AS entry, e.user_id AS person
             FROM entries e JOIN events ev ON ev.id = e.event_id JOIN event_items i ON i.id = e.item_id
            WHERE e.status = 'approved' AND i.entry_type = 'individual' AND e.organisation_id IN (${subtree})
              AND ev.starts_on >= ? AND ev.starts_on < ?
           UNION ALL
           SELECT e.id, tm.user_id
             FROM entries e JOIN events ev ON ev.id = e.event_id JOIN event_items i ON i.id = e.item_id JOIN team_members tm ON tm.entry_id = e.id
            WHERE e.status = 'approved' AND i.entry_type <> 'individual' AND e.organisation_id IN (${subtree})
              AND ev.starts_on >= ? AND ev.starts_on < ?
         ) p`,
        [prefix, from, to, prefix, from, to],
      ),
      q<{ level: number; awardName: string; n: number }>(
        `SELECT r.level, r.award_name AS awardName, COUNT(*) AS n FROM award_records r
          WHERE r.status = 'active' AND r.kind = 'award' AND r.year = ? AND r.organisation_id IN (${subtree})
          GROUP BY r.level, r.award_name ORDER BY r.level, n DESC, r.award_name`,
        [year, prefix],
      ),
      q<{ title: string; n: number }>(
        `SELECT COALESCE(r.title, r.award_name) AS title, COUNT(*) AS n FROM award_records r
          WHERE r.status = 'active' AND (r.title IS NOT NULL OR r.kind = 'recognition') AND r.year = ? AND r.organisation_id IN (${subtree})
          GROUP BY COALESCE(r.title, r.award_name) ORDER BY n DESC, title`,
        [year, prefix],
      ),
      q<{ paidTotal: string; paidRecords: number; paidPeople: number; pendingTotal: string; pendingRecords: number }>(
        // SUM over DECIMAL(12,2) is exact; cast to text so no driver turns it into a float.
        `SELECT CAST(CAST(COALESCE(SUM(CASE WHEN r.payment_status = 'paid' THEN r.prize_money END), 0) AS DECIMAL(20,2)) AS CHAR) AS paidTotal,
                COUNT(CASE WHEN r.payment_status = 'paid' THEN 1 END) AS paidRecords,
                COUNT(DISTINCT CASE WHEN r.payment_status = 'paid' THEN r.user_id END) AS paidPeople,
                CAST(CAST(COALESCE(SUM(CASE WHEN r.payment_status = 'pending' THEN r.prize_money END), 0) AS DECIMAL(20,2)) AS CHAR) AS pendingTotal,
                COUNT(CASE WHEN r.payment_status = 'pending' THEN 1 END) AS pendingRecords
           FROM award_records r
          WHERE r.status = 'active' AND r.year = ? AND r.organisation_id IN (${subtree})`,
        [year, prefix],
      ),
    ]);

    const eventsByKind = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
    for (const e of events) eventsByKind[e.kind] = Number(e.n);
    const byLevel: Statistics['awards']['byLevel'] = [];
    for (const a of awards) {
      let level = byLevel.find((l) => l.level === Number(a.level));
      if (!level) byLevel.push((level = { level: Number(a.level), count: 0, byName: [] }));
      level.count += Number(a.n);
      level.byName.push({ awardName: a.awardName, count: Number(a.n) });
    }
    const [m] = money;
    return {
      organisation: { id: Number(org.id), name: org.name, path: org.path },
      year,
      eventsByKind,
      events: Object.values(eventsByKind).reduce((s, n) => s + n, 0),
      participations: { count: Number(participations[0]?.n ?? 0), people: Number(participations[0]?.people ?? 0) },
      awards: { total: byLevel.reduce((s, l) => s + l.count, 0), byLevel },
      titles: { total: titles.reduce((s, t) => s + Number(t.n), 0), byTitle: titles.map((t) => ({ title: t.title, count: Number(t.n) })) },
      prizeMoney: {
        paidTotal: m.paidTotal,
        paidRecords: Number(m.paidRecords),
        paidPeople: Number(m.paidPeople),
        pendingTotal: m.pendingTotal,
        pendingRecords: Number(m.pendingRecords),
      },
    };
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

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
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
