import { EVENT_KINDS, type EventKind } from '@app/events';
import { HikingFigures } from '@app/hiking';
import { AccessService, type Principal } from '@app/identity';
import { FairFigures, type FairCounts, type FairRates, fairRates, figuresWorkbook } from '@app/job-fair';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
  /** the job fairs of the subtree and year, counted by the job fair's own figures */
  jobFairs: { fairs: number; counts: FairCounts & { postings: number; notFixedPostings: number }; rates: FairRates };
  hiking: { routes: HikingRouteFigures[]; organisations: HikingOrganisationFigures[] };
}

/** Walkers who started and finished; completionRate = finished / started (4 decimals), null when nobody started. */
export interface WalkFigures {
  started: number;
  finished: number;
  completionRate: number | null;
}
export interface HikingRouteFigures extends WalkFigures {
  itemId: number;
  route: string;
  event: string;
}
export interface HikingOrganisationFigures extends WalkFigures {
  organisationId: number;
  name: string;
}

/**
 * Figures per organisation subtree and calendar year: events, participations, awards, titles and
 * prize money. Counted with SQL on each request: there are no counters to drift.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly hikingFigures: HikingFigures,
    private readonly fairFigures: FairFigures,
  ) {}

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
   * - hiking: walkers of routes whose reference start (Beijing time) is in the year, through hiking's
   *   read port: per route of an event organised in the subtree, and per organisation of the
   *   subtree that entered them (the entry's delegation), those who started (start scan or the
   *   wave's gun), those who finished, and the completion rate.
   * - jobFairs: the job_fair events counted in eventsByKind (organised in the subtree, starting in
   *   the year, whatever their status), their figures asked of the job fair's read port
   *   (FairFigures.ofFairs): employers approved and positions offered summed per fair, seekers the
   *   unique people registered for any of them, visits, CVs delivered, applications, stages
   *   reached, intentions and hires summed; rates from those totals.
   */
  async statistics(principal: Principal, organisationId: number, year: number): Promise<Statistics> {
    const path = await this.access.assertOrg(principal, ['organizer'], organisationId);
    const [org] = (await this.dataSource.query('SELECT id, name, path FROM organisations WHERE id = ?', [organisationId])) as { id: number; name: string; path: string }[];
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const prefix = `${escapeLike(path)}%`;
    const subtree = 'SELECT id FROM organisations WHERE path LIKE ?';
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;

    const [events, participations, awards, titles, money, fairs] = await Promise.all([
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
      q<{ id: number }>(
        `SELECT ev.id FROM events ev
          WHERE ev.kind = 'job_fair' AND ev.organisation_id IN (${subtree}) AND ev.starts_on >= ? AND ev.starts_on < ?`,
        [prefix, from, to],
      ),
    ]);
    const fairCounts = await this.fairFigures.ofFairs(fairs.map((f) => Number(f.id)));

    const hiking = await this.hiking(year, prefix);
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
      hiking,
      jobFairs: { fairs: fairs.length, counts: fairCounts, rates: fairRates(fairCounts) },
    };
  }

  private async hiking(year: number, prefix: string): Promise<Statistics['hiking']> {
    const figures = await this.hikingFigures.ofYear(year);
    if (!figures.length) return { routes: [], organisations: [] };
    const eventIds = [...new Set(figures.map((f) => f.eventId))];
    const entryIds = [...new Set(figures.map((f) => f.entryId))];
    const [events, entries] = await Promise.all([
      this.dataSource.query('SELECT ev.id, ev.name FROM events ev JOIN organisations o ON o.id = ev.organisation_id WHERE ev.id IN (?) AND o.path LIKE ?', [eventIds, prefix]) as Promise<{ id: number; name: string }[]>,
      this.dataSource.query('SELECT e.id, o.id AS orgId, o.name FROM entries e JOIN organisations o ON o.id = e.organisation_id WHERE e.id IN (?) AND o.path LIKE ?', [entryIds, prefix]) as Promise<{ id: number; orgId: number; name: string }[]>,
    ]);
    const eventName = new Map(events.map((e) => [Number(e.id), e.name]));
    const orgOf = new Map(entries.map((e) => [Number(e.id), { id: Number(e.orgId), name: e.name }]));
    const rate = <T extends { started: number; finished: number }>(f: T): T & WalkFigures => ({ ...f, completionRate: f.started ? Math.round((f.finished / f.started) * 10_000) / 10_000 : null });
    const routes = new Map<number, { itemId: number; route: string; event: string; started: number; finished: number }>();
    const orgs = new Map<number, { organisationId: number; name: string; started: number; finished: number }>();
    for (const f of figures) {
      const event = eventName.get(f.eventId);
      if (event !== undefined) {
        const r = routes.get(f.itemId) ?? { itemId: f.itemId, route: f.routeName, event, started: 0, finished: 0 };
        r.started += f.started;
        r.finished += f.finished;
        routes.set(f.itemId, r);
      }
      const org = orgOf.get(f.entryId);
      if (org) {
        const o = orgs.get(org.id) ?? { organisationId: org.id, name: org.name, started: 0, finished: 0 };
        o.started += f.started;
        o.finished += f.finished;
        orgs.set(org.id, o);
      }
    }
    return { routes: [...routes.values()].map(rate), organisations: [...orgs.values()].sort((a, b) => a.organisationId - b.organisationId).map(rate) };
  }
}

/** The job fairs' figures of a subtree and year as a workbook, for the unions' yearly report; the same access as the statistics. */
export async function jobFairStatisticsWorkbook(s: Statistics): Promise<{ fileName: string; localName: string; body: Buffer }> {
  const body = await figuresWorkbook(`${s.organisation.name} ${s.year}年招聘会数据统计`, s.jobFairs.counts, s.jobFairs.rates);
  return { fileName: `job-fairs-${s.organisation.id}-${s.year}.xlsx`, localName: `${s.organisation.name}-${s.year}年招聘会数据统计.xlsx`, body };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
