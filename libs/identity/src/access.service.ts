import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { forbidden, IdentityError, IdentityErrorCode } from './identity-error';
import { Organisation } from './organisation.entity';
import { coversPath, type Principal, type Role } from './roles';

/** Answers "may this principal act with one of these roles on that organisation?" for every context. */
@Injectable()
export class AccessService {
  constructor(@InjectRepository(Organisation) private readonly orgs: Repository<Organisation>) {}

  async pathOf(orgId: number): Promise<string> {
    const org = await this.orgs.findOne({ where: { id: orgId }, select: { id: true, path: true } });
    if (!org) throw new IdentityError('not_found', IdentityErrorCode.OrgNotFound, `组织不存在：${orgId}`);
    return org.path;
  }

  /** Throws 403 unless the principal holds one of `roles` at `path` or above it. */
  assertPath(principal: Principal, roles: readonly Role[], path: string): void {
    if (!coversPath(principal.roles, roles, path)) throw forbidden();
  }

  async assertOrg(principal: Principal, roles: readonly Role[], orgId: number): Promise<string> {
    const path = await this.pathOf(orgId);
    this.assertPath(principal, roles, path);
    return path;
  }
}
