import { coversPath, type Principal } from '@app/identity';
import type { EntityManager } from 'typeorm';
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

/** Entries with names, for every reader; one query for the entries and one for team members. */
export async function entryViews(manager: EntityManager, f: EntryFilter): Promise<EntryView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => (where.push(sql), params.push(value));
  if (f.id !== undefined) add('e.id = ?', f.id);
  if (f.ids) add('e.id IN (?)', f.ids.length ? f.ids : [0]);
  if (f.itemId !== undefined) add('e.item_id = ?', f.itemId);
  if (f.eventId !== undefined) add('e.event_id = ?', f.eventId);
  if (f.status) add('e.status = ?', f.status);
  if (f.orgPaths) {
    where.push(`(${f.orgPaths.map(() => 'o.path LIKE ?').join(' OR ') || 'FALSE'})`);
    params.push(...f.orgPaths.map((p) => `${p}%`));
  }
  const rows: (Omit<EntryView, 'members'> & { entryType: string })[] = await manager.query(
    `SELECT e.id, e.event_id AS eventId, e.item_id AS itemId, i.name AS itemName, i.entry_type AS entryType,
            e.user_id AS userId, u.real_name AS realName, e.organisation_id AS organisationId, o.name AS organisationName,
            e.status, e.bib, e.team_name AS teamName, e.age_group AS ageGroup, e.rejection_reason AS rejectionReason,
            e.checked_in_at AS checkedInAt, e.created_at AS createdAt
       FROM entries e
       JOIN event_items i ON i.id = e.item_id
       JOIN users u ON u.id = e.user_id
       JOIN organisations o ON o.id = e.organisation_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY e.id
      LIMIT ? OFFSET ?`,
    [...params, f.limit ?? 100_000, f.offset ?? 0],
  );
  const teamIds = rows.filter((r) => r.entryType !== 'individual').map((r) => r.id);
  const members = new Map<number, TeamMemberView[]>();
  if (teamIds.length) {
    const list: { entryId: number; userId: number; realName: string; captain: number }[] = await manager.query(
      `SELECT tm.entry_id AS entryId, tm.user_id AS userId, u.real_name AS realName, tm.captain
         FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE tm.entry_id IN (?) ORDER BY tm.captain DESC, tm.id`,
      [teamIds],
    );
    for (const m of list) {
      const team = members.get(m.entryId) ?? [];
      team.push({ userId: m.userId, realName: m.realName, captain: Boolean(m.captain) });
      members.set(m.entryId, team);
    }
  }
  return rows.map(({ entryType, ...r }) => ({ ...r, members: entryType === 'individual' ? null : (members.get(r.id) ?? []) }));
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
