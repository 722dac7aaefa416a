import { inTransaction } from '@app/database';
import { PeopleDirectory, type Principal } from '@app/identity';
import { enqueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AwardRecordView } from './award-record-view';
import { AwardsError, AwardsErrorCode } from './awards-error';
import { yuan } from './prize-money';
import { RecordAccess } from './record-access';
import { AwardRecordReader } from './record-reader';

export interface CorrectionInput {
  awardName?: string;
  title?: string | null;
  citation?: string | null;
  prizeMoney?: string | null;
  reason: string;
}

export interface PaymentInput {
  status: 'paid' | 'cancelled';
  paidOn?: string;
  reference?: string;
  reason?: string;
}

export interface AuditStep {
  id: number;
  action: string;
  by: number | null;
  byName: string | null;
  at: Date;
  reason: string | null;
  before: unknown;
  after: unknown;
}

type Change = { action: 'revoked' | 'corrected' | 'paid' | 'cancelled'; before: unknown; after: unknown; render?: boolean };

/**
 * What happens to a record after it is granted, by organizers over it: revocation, correction and
 * the payment of its prize money, each one audited step under the record's row lock.
 */
@Injectable()
export class RecordChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: AwardRecordReader,
    private readonly records: RecordAccess,
    private readonly directory: PeopleDirectory,
  ) {}

  /** A revoked award stays on record, marked revoked, and verifies as revoked; the reason goes to the audit. */
  async revoke(principal: Principal, id: number, reason: string): Promise<AwardRecordView> {
    await this.change(principal, id, async (m, r) => {
      if (r.status === 'revoked') throw new AwardsError('conflict', AwardsErrorCode.Revoked, `奖项记录 ${id} 已撤销`);
      // Money not yet paid for an award withdrawn is not owed any more; paid money is a matter for the books.
      const payment = r.paymentStatus === 'pending' ? 'cancelled' : r.paymentStatus;
      await m.query('UPDATE award_records SET status = ?, payment_status = ?, revision = revision + 1 WHERE id = ?', ['revoked', payment, id]);
      return { action: 'revoked', before: { status: r.status, paymentStatus: r.paymentStatus }, after: { status: 'revoked', paymentStatus: payment } };
    }, reason);
    return this.records.readable(principal, id);
  }

  /** Corrects what an award says (name, title, citation, money), with a reason; the certificate is rendered again. */
  async correct(principal: Principal, id: number, correction: CorrectionInput): Promise<AwardRecordView> {
    const input = { ...correction, prizeMoney: correction.prizeMoney === undefined ? undefined : yuan(correction.prizeMoney) };
    await this.change(principal, id, async (m, r) => {
      if (r.status === 'revoked') throw new AwardsError('conflict', AwardsErrorCode.Revoked, `奖项记录 ${id} 已撤销，不能更正`);
      const fields = { awardName: 'award_name', title: 'title', citation: 'citation', prizeMoney: 'prize_money' } as const;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
        if (input[key] === undefined || input[key] === r[key]) continue;
        before[key] = r[key];
        after[key] = input[key];
      }
      if (!Object.keys(after).length) throw new AwardsError('unprocessable', AwardsErrorCode.NothingToCorrect, '更正内容与现有记录相同');
      if ('prizeMoney' in after && r.paymentStatus === 'paid') {
        throw new AwardsError('conflict', AwardsErrorCode.PaymentState, '奖金已发放，不能更正金额', { field: 'prizeMoney' });
      }
      const sets = Object.keys(after).map((k) => `${fields[k as keyof typeof fields]} = ?`);
      const payment = 'prizeMoney' in after ? (after.prizeMoney === null ? 'none' : 'pending') : r.paymentStatus;
      await m.query(`UPDATE award_records SET ${sets.join(', ')}, payment_status = ?, revision = revision + 1 WHERE id = ?`, [...Object.values(after), payment, id]);
      return { action: 'corrected', before, after };
    }, input.reason);
    return this.records.readable(principal, id);
  }

  /** Pending prize money paid (with the day and a payment reference) or cancelled; nothing else changes it. */
  async payment(principal: Principal, id: number, input: PaymentInput): Promise<AwardRecordView> {
    await this.change(
      principal,
      id,
      async (m, r) => {
        if (r.paymentStatus !== 'pending') {
          throw new AwardsError('conflict', AwardsErrorCode.PaymentState, `奖金状态为 ${r.paymentStatus}，只有待发放（pending）的奖金可以登记发放或取消`, { field: 'status' });
        }
        if (input.status === 'paid' && (!input.paidOn || !input.reference)) {
          throw new AwardsError('invalid', AwardsErrorCode.PaymentState, '登记发放须填写发放日期（paidOn）和凭证号（reference）', { field: input.paidOn ? 'reference' : 'paidOn' });
        }
        const paidOn = input.status === 'paid' ? input.paidOn! : null;
        const reference = input.status === 'paid' ? input.reference! : null;
        await m.query('UPDATE award_records SET payment_status = ?, paid_on = ?, payment_ref = ? WHERE id = ?', [input.status, paidOn, reference, id]);
        return { action: input.status, before: { paymentStatus: 'pending' }, after: { paymentStatus: input.status, paidOn, reference }, render: false };
      },
      input.reason ?? null,
    );
    return this.records.readable(principal, id);
  }

  /** Organizers over the record: every grant, correction, revocation and payment step with who, when and why. */
  async audit(principal: Principal, id: number): Promise<AuditStep[]> {
    await this.records.assertOrganizer(principal, await this.reader.load(id));
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT a.id, a.action, a.by, a.at, a.reason, a.before, a.after FROM award_record_audit a WHERE a.record_id = ? ORDER BY a.id',
      [id],
    );
    const people = await this.directory.people(rows.flatMap((r) => (r.by === null ? [] : [Number(r.by)])));
    return rows.map((r) => {
      const by = r.by === null ? null : Number(r.by);
      return {
        id: Number(r.id),
        action: r.action as string,
        by,
        byName: by === null ? null : (people.get(by)?.realName ?? null),
        at: r.at as Date,
        reason: r.reason as string | null,
        before: parse(r.before),
        after: parse(r.after),
      };
    });
  }

  /** One audited change under the record's row lock; the certificate is rendered again unless the change says not to. */
  private async change(principal: Principal, id: number, work: (m: EntityManager, r: AwardRecordView) => Promise<Change>, reason: string | null): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      await m.query('SELECT id FROM award_records WHERE id = ? FOR UPDATE', [id]);
      const r = await this.reader.load(id, m);
      await this.records.assertOrganizer(principal, r);
      const done = await work(m, r);
      await m.query('INSERT INTO award_record_audit (record_id, action, `by`, reason, `before`, `after`) VALUES (?, ?, ?, ?, ?, ?)', [
        id,
        done.action,
        principal.userId,
        reason,
        JSON.stringify(done.before),
        JSON.stringify(done.after),
      ]);
      if (done.render !== false) await enqueue(m, 'awards.certificate', { recordId: id, revision: r.revision + 1 });
    });
  }
}

const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
