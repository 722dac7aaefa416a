import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';
import type { Role, RoleClaim } from './roles';

/** The roles a user holds, each with the path of its organisation. */
@Injectable()
export class UserClaims {
  constructor(@InjectRepository(RoleAssignment) private readonly assignments: Repository<RoleAssignment>) {}

  async of(userId: number, m?: EntityManager): Promise<RoleClaim[]> {
    const repo = m ? m.getRepository(RoleAssignment) : this.assignments;
    const rows = await repo
      .createQueryBuilder('ra')
      .innerJoin(Organisation, 'o', 'o.id = ra.organisation_id')
      .select(['ra.role AS role', 'ra.organisation_id AS orgId', 'o.path AS path'])
      .where('ra.user_id = :userId', { userId })
      .orderBy('ra.id')
      .getRawMany<{ role: Role; orgId: number; path: string }>();
    return rows.map((r) => ({ role: r.role, orgId: Number(r.orgId), path: r.path }));
  }
}
