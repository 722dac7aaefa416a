import { type SqlRunner } from '@app/database';
import { ItemCatalog } from '@app/events';
import { coversPath, PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EntryStatus } from './domain';

export interface TeamMemberView {
  userId: number;
  realName: string;
  captain: boolean;
}

export interface EntryView {
  id: number;
  eventId: number;
  itemId: number;
  itemName: string;
  userId: number;
  realName: string;
  organisationId: number;
  organisationName: string;
  status: EntryStatus;
  bib: string | null;
  teamName: string | null;
  members: TeamMemberView[] | null;
  ageGroup: string | null;
  rejectionReason: string | null;
  checkedInAt: Date | null;
  createdAt: Date;
}

export interface EntryFilter {
  id?: number;
  ids?: number[];
  itemId?: number;
  eventId?: number;
  status?: EntryStatus;
  /** Only entries of organisations under one of these materialised paths (a delegation leader's view). */
  orgPaths?: string[];
  offset?: number;
  limit?: number;
}

/**
 * Entries with names, for every reader: the entries and team members from registration's own
 * tables, then the items' names and kinds, the people's and the delegations' names through the
 * owners' read ports, each in one read whatever the number of entries.
 */
@Injectable()
export class EntryViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: PeopleDirectory,
    private readonly catalog: ItemCatalog,
  ) {}

  async list(f: EntryFilter, sql: SqlRunner = this.dataSource): Promise<EntryView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => (where.push(clause), params.push(value));
    if (f.id !== undefined) add('e.id = ?', f.id);
    if (f.ids) add('e.id IN (?)', f.ids.length ? f.ids : [0]);
    if (f.itemId !== undefined) add('e.item_id = ?', f.itemId);
    if (f.eventId !== undefined) add('e.event_id = ?', f.eventId);
    if (f.status) add('e.status = ?', f.status);
    if (f.orgPaths) {
      const under = new Set<number>();
      for (const path of f.orgPaths) for (const id of await this.directory.subtree(path, sql)) under.add(id);
      add('e.organisation_id IN (?)', under.size ? [...under] : [0]);
    }
    const rows: Omit<EntryView, 'members' | 'itemName' | 'realName' | 'organisationName'>[] = await sql.query(
      `SELECT e.id, e.event_id AS eventId, e.item_id AS itemId, e.user_id AS userId, e.organisation_id AS organisationId,
              e.status, e.bib, e.team_name AS teamName, e.age_group AS ageGroup, e.rejection_reason AS rejectionReason,
              e.checked_in_at AS checkedInAt, e.created_at AS createdAt
         FROM entries e
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.id
        LIMIT ? OFFSET ?`,
      [...params, f.limit ?? 100_000, f.offset ?? 0],
    );
    if (!rows.length) return [];
    const items = await this.catalog.items(rows.map((r) => r.itemId), sql);
    const teamIds = rows.filter((r) => items.get(Number(r.itemId))?.entryType !== 'individual').map((r) => r.id);
    const memberRows: { entryId: number; userId: number; captain: number }[] = teamIds.length
      ? await sql.query('SELECT entry_id AS entryId, user_id AS userId, captain FROM team_members WHERE entry_id IN (?) ORDER BY captain DESC, id', [teamIds])
      : [];
    const people = await this.directory.people([...rows.map((r) => r.userId), ...memberRows.map((m) => m.userId)], sql);
    const orgs = await this.directory.organisations(rows.map((r) => r.organisationId), sql);
    const members = new Map<number, TeamMemberView[]>();
    for (const m of memberRows) {
      const team = members.get(Number(m.entryId)) ?? [];
      team.push({ userId: Number(m.userId), realName: people.get(Number(m.userId))?.realName ?? '', captain: Boolean(m.captain) });
      members.set(Number(m.entryId), team);
    }
    return rows.map((r) => {
      const item = items.get(Number(r.itemId));
      return {
        ...r,
        itemName: item?.name ?? '',
        realName: people.get(Number(r.userId))?.realName ?? '',
        organisationName: orgs.get(Number(r.organisationId))?.name ?? '',
        members: item?.entryType === 'individual' ? null : (members.get(r.id) ?? []),
      };
    });
  }
}

/**
 * Which of an event's entries the principal may list: all of them for its
 * organizers; for delegation leaders those of the organisations they lead
 * (a leader above the event's organisation sees the whole event); null for
 * anyone else.
 */
export function readableEntries(principal: Principal, eventPath: string): Pick<EntryFilter, 'orgPaths'> | null {
  if (coversPath(principal.roles, ['organizer'], eventPath)) return {};
  const paths = principal.roles
    .filter((r) => r.role === 'delegation_leader' && (r.path.startsWith(eventPath) || eventPath.startsWith(r.path)))
    .map((r) => (r.path.length >= eventPath.length ? r.path : eventPath));
  return paths.length ? { orgPaths: paths } : null;
}
