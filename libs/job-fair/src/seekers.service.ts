import { AppConfig } from '@app/config';
import { inTransaction, isDuplicateKey } from '@app/database';
import { AccessService, PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as QRCode from 'qrcode';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { checkCv } from './cv-files';
import { EmployersService } from './employers.service';
import { FairCvConsent } from './fair-cv-consent.entity';
import { FairCv } from './fair-cv.entity';
import { FairSeeker } from './fair-seeker.entity';
import { JobFairError, JobFairErrorCode, rule } from './job-fair-error';
import { FairSetting } from './fair-setting.entity';
import { checkEligibility, type SeekerEligibility } from './domain';

export interface CvView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  withdrawnAt: Date | null;
  createdAt: Date;
}

export interface ConsentView {
  id: number;
  employerId: number;
  cvId: number;
  grantedAt: Date;
  revokedAt: Date | null;
}

const cvView = (c: FairCv): CvView => ({ id: c.id, fileName: c.fileName, contentType: c.contentType, size: c.size, withdrawnAt: c.withdrawnAt, createdAt: c.createdAt });
const consentView = (c: FairCvConsent): ConsentView => ({ id: c.id, employerId: c.employerId, cvId: c.cvId, grantedAt: c.grantedAt, revokedAt: c.revokedAt });

/**
 * Seekers at fairs, their CVs and their consents. A CV goes to an employer only with the seeker's
 * consent to that employer (PIPL art. 23: a handler providing personal information to another
 * handler tells the person who receives it and obtains separate consent), revocable at any time
 * (art. 15); a withdrawn or deleted CV is shared with nobody.
 */
@Injectable()
export class SeekersService {
  private readonly passKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
    private readonly access: AccessService,
    private readonly people: PeopleDirectory,
    config: AppConfig,
  ) {
    this.passKey = createHash('sha256').update(`fair-pass:${config.JWT_SECRET}`).digest();
  }

  /**
   * Registers the caller for a fair, if the fair's eligibility rule admits them (checkEligibility:
   * members of the organising subtree by default, retrained workers with a certificate number, or
   * everyone). The union recorded is the caller's member organisation inside the subtree, if any.
   */
  async register(principal: Principal, eventId: number, input: { retrainingCertificate?: string } = {}): Promise<FairSeeker> {
    const fair = await this.employers.fair(eventId);
    const path = await this.access.pathOf(fair.organisationId);
    const home = principal.roles.find((c) => c.role === 'contestant' && c.path.startsWith(path));
    const { seekerEligibility } = await this.setting(eventId);
    const { retrainingCertificate } = rule(() => checkEligibility(seekerEligibility, { memberOfSubtree: !!home, retrainingCertificate: input.retrainingCertificate }));
    try {
      return await this.dataSource.getRepository(FairSeeker).save({ eventId, userId: principal.userId, organisationId: home?.orgId ?? null, retrainingCertificate });
    } catch (err) {
      if (isDuplicateKey(err)) throw new JobFairError('conflict', JobFairErrorCode.AlreadyRegistered, '您已报名本场招聘会');
      throw err;
    }
  }

  /**
   * A delegation leader registers members of their union for a fair, as delegations enter
   * competitions: only people holding a member (contestant) role in the leader's organisation's
   * subtree, and only as far as the fair's eligibility rule admits them (a fair for retrained
   * workers takes each worker's own certificate, so it refuses registrations by a union). All or
   * nothing; people registered already are answered apart, not refused.
   */
  async registerByUnion(principal: Principal, eventId: number, organisationId: number, userIds: readonly number[]): Promise<{ registered: number[]; already: number[] }> {
    const fair = await this.employers.fair(eventId);
    const unionPath = await this.access.assertOrg(principal, ['delegation_leader'], organisationId);
    const fairPath = await this.access.pathOf(fair.organisationId);
    const homes = await this.people.contestantHomes(userIds, unionPath);
    const strangers = [...new Set(userIds)].filter((id) => !homes.has(id));
    if (strangers.length) {
      throw new JobFairError('unprocessable', JobFairErrorCode.NotUnionMember, `以下用户不是本工会（含下级）会员，不能由本工会报名：${strangers.join('、')}`, { field: 'userIds' });
    }
    const { seekerEligibility } = await this.setting(eventId);
    for (const [, home] of homes) rule(() => checkEligibility(seekerEligibility, { memberOfSubtree: home.path.startsWith(fairPath) }));
    return inTransaction(this.dataSource, async (m) => {
      const registered: number[] = [];
      const already: number[] = [];
      for (const [userId] of homes) {
        const res: { affectedRows: number } = await m.query(
          'INSERT IGNORE INTO fair_seekers (event_id, user_id, organisation_id) VALUES (?, ?, ?)',
          [eventId, userId, organisationId],
        );
        (res.affectedRows ? registered : already).push(userId);
      }
      return { registered, already };
    });
  }

  /** A fair's settings; the defaults where the organizer set none. */
  async setting(eventId: number): Promise<{ eventId: number; seekerEligibility: SeekerEligibility }> {
    const row = await this.dataSource.getRepository(FairSetting).findOneBy({ eventId });
    return { eventId, seekerEligibility: row?.seekerEligibility ?? 'members' };
  }

  /** The organizer sets who may register as a seeker; those registered already stay. */
  async setEligibility(principal: Principal, eventId: number, seekerEligibility: SeekerEligibility): Promise<{ eventId: number; seekerEligibility: SeekerEligibility }> {
    await this.employers.assertOrganizer(principal, eventId);
    await this.dataSource.getRepository(FairSetting).upsert({ eventId, seekerEligibility }, ['eventId']);
    return this.setting(eventId);
  }

  /** Throws unless the person is registered for the fair. */
  async assertRegistered(m: EntityManager, eventId: number, userId: number): Promise<void> {
    if (!(await m.countBy(FairSeeker, { eventId, userId }))) {
      throw new JobFairError('unprocessable', JobFairErrorCode.NotRegistered, '求职者尚未报名本场招聘会', { field: 'eventId' });
    }
  }

  /** The seeker's pass for the booths: a QR code the employer scans; unforgeable without the server's key. */
  /** The seeker's pass: the signed token and the same as a QR code (SVG, as the check-in code is) for their phone. */
  async pass(principal: Principal, eventId: number): Promise<{ token: string; qrSvg: string }> {
    await this.employers.fair(eventId);
    await this.assertRegistered(this.dataSource.manager, eventId, principal.userId);
    const token = `f1.${principal.userId}.${eventId}.${this.mac(principal.userId, eventId)}`;
    return { token, qrSvg: await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /** The seeker a pass names, for its fair only. */
  verifyPass(token: string, eventId: number): number {
    const m = /^f1\.(\d+)\.(\d+)\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
    const valid = m && Number(m[2]) === eventId && timingSafeEqual(Buffer.from(m[3]), Buffer.from(this.mac(Number(m[1]), eventId)));
    if (!valid) throw new JobFairError('invalid', JobFairErrorCode.PassInvalid, '求职码无效或不属于本场招聘会', { field: 'pass' });
    return Number(m[1]);
  }

  private mac(userId: number, eventId: number): string {
    return createHmac('sha256', this.passKey).update(`${userId}.${eventId}`).digest('base64url').slice(0, 22);
  }

  async uploadCv(principal: Principal, fileName: string, content: Buffer): Promise<CvView> {
    const contentType = await checkCv(content);
    const saved = await this.dataSource.getRepository(FairCv).save({ userId: principal.userId, fileName, contentType, size: content.length, content, withdrawnAt: null });
    return cvView(await this.dataSource.getRepository(FairCv).findOneByOrFail({ id: saved.id }));
  }

  async cvs(principal: Principal): Promise<CvView[]> {
    return (await this.dataSource.getRepository(FairCv).find({ where: { userId: principal.userId }, order: { id: 'ASC' } })).map(cvView);
  }

  /** The caller's own CV (404 for anyone else's, so ids of others' CVs tell nothing). */
  async ownCv(principal: Principal, cvId: number, m: EntityManager = this.dataSource.manager): Promise<FairCv> {
    const cv = await m.findOneBy(FairCv, { id: cvId, userId: principal.userId });
    if (!cv) throw new JobFairError('not_found', JobFairErrorCode.CvNotFound, `简历不存在：${cvId}`, { field: 'cvId' });
    return cv;
  }

  /** Withdrawn: kept for the seeker, shared with nobody, whatever consents there are. */
  async withdrawCv(principal: Principal, cvId: number): Promise<CvView> {
    const cv = await this.ownCv(principal, cvId);
    if (!cv.withdrawnAt) await this.dataSource.getRepository(FairCv).update({ id: cvId }, { withdrawnAt: new Date() });
    return cvView(await this.ownCv(principal, cvId));
  }

  /** Deleted with its consents; applications keep their stage without a CV (PIPL art. 47). */
  async deleteCv(principal: Principal, cvId: number): Promise<void> {
    await this.ownCv(principal, cvId);
    await this.dataSource.getRepository(FairCv).delete({ id: cvId, userId: principal.userId });
  }

  /** Consent to share one CV with one employer; granting again after a revocation renews it. */
  async consent(principal: Principal, employerId: number, cvId: number, m?: EntityManager): Promise<ConsentView> {
    const work = async (tx: EntityManager) => {
      const cv = await this.ownCv(principal, cvId, tx);
      if (cv.withdrawnAt) throw new JobFairError('conflict', JobFairErrorCode.CvWithdrawn, '该简历已撤回，不能再共享', { field: 'cvId' });
      await this.employers.employer(employerId, tx);
      await tx.query(
        `INSERT INTO fair_cv_consents (user_id, employer_id, cv_id, granted_at, revoked_at) VALUES (?, ?, ?, NOW(3), NULL)
         ON DUPLICATE KEY UPDATE granted_at = IF(revoked_at IS NULL, granted_at, NOW(3)), revoked_at = NULL`,
        [principal.userId, employerId, cvId],
      );
      return consentView(await tx.findOneByOrFail(FairCvConsent, { userId: principal.userId, employerId, cvId }));
    };
    return m ? work(m) : inTransaction(this.dataSource, work);
  }

  async consents(principal: Principal): Promise<ConsentView[]> {
    return (await this.dataSource.getRepository(FairCvConsent).find({ where: { userId: principal.userId }, order: { id: 'ASC' } })).map(consentView);
  }

  async revokeConsent(principal: Principal, consentId: number): Promise<ConsentView> {
    const repo = this.dataSource.getRepository(FairCvConsent);
    const c = await repo.findOneBy({ id: consentId, userId: principal.userId });
    if (!c) throw new JobFairError('not_found', JobFairErrorCode.ConsentNotFound, `授权不存在：${consentId}`);
    await repo.update({ id: consentId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return consentView(await repo.findOneByOrFail({ id: consentId }));
  }

  /** Whether the employer may read the CV now: consent given and not revoked, CV not withdrawn. */
  async mayRead(m: EntityManager, employerId: number, cvId: number): Promise<boolean> {
    const [row] = await m.query(
      `SELECT 1 AS ok FROM fair_cv_consents c JOIN fair_cvs v ON v.id = c.cv_id
        WHERE c.employer_id = ? AND c.cv_id = ? AND c.revoked_at IS NULL AND v.withdrawn_at IS NULL`,
      [employerId, cvId],
    );
    return !!row;
  }

  async cvContent(cvId: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const cv = await this.dataSource.getRepository(FairCv).findOneOrFail({ where: { id: cvId }, select: { id: true, fileName: true, contentType: true, content: true } });
    return { fileName: cv.fileName, contentType: cv.contentType, content: cv.content! };
  }
}
