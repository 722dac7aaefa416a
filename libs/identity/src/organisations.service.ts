import { inTransaction, isDuplicateKey } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { AccessService } from './access.service';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { Organisation } from './organisation.entity';
import { CHILD_KIND, type OrgKind, type Principal } from './roles';

export interface NewOrganisation {
  name: string;
  kind: OrgKind;
  parentId: number;
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Organisation) private readonly orgs: Repository<Organisation>,
    private readonly access: AccessService,
  ) {}

  /** Only an admin of the parent (or above) creates organisations, and only of the kind the tree allows there. */
  async create(principal: Principal, input: NewOrganisation): Promise<Organisation> {
    const parent = await this.get(input.parentId);
    this.access.assertPath(principal, ['admin'], parent.path);
    const expected = CHILD_KIND[parent.kind];
    if (expected !== input.kind) {
      throw new IdentityError(
        'unprocessable',
        IdentityErrorCode.OrgKindMismatch,
        expected ? `${parent.name}下只能创建 ${expected} 类组织` : `${parent.name}是基层工会，不能再设下级组织`,
        { field: 'kind', expected },
      );
    }
    return this.insert(input.name, input.kind, parent);
  }

  /** Creates the city federation at the root: only the seed and the admin command call this. */
  createRoot(name: string): Promise<Organisation> {
    return this.insert(name, 'city', null);
  }

  async get(id: number): Promise<Organisation> {
    const org = await this.orgs.findOneBy({ id });
    if (!org) throw new IdentityError('not_found', IdentityErrorCode.OrgNotFound, `组织不存在：${id}`);
    return org;
  }

  async children(id: number): Promise<Organisation[]> {
    await this.get(id);
    return this.orgs.find({ where: { parentId: id }, order: { id: 'ASC' } });
  }

  private async insert(name: string, kind: OrgKind, parent: Organisation | null): Promise<Organisation> {
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const org = await m.save(m.create(Organisation, { name, kind, parentId: parent?.id ?? null, path: '' }));
        org.path = `${parent?.path ?? '/'}${org.id}/`;
        await m.update(Organisation, org.id, { path: org.path });
        return org;
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new IdentityError('conflict', IdentityErrorCode.OrgNameTaken, `同一上级下已有名为「${name}」的组织`, { field: 'name' });
      }
      throw err;
    }
  }
}
