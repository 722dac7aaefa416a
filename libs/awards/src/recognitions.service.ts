import { beijingDate } from '@app/common';
import { AppConfig } from '@app/config';
import { inTransaction } from '@app/database';
import { AccessService, PeopleDirectory, type Principal, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AwardRecordView } from './award-record-view';
import { AwardsError, AwardsErrorCode } from './awards-error';
import { yuan } from './prize-money';
import { RecordAccess } from './record-access';
import { writeRecords } from './record-writer';

export interface RecognitionInput {
  issuerId: number;
  userId: number;
  /** The person's organisation, for statistics; default the issuer. */
  organisationId?: number;
  awardName: string;
  title?: string;
  citation: string;
  prizeMoney?: string;
  year?: number;
}

/** Titles an organisation confers by hand (杭州工匠 and the like), kept as award records outside any event. */
@Injectable()
export class RecognitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly directory: PeopleDirectory,
    private readonly records: RecordAccess,
    private readonly config: AppConfig,
  ) {}

  /**
   * Organizers of the issuing organisation confer a title on a person of the issuer's subtree,
   * counted for an organisation of it: a record opens the person's history to the organizers over
   * its organisation, so it may not reach outside.
   */
  async confer(principal: Principal, input: RecognitionInput): Promise<AwardRecordView> {
    const issuerPath = await this.access.assertOrg(principal, ['organizer'], input.issuerId);
    const organisationId = input.organisationId ?? input.issuerId;
    if (organisationId !== input.issuerId && !(await this.access.pathOf(organisationId)).startsWith(issuerPath)) {
      throw new AwardsError('forbidden', AwardsErrorCode.OutsideIssuer, `组织 ${organisationId} 不在授予单位之下`, { field: 'organisationId' });
    }
    if (!(await this.directory.people([input.userId])).has(input.userId)) {
      throw new AwardsError('not_found', AwardsErrorCode.PersonNotFound, `用户不存在：${input.userId}`, { field: 'userId' });
    }
    if (!(await this.users.claimsOf(input.userId)).some((c) => c.path.startsWith(issuerPath))) {
      throw new AwardsError('forbidden', AwardsErrorCode.OutsideIssuer, '该人员不属于授予单位及其下属组织', { field: 'userId' });
    }
    const year = input.year ?? Number(beijingDate().slice(0, 4));
    const issuer = (await this.directory.organisations([input.issuerId])).get(input.issuerId)!;
    const ids = await inTransaction(this.dataSource, (m) =>
      writeRecords(
        m,
        [
          {
            grantKey: `r:${input.issuerId}:u:${input.userId}:${input.awardName}:${year}`,
            kind: 'recognition',
            userId: input.userId,
            organisationId,
            issuerId: input.issuerId,
            eventId: null,
            itemId: null,
            entryId: null,
            awardCode: 'recognition',
            awardName: input.awardName,
            level: 1,
            title: input.title ?? null,
            citation: input.citation,
            prizeMoney: yuan(input.prizeMoney),
            year,
            grantedOn: beijingDate(),
            grantedBy: principal.userId,
          },
        ],
        { event: issuer.name, item: input.awardName },
        this.config.PUBLIC_URL,
      ),
    );
    if (!ids.length) {
      throw new AwardsError('conflict', AwardsErrorCode.DuplicateRecognition, `${year} 年已授予该用户「${input.awardName}」`, { field: 'awardName' });
    }
    return this.records.readable(principal, ids[0]);
  }
}
