import { type SqlRunner, uniqueIds } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from './roles';

export interface PersonName {
  id: number;
  realName: string;
  language: string;
  /** False while a self-signed-up person waits for their organisation to confirm them as a member. */
  membershipConfirmed: boolean;
}

/** Where a person is a contestant: the organisation of the role and its path. */
export interface ContestantHome {
  orgId: number;
  path: string;
}

/** A person holding a role at an organisation: whom an organizer picks by name. */
export interface RoleHolder {
  id: number;
  realName: string;
  organisationId: number;
  organisationName: string;
}

export interface OrganisationName {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
}

/**
 * Identity's read port: who people and organisations are, by id, in bulk. Other contexts keep ids
 * of users and organisations in their own rows and ask here for names and paths; they never read
 * `users` or `organisations` themselves. Pass the caller's transaction to read in its snapshot.
 */
@Injectable()
export class PeopleDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async people(ids: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, PersonName>> {
    const wanted = uniqueIds(ids);
    if (!wanted.length) return new Map();
    const rows: (Omit<PersonName, 'membershipConfirmed'> & { pending: number })[] = await sql.query(
      'SELECT id, real_name AS realName, language, membership_pending_since IS NOT NULL AS pending FROM users WHERE id IN (?)',
      [wanted],
    );
    return new Map(rows.map(({ pending, ...r }) => [Number(r.id), { ...r, id: Number(r.id), membershipConfirmed: !Number(pending) }]));
  }

  async organisations(ids: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<Map<number, OrganisationName>> {
    const wanted = uniqueIds(ids);
    if (!wanted.length) return new Map();
    const rows: OrganisationName[] = await sql.query('SELECT id, name, path, parent_id AS parentId FROM organisations WHERE id IN (?)', [wanted]);
    return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), parentId: r.parentId === null ? null : Number(r.parentId) }]));
  }

  /**
   * People's real names and organisations' names together, in one statement: what an answer
   * naming an entrant and their delegation needs.
   */
  async names(userIds: Iterable<number>, orgIds: Iterable<number>, sql: SqlRunner = this.dataSource): Promise<{ people: Map<number, string>; organisations: Map<number, string> }> {
    const users = uniqueIds(userIds);
    const orgs = uniqueIds(orgIds);
    const rows: { kind: 'u' | 'o'; id: number; name: string }[] =
      users.length || orgs.length
        ? await sql.query(
            `SELECT 'u' AS kind, id, real_name AS name FROM users WHERE id IN (?) UNION ALL SELECT 'o', id, name FROM organisations WHERE id IN (?)`,
            [users.length ? users : [0], orgs.length ? orgs : [0]],
          )
        : [];
    const of = (kind: 'u' | 'o') => new Map(rows.filter((r) => r.kind === kind).map((r) => [Number(r.id), r.name]));
    return { people: of('u'), organisations: of('o') };
  }

  /**
   * The enabled organizers whose role covers the organisation at `path` (held there or at an
   * ancestor), as the access rules count them: who is told of an alert at an event there.
   */
  async organizersCovering(path: string, sql: SqlRunner = this.dataSource): Promise<number[]> {
    const rows: { userId: number }[] = await sql.query(
      `SELECT DISTINCT ra.user_id AS userId FROM role_assignments ra JOIN organisations o ON o.id = ra.organisation_id JOIN users u ON u.id = ra.user_id
        WHERE ra.role = 'organizer' AND ? LIKE CONCAT(o.path, '%') AND u.disabled_at IS NULL ORDER BY ra.user_id`,
      [path],
    );
    return rows.map((r) => Number(r.userId));
  }

  /**
   * Each person's contestant role under `path` (an organisation's subtree), the deepest one where
   * they hold several: the delegation they enter for. People without one are absent.
   */
  async contestantHomes(userIds: Iterable<number>, path: string, sql: SqlRunner = this.dataSource): Promise<Map<number, ContestantHome>> {
    const wanted = uniqueIds(userIds);
    if (!wanted.length) return new Map();
    const rows: { userId: number; orgId: number; path: string }[] = await sql.query(
      `SELECT ra.user_id AS userId, ra.organisation_id AS orgId, o.path FROM role_assignments ra JOIN organisations o ON o.id = ra.organisation_id
        WHERE ra.user_id IN (?) AND ra.role = 'contestant' AND o.path LIKE ? ORDER BY LENGTH(o.path), ra.id`,
      [wanted, `${path}%`],
    );
    // Deepest last, so it is the one kept.
    return new Map(rows.map((r) => [Number(r.userId), { orgId: Number(r.orgId), path: r.path }]));
  }

  /**
   * The enabled people holding `role` at the organisation at `path` or below it, by name (`q`, a
   * part of the real name), at most `limit`; each once, with the organisation nearest the root.
   */
  async holdersUnder(role: Role, path: string, query: { q?: string; limit: number }, sql: SqlRunner = this.dataSource): Promise<RoleHolder[]> {
    const name = query.q?.trim() ? 'AND u.real_name LIKE ?' : '';
    const rows: RoleHolder[] = await sql.query(
      `SELECT u.id, u.real_name AS realName, o.id AS organisationId, o.name AS organisationName
         FROM role_assignments ra JOIN users u ON u.id = ra.user_id JOIN organisations o ON o.id = ra.organisation_id
        WHERE ra.role = ? AND o.path LIKE ? AND u.disabled_at IS NULL ${name}
          AND NOT EXISTS (SELECT 1 FROM role_assignments ra2 JOIN organisations o2 ON o2.id = ra2.organisation_id
                           WHERE ra2.user_id = u.id AND ra2.role = ra.role AND o2.path LIKE ?
                             AND (LENGTH(o2.path) < LENGTH(o.path) OR (LENGTH(o2.path) = LENGTH(o.path) AND o2.id < o.id)))
        ORDER BY CONVERT(u.real_name USING gbk), u.id LIMIT ?`,
      [role, `${path}%`, ...(name ? [`%${query.q!.trim().replace(/[\\%_]/g, '\\$&')}%`] : []), `${path}%`, query.limit],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), organisationId: Number(r.organisationId) }));
  }

  /** The ids of the organisations at `path` and below it (a path is the ids from the root, "/1/4/"). */
  async subtree(path: string, sql: SqlRunner = this.dataSource): Promise<number[]> {
    const rows: { id: number }[] = await sql.query('SELECT id FROM organisations WHERE path LIKE ?', [`${path}%`]);
    return rows.map((r) => Number(r.id));
  }
}
