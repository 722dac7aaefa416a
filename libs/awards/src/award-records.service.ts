import { beijingDate, beijingIso } from '@app/common';
import { AppConfig } from '@app/config';
import { inTransaction } from '@app/database';
import { AccessService, coversPath, forbidden, type Principal, UsersService } from '@app/identity';
import { enqueue } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AwardRecordView } from './award-record-view';
import { writeRecords } from './record-writer';
import { AwardsError, AwardsErrorCode } from './awards-error';
import { AwardsDomainError, formatYuan, type LedgerTotal, parseYuan, summarizePrizeLedger } from './domain';


export interface Verification {
  serial: string | null;
  name: string;
  awardName: string;
  title: string | null;
  eventName: string | null;
  itemName: string | null;
  issuer: string;
  grantedOn: string;
  status: 'active' | 'revoked';
  /** ISO 8601 with the Beijing offset (+08:00): the verification page shows it as people on site read time. */
  revokedAt: string | null;
}

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

export interface CorrectionInput {
  awardName?: string;
  title?: string | null;
  citation?: string | null;
  prizeMoney?: string | null;
  reason: string;
}

/** A record as the API shows it; `extra` adds columns a caller needs beside the view. */
const viewSql = (extra = '') => `SELECT r.id, r.serial, r.kind, r.user_id AS userId, u.real_name AS name, r.organisation_id AS organisationId, r.issuer_id AS issuerId,
    o.name AS issuer, r.event_id AS eventId, ev.name AS eventName, r.item_id AS itemId, i.name AS itemName, r.entry_id AS entryId, r.award_code AS awardCode,
    r.award_name AS awardName, r.level, r.title, r.citation, r.prize_money AS prizeMoney, r.payment_status AS paymentStatus, r.paid_on AS paidOn,
    r.payment_ref AS paymentRef, r.year, r.granted_on AS grantedOn, r.status, r.revision, c.revision AS certificateRevision${extra}
  FROM award_records r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.issuer_id
  LEFT JOIN events ev ON ev.id = r.event_id LEFT JOIN event_items i ON i.id = r.item_id LEFT JOIN award_certificates c ON c.record_id = r.id`;

/**
 * Award records after they are granted: recognitions conferred by an organisation, audited
 * corrections and revocations, prize payments, certificates and their public verification.
 * Organizers act on records their role covers (the issuer's or the person's organisation).
 */
@Injectable()
export class AwardRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Organizers of the issuing organisation confer a title (杭州工匠 and the like) through the same
   * records, on a person of the issuer's subtree and counted for an organisation of it: a record
   * opens the person's history to the organizers over its organisation, so it may not reach outside.
   */
  async confer(principal: Principal, input: RecognitionInput): Promise<AwardRecordView> {
    const issuerPath = await this.access.assertOrg(principal, ['organizer'], input.issuerId);
    const organisationId = input.organisationId ?? input.issuerId;
    if (organisationId !== input.issuerId && !(await this.access.pathOf(organisationId)).startsWith(issuerPath)) {
      throw new AwardsError('forbidden', AwardsErrorCode.OutsideIssuer, `组织 ${organisationId} 不在授予单位之下`, { field: 'organisationId' });
    }
    const [user] = await this.dataSource.query('SELECT id FROM users WHERE id = ?', [input.userId]);
    if (!user) throw new AwardsError('not_found', AwardsErrorCode.PersonNotFound, `用户不存在：${input.userId}`, { field: 'userId' });
    if (!(await this.users.claimsOf(input.userId)).some((c) => c.path.startsWith(issuerPath))) {
      throw new AwardsError('forbidden', AwardsErrorCode.OutsideIssuer, '该人员不属于授予单位及其下属组织', { field: 'userId' });
    }
    const year = input.year ?? Number(beijingDate().slice(0, 4));
    const [issuer] = await this.dataSource.query('SELECT name FROM organisations WHERE id = ?', [input.issuerId]);
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
    return this.view(principal, ids[0]);
  }

  /** The person, and organizers over the record's issuer or the person's organisation. */
  async view(principal: Principal, id: number): Promise<AwardRecordView> {
    const record = await this.load(this.dataSource.manager, id);
    if (record.userId !== principal.userId) await this.assertOrganizer(principal, record);
    return record;
  }

  /** A revoked award stays on record, marked revoked, and verifies as revoked; the reason goes to the audit. */
  async revoke(principal: Principal, id: number, reason: string): Promise<AwardRecordView> {
    await this.change(principal, id, async (m, r) => {
      if (r.status === 'revoked') throw new AwardsError('conflict', AwardsErrorCode.Revoked, `奖项记录 ${id} 已撤销`);
      // Money not yet paid for an award withdrawn is not owed any more; paid money is a matter for the books.
      const payment = r.paymentStatus === 'pending' ? 'cancelled' : r.paymentStatus;
      await m.query('UPDATE award_records SET status = ?, payment_status = ?, revision = revision + 1 WHERE id = ?', ['revoked', payment, id]);
      return { action: 'revoked' as const, before: { status: r.status, paymentStatus: r.paymentStatus }, after: { status: 'revoked', paymentStatus: payment } };
    }, reason);
    return this.view(principal, id);
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
      return { action: 'corrected' as const, before, after };
    }, input.reason);
    return this.view(principal, id);
  }

  /** Pending prize money paid (with the day and a payment reference) or cancelled; nothing else changes it. */
  async payment(principal: Principal, id: number, input: { status: 'paid' | 'cancelled'; paidOn?: string; reference?: string; reason?: string }): Promise<AwardRecordView> {
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
    return this.view(principal, id);
  }

  /** Organizers over the record: every grant, correction, revocation and payment step with who, when and why. */
  async audit(principal: Principal, id: number): Promise<{ id: number; action: string; by: number | null; byName: string | null; at: Date; reason: string | null; before: unknown; after: unknown }[]> {
    await this.assertOrganizer(principal, await this.load(this.dataSource.manager, id));
    const rows = await this.dataSource.query(
      'SELECT a.id, a.action, a.by, u.real_name AS byName, a.at, a.reason, a.before, a.after FROM award_record_audit a LEFT JOIN users u ON u.id = a.by WHERE a.record_id = ? ORDER BY a.id',
      [id],
    );
    return rows.map((r: Record<string, unknown>) => ({ ...r, id: Number(r.id), by: r.by === null ? null : Number(r.by), before: parse(r.before), after: parse(r.after) }));
  }

  /** The certificate PDF at the record's current revision, for the person and organizers over the record. */
  async certificate(principal: Principal, id: number): Promise<{ serial: string; pdf: Buffer }> {
    const record = await this.view(principal, id);
    const [c] = await this.dataSource.query('SELECT revision, pdf FROM award_certificates WHERE record_id = ?', [id]);
    if (!c || Number(c.revision) < record.revision) {
      throw new AwardsError('conflict', AwardsErrorCode.CertificateNotReady, '证书正在生成，请稍后再试');
    }
    return { serial: record.serial!, pdf: c.pdf };
  }

  /** Public, by the code in the certificate's QR: the name and the award, and whether it still stands. Nothing else personal. */
  async verify(code: string): Promise<Verification> {
    const [r] = await this.dataSource.query(
      `SELECT r.id, r.serial, u.real_name AS name, r.award_name AS awardName, r.title, ev.name AS eventName, i.name AS itemName, o.name AS issuer,
              r.granted_on AS grantedOn, r.status,
              (SELECT MAX(a.at) FROM award_record_audit a WHERE a.record_id = r.id AND a.action = 'revoked') AS revokedAt
         FROM award_records r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.issuer_id
         LEFT JOIN events ev ON ev.id = r.event_id LEFT JOIN event_items i ON i.id = r.item_id WHERE r.verify_code = ?`,
      [code],
    );
    if (!r) throw new AwardsError('not_found', AwardsErrorCode.RecordNotFound, '证书验证码无效：查无此证书');
    const { id: _id, ...rest } = r;
    return { ...rest, grantedOn: String(r.grantedOn).slice(0, 10), revokedAt: beijingIso(r.revokedAt) };
  }

  /** Prize money of a subtree and year, exact to the fen, with each record's line (organizers over the organisation). */
  async ledger(principal: Principal, organisationId: number, year: number): Promise<{ total: LedgerTotal; payments: AwardRecordView[] }> {
    const path = await this.access.assertOrg(principal, ['organizer'], organisationId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${viewSql(', po.path AS orgPath')} JOIN organisations po ON po.id = r.organisation_id
        WHERE po.path LIKE CONCAT(?, '%') AND r.year = ? AND r.prize_money IS NOT NULL ORDER BY r.id`,
      [path, year],
    );
    const payments = rows.map(({ orgPath: _, ...r }) => toView(r));
    const [total] = summarizePrizeLedger(
      payments.flatMap((p, i) =>
        p.paymentStatus === 'none' ? [] : [{ amount: p.prizeMoney!, status: p.paymentStatus, orgPath: String(rows[i].orgPath), year }],
      ),
      { orgPaths: [path] },
    );
    return { total: total ?? { orgPath: path, year, paid: '0.00', pending: '0.00', cancelled: '0.00', committed: '0.00', counts: { paid: 0, pending: 0, cancelled: 0 } }, payments };
  }

  /** One audited change under the record's row lock; the certificate is rendered again unless the change says not to. */
  private async change(
    principal: Principal,
    id: number,
    work: (m: EntityManager, r: AwardRecordView) => Promise<{ action: 'revoked' | 'corrected' | 'paid' | 'cancelled'; before: unknown; after: unknown; render?: boolean }>,
    reason: string | null,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      await m.query('SELECT id FROM award_records WHERE id = ? FOR UPDATE', [id]);
      const r = await this.load(m, id);
      await this.assertOrganizer(principal, r);
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

  private async load(m: EntityManager, id: number): Promise<AwardRecordView> {
    const [row] = await m.query(`${viewSql()} WHERE r.id = ?`, [id]);
    if (!row) throw new AwardsError('not_found', AwardsErrorCode.RecordNotFound, `奖项记录不存在：${id}`);
    return toView(row);
  }

  private async assertOrganizer(principal: Principal, r: AwardRecordView): Promise<void> {
    for (const orgId of [r.issuerId, r.organisationId]) if (coversPath(principal.roles, ['organizer'], await this.access.pathOf(orgId))) return;
    throw forbidden();
  }
}

/** Yuan as stored (two decimals); a malformed or negative amount is refused naming the field. */
function yuan(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    return formatYuan(parseYuan(value, 'INVALID_PRIZE_MONEY', '奖金（prizeMoney）'));
  } catch (err) {
    if (err instanceof AwardsDomainError) throw new AwardsError('invalid', AwardsErrorCode.InvalidRules, err.message, { field: 'prizeMoney' });
    throw err;
  }
}

const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

function toView(r: Record<string, unknown>): AwardRecordView {
  const num = (k: string) => (r[k] === null ? null : Number(r[k]));
  return {
    ...(r as unknown as AwardRecordView),
    id: Number(r.id),
    userId: Number(r.userId),
    organisationId: Number(r.organisationId),
    issuerId: Number(r.issuerId),
    eventId: num('eventId'),
    itemId: num('itemId'),
    entryId: num('entryId'),
    level: Number(r.level),
    year: Number(r.year),
    revision: Number(r.revision),
    certificateRevision: num('certificateRevision'),
    grantedOn: String(r.grantedOn).slice(0, 10),
    paidOn: r.paidOn === null ? null : String(r.paidOn).slice(0, 10),
  };
}
