import { inTransaction, insertRows, isDuplicateKey, type SqlRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AccessService } from './access.service';
import { passwordProblem, PASSWORD_MIN_LENGTH } from './domain/password-policy';
import { fieldError, forbidden, IdentityError, IdentityErrorCode } from './identity-error';
import { type AuditAction, IdentityAudit } from './identity-audit.entity';
import { RoleAssignment } from './role-assignment.entity';
import { coversPath, grantableRoles, isInSubtree, type Principal, type Role, type RoleClaim, ROLES } from './roles';
import { Passwords } from './passwords';
import { SessionsService } from './sessions.service';
import { UserClaims } from './user-claims';
import { User } from './user.entity';

export interface RoleGrant {
  organisationId: number;
  role: Role;
}

export interface NewUser {
  username: string;
  password: string;
  realName: string;
  language?: string;
  roles: RoleGrant[];
  /** Accounts people make themselves: the keyed hash of the number they signed up with. */
  mobileHash?: string;
  /** A person who signed up by themselves: a member only once their organisation confirms them. */
  membershipPending?: boolean;
}

export interface UserView {
  id: number;
  username: string;
  realName: string;
  language: string;
  disabled: boolean;
  /** False while a self-signed-up person waits for their organisation to confirm them. */
  membershipConfirmed: boolean;
  roles: RoleClaim[];
}

/** A self-signed-up person waiting to be confirmed as a member of an organisation. */
export interface PendingMember {
  id: number;
  username: string;
  realName: string;
  organisationId: number;
  organisationName: string;
  since: Date;
}

/** A contestant of an organisation in the caller's charge: someone a delegation may enter. */
export interface Member {
  id: number;
  realName: string;
  organisationId: number;
  organisationName: string;
  organisationPath: string;
  membershipConfirmed: boolean;
}

export interface MemberPage {
  total: number;
  items: Member[];
}

export interface AuditEntry {
  id: number;
  action: AuditAction;
  actorId: number | null;
  organisationId: number | null;
  role: Role | null;
  at: Date;
}

type Actor = Principal | 'system';

/** The password hash of someone entered by others: argon2 never makes one like it, so nobody logs in with it. */
const NO_PASSWORD = '!imported';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly access: AccessService,
    private readonly claims: UserClaims,
    private readonly sessions: SessionsService,
    private readonly passwords: Passwords,
  ) {}

  /** Creates a user with their roles in one transaction; the caller must be allowed to grant each role where it is granted. */
  async create(principal: Actor, input: NewUser): Promise<UserView> {
    for (const grant of input.roles) await this.assertGrantable(principal, grant);
    assertStrong(input.password, [input.username, input.realName]);
    // The collation matches "Admin" and "ａｄｍｉｎ" to admin; a name that would log in as another account is taken.
    if (await this.findByUsername(input.username)) throw usernameTaken(input.username);
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const id = await inTransaction(this.dataSource, async (m) => {
        const user = await m.save(
          m.create(User, { username: input.username, passwordHash, realName: input.realName, language: input.language ?? 'zh-CN', mobileHash: input.mobileHash ?? null,
            membershipPendingSince: input.membershipPending ? new Date() : null,
          }),
        );
        for (const grant of input.roles) {
          await m.insert(RoleAssignment, { userId: user.id, ...grant });
          await audit(m, principal, 'role_granted', user.id, grant);
        }
        return user.id;
      });
      return this.view(id);
    } catch (err) {
      if (isDuplicateKey(err)) throw usernameTaken(input.username);
      throw err;
    }
  }

  /** Grants a role to a person of the granter's own subtree; granting what they already hold changes nothing. */
  async grant(principal: Principal, userId: number, grant: RoleGrant): Promise<UserView> {
    await this.assertGrantable(principal, grant);
    await this.assertInSubtree(principal, userId);
    await inTransaction(this.dataSource, async (m) => {
      const added: { affectedRows: number } = await m.query(
        'INSERT IGNORE INTO role_assignments (user_id, organisation_id, role) VALUES (?, ?, ?)',
        [userId, grant.organisationId, grant.role],
      );
      if (added.affectedRows) await audit(m, principal, 'role_granted', userId, grant);
    });
    return this.view(userId);
  }

  /** Removes a role; every token the person holds stops working within seconds. */
  async removeRole(principal: Principal, userId: number, grant: RoleGrant): Promise<UserView> {
    notOnYourself(principal, userId);
    await this.assertGrantable(principal, grant);
    await this.assertInSubtree(principal, userId);
    await inTransaction(this.dataSource, async (m) => {
      const removed = await m.delete(RoleAssignment, { userId, organisationId: grant.organisationId, role: grant.role });
      if (!removed.affected) {
        throw fieldError('not_found', IdentityErrorCode.RoleNotHeld, 'role', `该用户在此组织没有「${grant.role}」角色`);
      }
      await audit(m, principal, 'role_removed', userId, grant);
      await this.sessions.bump(m, userId);
    });
    await this.sessions.forget(userId);
    return this.view(userId);
  }

  /** Disables or re-enables an account; only someone who could grant every role the person holds may. */
  async setDisabled(principal: Principal, userId: number, disabled: boolean): Promise<UserView> {
    notOnYourself(principal, userId);
    const held = await this.assertInSubtree(principal, userId);
    for (const claim of held) await this.assertGrantable(principal, { organisationId: claim.orgId, role: claim.role });
    await inTransaction(this.dataSource, async (m) => {
      const user = await m.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !!user.disabledAt === disabled) return;
      await m.update(User, userId, { disabledAt: disabled ? new Date() : null });
      await audit(m, principal, disabled ? 'user_disabled' : 'user_enabled', userId, null);
      await this.sessions.bump(m, userId);
    });
    await this.sessions.forget(userId);
    return this.view(userId);
  }

  /** Sets a new password after checking the current one; every earlier token stops working. */
  async changePassword(userId: number, current: string, next: string): Promise<void> {
    const user = await this.require(userId);
    const ok = await this.passwords.verify(user.passwordHash, current);
    if (!ok) throw fieldError('invalid', IdentityErrorCode.BadCredentials, 'currentPassword', '当前密码不正确');
    assertStrong(next, [user.username, user.realName], 'newPassword');
    const passwordHash = await this.passwords.hash(next);
    await inTransaction(this.dataSource, async (m) => {
      await m.update(User, userId, { passwordHash });
      await this.sessions.bump(m, userId);
    });
    await this.sessions.forget(userId);
  }

  /** A new password without the current one (the owner proved the number by SMS code); every earlier token stops working. */
  async resetPassword(userId: number, next: string): Promise<void> {
    const user = await this.require(userId);
    assertStrong(next, [user.username, user.realName], 'password');
    const passwordHash = await this.passwords.hash(next);
    await inTransaction(this.dataSource, async (m) => {
      await m.update(User, userId, { passwordHash });
      await this.sessions.bump(m, userId);
    });
    await this.sessions.forget(userId);
  }

  /** The same password under a new hash; a password changed meanwhile stays as it is. Tokens stay valid. */
  async replaceHash(userId: number, stored: string, fresh: string): Promise<void> {
    await this.users.update({ id: userId, passwordHash: stored }, { passwordHash: fresh });
  }

  /**
   * People entered by someone else (a roster import), each a contestant of `organisationId`, in the
   * caller's transaction. They cannot log in until someone gives them a password: no argon2 hash
   * starts with '!'. Answers their ids in the order given.
   */
  async createContestants(m: EntityManager, people: { username: string; realName: string }[], organisationId: number): Promise<number[]> {
    if (!people.length) return [];
    await insertRows(m, 'users', ['username', 'password_hash', 'real_name'], people.map((p) => [p.username, NO_PASSWORD, p.realName]));
    const rows: { id: number; username: string }[] = await m.query('SELECT id, username FROM users WHERE username IN (?)', [people.map((p) => p.username)]);
    const idOf = new Map(rows.map((r) => [r.username, Number(r.id)]));
    const ids = people.map((p) => idOf.get(p.username)!);
    await insertRows(m, 'role_assignments', ['user_id', 'organisation_id', 'role'], ids.map((userId) => [userId, organisationId, 'contestant']));
    return ids;
  }

  /** The name a person goes by, as their profile gives it; in the caller's transaction when given one. */
  async rename(userId: number, realName: string, sql: SqlRunner = this.dataSource): Promise<void> {
    await sql.query('UPDATE users SET real_name = ? WHERE id = ?', [realName, userId]);
  }

  /** The language messages reach the person in; in the caller's transaction when given one. */
  async setLanguage(userId: number, language: string, sql: SqlRunner = this.dataSource): Promise<void> {
    await sql.query('UPDATE users SET language = ? WHERE id = ?', [language, userId]);
  }

  /** Ends every token the person holds (logout everywhere). */
  async endSessions(userId: number): Promise<void> {
    await this.sessions.bump(this.dataSource.manager, userId);
    await this.sessions.forget(userId);
  }

  /** A person sees themselves; admins and organizers see the people of their organisations. */
  async get(principal: Principal, userId: number): Promise<UserView> {
    const view = await this.view(userId);
    const mayRead =
      principal.userId === userId || view.roles.some((r) => coversPath(principal.roles, ['organizer'], r.path));
    if (!mayRead) throw forbidden();
    return view;
  }

  /** Who changed this person's access, and when; for those who may read the person, or organizers over an organisation the log names. */
  async auditOf(principal: Principal, userId: number): Promise<AuditEntry[]> {
    const rows = await this.dataSource.getRepository(IdentityAudit).find({ where: { userId }, order: { id: 'ASC' } });
    const paths = await Promise.all([...new Set(rows.map((r) => r.organisationId).filter((id) => id !== null))].map((id) => this.access.pathOf(id)));
    if (!paths.some((path) => coversPath(principal.roles, ['organizer'], path))) await this.get(principal, userId);
    return rows.map((r) => ({ id: r.id, action: r.action, actorId: r.actorId, organisationId: r.organisationId, role: r.role, at: r.createdAt }));
  }

  async view(userId: number): Promise<UserView> {
    const user = await this.require(userId);
    return {
      id: user.id,
      username: user.username,
      realName: user.realName,
      language: user.language,
      disabled: !!user.disabledAt,
      membershipConfirmed: !user.membershipPendingSince,
      roles: await this.claims.of(userId),
    };
  }

  /**
   * People who signed up by themselves as contestants of an organisation in the caller's charge
   * (a delegation leader's or organizer's subtree) and wait to be confirmed, oldest first.
   */
  async pendingMembers(principal: Principal): Promise<PendingMember[]> {
    const paths = principal.roles.filter((c) => c.role === 'delegation_leader' || c.role === 'organizer').map((c) => c.path);
    if (!paths.length) return [];
    const rows: (Omit<PendingMember, 'since'> & { since: string | Date })[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.real_name AS realName, o.id AS organisationId, o.name AS organisationName, u.membership_pending_since AS since
         FROM users u JOIN role_assignments ra ON ra.user_id = u.id AND ra.role = 'contestant' JOIN organisations o ON o.id = ra.organisation_id
        WHERE u.membership_pending_since IS NOT NULL AND u.disabled_at IS NULL AND (${paths.map(() => 'o.path LIKE ?').join(' OR ')})
        ORDER BY u.membership_pending_since, u.id LIMIT 500`,
      paths.map((p) => `${p}%`),
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), organisationId: Number(r.organisationId), since: new Date(r.since) }));
  }

  /**
   * The enabled contestants of the organisations under the caller's delegation-leader or organizer
   * roles, by name (a part of it), a page at a time. A person holding contestant roles in two of
   * those organisations is listed once, under the deeper one (the delegation they enter for).
   */
  async members(principal: Principal, query: { q?: string; offset: number; limit: number }): Promise<MemberPage> {
    const paths = principal.roles.filter((c) => c.role === 'delegation_leader' || c.role === 'organizer').map((c) => c.path);
    if (!paths.length) return { total: 0, items: [] };
    const under = `(${paths.map(() => 'o.path LIKE ?').join(' OR ')})`;
    const name = query.q?.trim() ? 'AND u.real_name LIKE ?' : '';
    const args = [...paths.map((p) => `${p}%`), ...(name ? [`%${query.q!.trim().replace(/[\\%_]/g, '\\$&')}%`] : [])];
    const from = `FROM users u JOIN role_assignments ra ON ra.user_id = u.id AND ra.role = 'contestant' JOIN organisations o ON o.id = ra.organisation_id
        WHERE u.disabled_at IS NULL AND ${under} ${name}`;
    const [count]: { n: number }[] = await this.dataSource.query(`SELECT COUNT(DISTINCT u.id) AS n ${from}`, args);
    const rows: { id: number; realName: string; pending: number; organisationId: number; organisationName: string; organisationPath: string }[] =
      await this.dataSource.query(
        `SELECT u.id, u.real_name AS realName, u.membership_pending_since IS NOT NULL AS pending,
                o.id AS organisationId, o.name AS organisationName, o.path AS organisationPath
           ${from}
            AND LENGTH(o.path) = (SELECT MAX(LENGTH(o2.path)) FROM role_assignments ra2 JOIN organisations o2 ON o2.id = ra2.organisation_id
                                   WHERE ra2.user_id = u.id AND ra2.role = 'contestant' AND ${under.replaceAll('o.path', 'o2.path')})
          GROUP BY u.id ORDER BY CONVERT(u.real_name USING gbk), u.id LIMIT ? OFFSET ?`,
        [...args, ...paths.map((p) => `${p}%`), query.limit, query.offset],
      );
    return {
      total: Number(count.n),
      items: rows.map(({ pending, ...r }) => ({ ...r, id: Number(r.id), organisationId: Number(r.organisationId), membershipConfirmed: !Number(pending) })),
    };
  }

  /**
   * Confirms a self-signed-up person as a member of the organisation they chose: only a delegation
   * leader of it or an organizer above it may, since they know who works there. From then on the
   * delegation may enter them and rules asking for membership count them.
   */
  async confirmMembership(principal: Principal, userId: number): Promise<UserView> {
    const user = await this.require(userId);
    const held = await this.claims.of(userId);
    const home = held.find((c) => c.role === 'contestant' && coversPath(principal.roles, ['delegation_leader', 'organizer'], c.path));
    if (!home) throw fieldError('forbidden', IdentityErrorCode.PersonOutsideSubtree, 'id', '该人员不属于您管理的组织，无权确认其会员身份');
    if (!user.membershipPendingSince) throw fieldError('conflict', IdentityErrorCode.MembershipNotPending, 'id', '该人员的会员身份已确认，无需再次确认');
    await inTransaction(this.dataSource, async (m) => {
      const done: { affectedRows: number } = await m.query('UPDATE users SET membership_pending_since = NULL WHERE id = ? AND membership_pending_since IS NOT NULL', [userId]);
      if (!done.affectedRows) throw fieldError('conflict', IdentityErrorCode.MembershipNotPending, 'id', '该人员的会员身份已确认，无需再次确认');
      await audit(m, principal, 'membership_confirmed', userId, { organisationId: home.orgId, role: 'contestant' });
    });
    return this.view(userId);
  }

  claimsOf(userId: number): Promise<RoleClaim[]> {
    return this.claims.of(userId);
  }

  async tokenVersion(userId: number): Promise<number> {
    return (await this.require(userId)).tokenVersion;
  }

  async findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  private async require(userId: number): Promise<User> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new IdentityError('not_found', IdentityErrorCode.UserNotFound, `用户不存在：${userId}`);
    return user;
  }

  /**
   * The person must belong to the granter's own subtree: every role they hold lies under an
   * organisation where the granter may grant. A person with no role belongs to the city's admins only.
   */
  private async assertInSubtree(principal: Principal, userId: number): Promise<RoleClaim[]> {
    await this.require(userId);
    const held = await this.claims.of(userId);
    const granting = principal.roles.filter((c) => grantableRoles([c.role]).length > 0);
    if (!isInSubtree(held, granting)) {
      throw fieldError('forbidden', IdentityErrorCode.PersonOutsideSubtree, 'id', '该人员不属于您管理的组织，无权调整其角色或账号');
    }
    return held;
  }

  private async assertGrantable(principal: Actor, grant: RoleGrant): Promise<void> {
    const path = await this.access.pathOf(grant.organisationId);
    if (principal === 'system') return;
    const held = principal.roles.filter((c) => path.startsWith(c.path)).map((c) => c.role);
    if (!ROLES.includes(grant.role) || !grantableRoles(held).includes(grant.role)) {
      throw fieldError('forbidden', IdentityErrorCode.RoleNotGrantable, 'role', `无权在该组织授予或撤销「${grant.role}」角色`);
    }
  }
}

function assertStrong(password: string, userInputs: string[], field = 'password'): void {
  const problem = passwordProblem(password, userInputs);
  if (problem === 'too_short') {
    throw fieldError('invalid', IdentityErrorCode.WeakPassword, field, `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  }
  if (problem === 'too_weak') {
    throw fieldError('invalid', IdentityErrorCode.WeakPassword, field, '密码太容易被猜到：请避免常见词、键盘顺序和自己的用户名或姓名，可用几个不相关的词组成');
  }
}

function usernameTaken(username: string): IdentityError {
  return fieldError('conflict', IdentityErrorCode.UsernameTaken, 'username', `用户名「${username}」已被使用`);
}

function notOnYourself(principal: Principal, userId: number): void {
  if (principal.userId === userId) {
    throw fieldError('unprocessable', IdentityErrorCode.NotOnYourself, 'id', '不能撤销自己的角色或停用自己的账号，请由上级组织办理');
  }
}

async function audit(m: EntityManager, actor: Actor, action: AuditAction, userId: number, grant: RoleGrant | null): Promise<void> {
  await m.insert(IdentityAudit, {
    actorId: actor === 'system' ? null : actor.userId,
    action,
    userId,
    organisationId: grant?.organisationId ?? null,
    role: grant?.role ?? null,
  });
}
