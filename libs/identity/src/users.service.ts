import { inTransaction, isDuplicateKey } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { DataSource, Repository } from 'typeorm';
import { AccessService } from './access.service';
import { forbidden, IdentityError, IdentityErrorCode } from './identity-error';
import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { coversPath, grantableRoles, type Principal, type Role, type RoleClaim, ROLES } from './roles';
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
}

export interface UserView {
  id: number;
  username: string;
  realName: string;
  language: string;
  roles: RoleClaim[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RoleAssignment) private readonly assignments: Repository<RoleAssignment>,
    private readonly access: AccessService,
  ) {}

  /** Creates a user with their roles in one transaction; the caller must be allowed to grant each role where it is granted. */
  async create(principal: Principal | 'system', input: NewUser): Promise<UserView> {
    for (const grant of input.roles) await this.assertGrantable(principal, grant);
    const passwordHash = await argon2.hash(input.password);
    try {
      const id = await inTransaction(this.dataSource, async (m) => {
        const user = await m.save(
          m.create(User, { username: input.username, passwordHash, realName: input.realName, language: input.language ?? 'zh-CN' }),
        );
        if (input.roles.length) {
          await m.insert(RoleAssignment, input.roles.map((g) => ({ userId: user.id, organisationId: g.organisationId, role: g.role })));
        }
        return user.id;
      });
      return this.view(id);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new IdentityError('conflict', IdentityErrorCode.UsernameTaken, `用户名「${input.username}」已被使用`, { field: 'username' });
      }
      throw err;
    }
  }

  async grant(principal: Principal, userId: number, grant: RoleGrant): Promise<UserView> {
    await this.assertGrantable(principal, grant);
    await this.require(userId);
    await this.assignments.createQueryBuilder().insert().values({ userId, ...grant }).orIgnore().execute();
    return this.view(userId);
  }

  /** A person sees themselves; admins and organizers see the people of their organisations. */
  async get(principal: Principal, userId: number): Promise<UserView> {
    const view = await this.view(userId);
    const mayRead =
      principal.userId === userId || view.roles.some((r) => coversPath(principal.roles, ['organizer'], r.path));
    if (!mayRead) throw forbidden();
    return view;
  }

  async view(userId: number): Promise<UserView> {
    const user = await this.require(userId);
    return { id: user.id, username: user.username, realName: user.realName, language: user.language, roles: await this.claimsOf(userId) };
  }

  async claimsOf(userId: number): Promise<RoleClaim[]> {
    const rows = await this.assignments
      .createQueryBuilder('ra')
      .innerJoin(Organisation, 'o', 'o.id = ra.organisation_id')
      .select(['ra.role AS role', 'ra.organisation_id AS orgId', 'o.path AS path'])
      .where('ra.user_id = :userId', { userId })
      .orderBy('ra.id')
      .getRawMany<{ role: Role; orgId: number; path: string }>();
    return rows.map((r) => ({ role: r.role, orgId: Number(r.orgId), path: r.path }));
  }

  async findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  private async require(userId: number): Promise<User> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new IdentityError('not_found', IdentityErrorCode.UserNotFound, `用户不存在：${userId}`);
    return user;
  }

  private async assertGrantable(principal: Principal | 'system', grant: RoleGrant): Promise<void> {
    const path = await this.access.pathOf(grant.organisationId);
    if (principal === 'system') return;
    const held = principal.roles.filter((c) => path.startsWith(c.path)).map((c) => c.role);
    if (!ROLES.includes(grant.role) || !grantableRoles(held).includes(grant.role)) {
      throw new IdentityError('forbidden', IdentityErrorCode.RoleNotGrantable, `无权在该组织授予「${grant.role}」角色`, {
        field: 'roles',
        organisationId: grant.organisationId,
      });
    }
  }
}
