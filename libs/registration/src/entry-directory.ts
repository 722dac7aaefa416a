import { type SqlRunner, uniqueIds } from '@app/database';
import { PeopleDirectory } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EntryStatus } from './domain';

/** An entry as other contexts need it: whose it is, where it is entered, and in what state. */
export interface EntryFacts {
  id: number;
  eventId: number;
  itemId: number;
  /** The entrant; for a team, the person who entered it. */
  userId: number;
  organisationId: number;
  status: EntryStatus;
  bib: string | null;
  teamName: string | null;
  guest: boolean;
}

/** An entry with the names a sheet, a result list or a notice shows. */
export interface EntryLabel extends EntryFacts {
  realName: string;
  organisationName: string;
  organisationPath: string;
}

export type EntryScope = { itemId: number } | { eventId: number };

const FACTS = `e.id, e.event_id AS eventId, e.item_id AS itemId, e.user_id AS userId, e.organisation_id AS organisationId, e.status, e.bib,
  e.team_name AS teamName, e.guest`;

/**
 * Registration's read port: entries and the people on them, by id or by item/event, in bulk. The one
 * place that knows how an entry maps to people (the entrant, or every member of a team); other
 * contexts keep entry ids and ask here, never reading `entries` or `team_members`. Pass the caller's
 * transaction to read in its snapshot.
 */
@Injectable()
export class EntryDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PeopleDirectory,
  ) {}

  async entries(ids: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, EntryFacts>> {
    const wanted = uniqueIds(ids);
    if (!wanted.length) return new Map();
    const rows: EntryFacts[] = await sql.query(`SELECT ${FACTS} FROM entries e WHERE e.id IN (?)`, [wanted]);
    return new Map(rows.map((r) => [Number(r.id), facts(r)]));
  }

  /** The entries of an item or event in these states, by bib then id. */
  async within(scope: EntryScope, statuses: readonly EntryStatus[] = ['approved'], sql: SqlRunner = this.dataSource): Promise<EntryFacts[]> {
    const [column, id] = 'itemId' in scope ? ['e.item_id', scope.itemId] : ['e.event_id', scope.eventId];
    const rows: EntryFacts[] = await sql.query(`SELECT ${FACTS} FROM entries e WHERE ${column} = ? AND e.status IN (?) ORDER BY e.bib, e.id`, [id, statuses]);
    return rows.map(facts);
  }

  /** The people of each entry: every member of a team (captain first), else the entrant alone. */
  async people(entryIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, number[]>> {
    const wanted = uniqueIds(entryIds);
    if (!wanted.length) return new Map();
    const rows: { entryId: number; userId: number }[] = await sql.query(
      `SELECT e.id AS entryId, COALESCE(t.user_id, e.user_id) AS userId FROM entries e LEFT JOIN team_members t ON t.entry_id = e.id
        WHERE e.id IN (?) ORDER BY e.id, t.captain DESC, t.id`,
      [wanted],
    );
    const people = new Map<number, number[]>();
    for (const r of rows) {
      const list = people.get(Number(r.entryId));
      if (list) list.push(Number(r.userId));
      else people.set(Number(r.entryId), [Number(r.userId)]);
    }
    return people;
  }

  /** Everyone on the entries of an item or event in these states (entrants and team members), once each, in id order. */
  async audience(scope: EntryScope, statuses: readonly EntryStatus[], sql: SqlRunner = this.dataSource): Promise<number[]> {
    const [column, id] = 'itemId' in scope ? ['e.item_id', scope.itemId] : ['e.event_id', scope.eventId];
    const rows: { userId: number }[] = await sql.query(
      `SELECT e.user_id AS userId FROM entries e WHERE ${column} = ? AND e.status IN (?)
       UNION
       SELECT t.user_id FROM team_members t JOIN entries e ON e.id = t.entry_id WHERE ${column} = ? AND e.status IN (?)
       ORDER BY userId`,
      [id, statuses, id, statuses],
    );
    return rows.map((r) => Number(r.userId));
  }

  /** Each item's guest entries (特邀/表演: they score nothing), whatever their state; an item without guests has an empty list. */
  async guestsOf(itemIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, number[]>> {
    const wanted = uniqueIds(itemIds);
    const guests = new Map<number, number[]>(wanted.map((id) => [id, []]));
    if (!wanted.length) return guests;
    const rows: { itemId: number; id: number }[] = await sql.query('SELECT e.item_id AS itemId, e.id FROM entries e WHERE e.item_id IN (?) AND e.guest = 1', [wanted]);
    for (const r of rows) guests.get(Number(r.itemId))!.push(Number(r.id));
    return guests;
  }

  /** The organisations (delegations) with an entry in these states that scores (no guest) in an item or event, in id order. */
  async delegations(scope: EntryScope, statuses: readonly EntryStatus[] = ['approved'], sql: SqlRunner = this.dataSource): Promise<number[]> {
    const [column, id] = 'itemId' in scope ? ['e.item_id', scope.itemId] : ['e.event_id', scope.eventId];
    // Organisations that hold any entry (a loose scan of idx_entries_org), kept when one of them is
    // here: the optimizer then reads the scope's entries once into a semi-join; a plain DISTINCT
    // walks idx_entries_org and looks every entry up, several times slower on a large event.
    const rows: { id: number }[] = await sql.query(
      `SELECT o.organisation_id AS id FROM (SELECT DISTINCT organisation_id FROM entries) o
        WHERE o.organisation_id IN (SELECT e.organisation_id FROM entries e WHERE ${column} = ? AND e.status IN (?) AND e.guest = 0) ORDER BY id`,
      [id, statuses],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Entries with the entrant's name and the delegation's name and path. */
  async labels(ids: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, EntryLabel>> {
    return this.label(await this.entries(ids, sql), sql);
  }

  /** Adds names to entries already read. */
  async label(entries: Map<number, EntryFacts>, sql: SqlRunner = this.dataSource): Promise<Map<number, EntryLabel>> {
    const list = [...entries.values()];
    const people = await this.directory.people(list.map((e) => e.userId), sql);
    const orgs = await this.directory.organisations(list.map((e) => e.organisationId), sql);
    return new Map(
      list.map((e) => {
        const org = orgs.get(e.organisationId);
        return [e.id, { ...e, realName: people.get(e.userId)?.realName ?? '', organisationName: org?.name ?? '', organisationPath: org?.path ?? '' }];
      }),
    );
  }
}

function facts(r: EntryFacts): EntryFacts {
  return { ...r, id: Number(r.id), eventId: Number(r.eventId), itemId: Number(r.itemId), userId: Number(r.userId), organisationId: Number(r.organisationId), guest: Boolean(Number(r.guest)) };
}
