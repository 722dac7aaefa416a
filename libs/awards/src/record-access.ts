import type { SqlRunner } from '@app/database';
import { AccessService, coversPath, forbidden, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import type { AwardRecordView } from './award-record-view';
import { AwardRecordReader } from './record-reader';

/** Who may see and change a record: the person sees their own; organizers over its issuer or the person's organisation act on it. */
@Injectable()
export class RecordAccess {
  constructor(
    private readonly access: AccessService,
    private readonly reader: AwardRecordReader,
  ) {}

  /** The record, for the person and organizers over it. */
  async readable(principal: Principal, id: number, sql?: SqlRunner): Promise<AwardRecordView> {
    const record = await this.reader.load(id, sql);
    if (record.userId !== principal.userId) await this.assertOrganizer(principal, record);
    return record;
  }

  async assertOrganizer(principal: Principal, r: AwardRecordView): Promise<void> {
    for (const orgId of [r.issuerId, r.organisationId]) if (coversPath(principal.roles, ['organizer'], await this.access.pathOf(orgId))) return;
    throw forbidden();
  }
}
