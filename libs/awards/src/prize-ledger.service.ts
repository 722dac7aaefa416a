import { AccessService, PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import type { AwardRecordView } from './award-record-view';
import { type LedgerTotal, summarizePrizeLedger } from './domain';
import { AwardRecordReader, view } from './record-reader';

/** Prize money owed and paid, per organisation subtree and year, from the award records that carry money. */
@Injectable()
export class PrizeLedgerService {
  constructor(
    private readonly access: AccessService,
    private readonly directory: PeopleDirectory,
    private readonly reader: AwardRecordReader,
  ) {}

  /** Prize money of a subtree and year, exact to the fen, with each record's line (organizers over the organisation). */
  async ledger(principal: Principal, organisationId: number, year: number): Promise<{ total: LedgerTotal; payments: AwardRecordView[] }> {
    const path = await this.access.assertOrg(principal, ['organizer'], organisationId);
    const subtree = await this.directory.subtree(path);
    const payments = (await this.reader.read('r.organisation_id IN (?) AND r.year = ? AND r.prize_money IS NOT NULL', [subtree, year])).map(view);
    const orgs = await this.directory.organisations(payments.map((p) => p.organisationId));
    const [total] = summarizePrizeLedger(
      payments.flatMap((p) => (p.paymentStatus === 'none' ? [] : [{ amount: p.prizeMoney!, status: p.paymentStatus, orgPath: orgs.get(p.organisationId)!.path, year }])),
      { orgPaths: [path] },
    );
    return { total: total ?? { orgPath: path, year, paid: '0.00', pending: '0.00', cancelled: '0.00', committed: '0.00', counts: { paid: 0, pending: 0, cancelled: 0 } }, payments };
  }
}
