import { inTransaction, isDuplicateKey } from '@app/database';
import { PeopleDirectory, type Principal } from '@app/identity';
import { notifyPeople } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type ApplicationStage, STAGE_LABELS, assertOpeningLeft, assertRating, consumesOpening, moveApplication, type PipelineActor, type RecruiterRating, setIntentionReached } from './domain';
import { EmployersService } from './employers.service';
import { FairApplicationHistory } from './fair-application-history.entity';
import { type ApplicationSource, FairApplication } from './fair-application.entity';
import { FairPosition } from './fair-position.entity';
import { JobFairError, JobFairErrorCode, rule } from './job-fair-error';
import { SeekersService } from './seekers.service';

export interface HistoryView {
  fromStage: ApplicationStage | null;
  toStage: ApplicationStage;
  by: number;
  at: Date;
  note: string | null;
}

/** What the seeker sees of their own application: no rating, no notes. */
export interface SeekerApplicationView {
  id: number;
  eventId: number;
  positionId: number;
  positionTitle: string;
  employerId: number;
  employerName: string;
  stage: ApplicationStage;
  source: ApplicationSource;
  cvId: number | null;
  /** A booth scan without a CV: the seeker's page asks whether to share one with this employer. */
  consentAsked: boolean;
  history: HistoryView[];
  createdAt: Date;
}

/** What the employer sees: the seeker's name, its own rating and notes, the CV only with consent. */
export interface EmployerApplicationView {
  id: number;
  positionId: number;
  seekerUserId: number;
  seekerName: string;
  stage: ApplicationStage;
  source: ApplicationSource;
  intentionReached: boolean;
  rating: RecruiterRating | null;
  notes: string | null;
  /** Set only while the seeker's consent to this employer stands and the CV is not withdrawn. */
  cvId: number | null;
  history: HistoryView[];
  createdAt: Date;
}


/**
 * Applications to postings and their pipeline (applied → screened → interviewing → offered →
 * hired, or rejected / withdrawn), each change kept with who, when and a note. A hire consumes an
 * opening under the posting's row lock, so concurrent hires cannot take the last one twice.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
    private readonly seekers: SeekersService,
    private readonly people: PeopleDirectory,
  ) {}

  /** A seeker applies with a CV (and consents to share it with this employer), or without one. */
  async apply(principal: Principal, positionId: number, cvId: number | undefined, consent: boolean): Promise<SeekerApplicationView> {
    if (cvId !== undefined && !consent) {
      throw new JobFairError('unprocessable', JobFairErrorCode.ConsentRequired, '投递简历须同意向该用人单位提供简历（consent 为 true）', { field: 'consent' });
    }
    const id = await this.create(positionId, principal.userId, principal.userId, 'applied', async (m, position) => {
      if (cvId === undefined) return null;
      await this.seekers.consent(principal, position.employerId, cvId, m);
      return cvId;
    });
    return (await this.ofSeeker(principal.userId, id))[0];
  }

  /** The employer scans the seeker's pass at its booth: an application without a CV, and the seeker is asked to share one. */
  async scan(principal: Principal, eventId: number, positionId: number, pass: string): Promise<EmployerApplicationView> {
    const seekerId = this.seekers.verifyPass(pass, eventId);
    const position = await this.openPosition(this.dataSource.manager, positionId);
    if (position.eventId !== eventId) throw new JobFairError('not_found', JobFairErrorCode.PositionNotFound, `岗位不存在：${positionId}`, { field: 'positionId' });
    await this.employers.assertStaff(principal, position.employerId);
    const id = await this.create(positionId, seekerId, principal.userId, 'booth_scan', async () => null);
    return (await this.forEmployer(position.employerId, { id }))[0];
  }

  private async create(
    positionId: number,
    seekerId: number,
    by: number,
    source: ApplicationSource,
    cv: (m: EntityManager, position: FairPosition) => Promise<number | null>,
  ): Promise<number> {
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const position = await this.openPosition(m, positionId);
        await this.seekers.assertRegistered(m, position.eventId, seekerId);
        const cvId = await cv(m, position);
        const saved = await m.save(m.create(FairApplication, { positionId, seekerUserId: seekerId, cvId, stage: 'applied', source }));
        await m.insert(FairApplicationHistory, { applicationId: saved.id, fromStage: null, toStage: 'applied', by, at: new Date(), note: source === 'booth_scan' ? '展位扫码' : null });
        return saved.id;
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new JobFairError('conflict', JobFairErrorCode.AlreadyApplied, '已申请过该岗位', { field: 'positionId' });
      throw err;
    }
  }

  private async openPosition(m: EntityManager, positionId: number): Promise<FairPosition> {
    const position = await m.findOneBy(FairPosition, { id: positionId });
    if (!position) throw new JobFairError('not_found', JobFairErrorCode.PositionNotFound, `岗位不存在：${positionId}`, { field: 'positionId' });
    if (position.status !== 'approved') throw new JobFairError('conflict', JobFairErrorCode.PositionNotOpen, '该岗位尚未发布，不能申请', { field: 'positionId' });
    return position;
  }

  /** The seeker shares a CV on an application a booth scan made (consent to that employer). */
  async shareCv(principal: Principal, applicationId: number, cvId: number): Promise<SeekerApplicationView> {
    await inTransaction(this.dataSource, async (m) => {
      const app = await this.ownApplication(m, principal, applicationId);
      const position = await m.findOneByOrFail(FairPosition, { id: app.positionId });
      await this.seekers.consent(principal, position.employerId, cvId, m);
      await m.update(FairApplication, { id: applicationId }, { cvId });
    });
    return (await this.ofSeeker(principal.userId, applicationId))[0];
  }

  /** The seeker withdraws their application. */
  async withdraw(principal: Principal, applicationId: number, note?: string): Promise<SeekerApplicationView> {
    await inTransaction(this.dataSource, async (m) => {
      const app = await this.ownApplication(m, principal, applicationId, true);
      await this.move(m, app, 'withdrawn', 'seeker', principal.userId, note ?? null, null);
    });
    return (await this.ofSeeker(principal.userId, applicationId))[0];
  }

  /** The employer moves an application along its pipeline; the seeker is told. */
  async changeStage(principal: Principal, applicationId: number, to: ApplicationStage, note?: string): Promise<EmployerApplicationView> {
    const employerId = await this.employerOf(principal, applicationId);
    // Read before the transaction: inside it, a second connection from the pool could wait for one
    // that only a finishing transaction gives back.
    const { eventId } = await this.dataSource.getRepository(FairApplication).findOneOrFail({ where: { id: applicationId }, relations: { position: true } }).then((a) => a.position!);
    const fair = await this.employers.fair(eventId);
    await inTransaction(this.dataSource, async (m) => {
      const app = await m.findOneOrFail(FairApplication, { where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
      await this.move(m, app, to, 'employer', principal.userId, note ?? null, fair.name);
    });
    return (await this.forEmployer(employerId, { id: applicationId }))[0];
  }

  /** Every read and write on `m`, the transaction's own connection. `fairName` is for the seeker's notice (employer moves). */
  private async move(m: EntityManager, app: FairApplication, to: ApplicationStage, actor: PipelineActor, by: number, note: string | null, fairName: string | null): Promise<void> {
    const from = app.stage;
    rule(() => moveApplication(from, to, actor));
    const position = await m.findOneOrFail(FairPosition, { where: { id: app.positionId }, ...(consumesOpening(to) ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (consumesOpening(to)) {
      // Read under the posting's row lock: the last opening goes to one hire only.
      rule(() => assertOpeningLeft(position.headcount ?? 'not_fixed', position.hired));
      await m.query('UPDATE fair_positions SET hired = hired + 1 WHERE id = ?', [position.id]);
    }
    // Conditional on the stage read, so a concurrent move of the same application loses instead of both writing.
    const res = await m.update(FairApplication, { id: app.id, stage: from }, { stage: to });
    if (!res.affected) throw new JobFairError('conflict', JobFairErrorCode.BadApplicationTransition, '申请状态已被他人修改，请刷新后重试', { field: 'stage' });
    await m.insert(FairApplicationHistory, { applicationId: app.id, fromStage: from, toStage: to, by, at: new Date(), note });
    if (actor === 'employer') {
      const employer = await this.employers.employer(position.employerId, m);
      await notifyPeople(m, 'application.changed', { event: fairName, position: position.title, employer: employer.name, stage: STAGE_LABELS[to]['zh-CN'], stageEn: STAGE_LABELS[to].en }, [
        { userId: app.seekerUserId, ref: `fair-application:${app.id}:${to}` },
      ]);
    }
  }

  /** The employer's own assessment: rating 1–4, notes, intention reached (达成意向). */
  async assess(
    principal: Principal,
    applicationId: number,
    change: { rating?: number | null; notes?: string | null; intentionReached?: boolean },
  ): Promise<EmployerApplicationView> {
    const employerId = await this.employerOf(principal, applicationId);
    const set: Partial<FairApplication> = {};
    if (change.rating !== undefined) {
      const rating = change.rating;
      rule(() => assertRating(rating));
      set.rating = rating as RecruiterRating | null;
    }
    if (change.notes !== undefined) set.notes = change.notes;
    if (change.intentionReached !== undefined) set.intentionReached = rule(() => setIntentionReached(change.intentionReached!, 'employer'));
    if (Object.keys(set).length) await this.dataSource.getRepository(FairApplication).update({ id: applicationId }, set);
    return (await this.forEmployer(employerId, { id: applicationId }))[0];
  }

  /** A position's applications, for the staff of its employer only. */
  async ofPosition(principal: Principal, positionId: number): Promise<EmployerApplicationView[]> {
    const position = await this.dataSource.getRepository(FairPosition).findOneBy({ id: positionId });
    if (!position) throw new JobFairError('not_found', JobFairErrorCode.PositionNotFound, `岗位不存在：${positionId}`);
    await this.employers.assertStaff(principal, position.employerId);
    return this.forEmployer(position.employerId, { positionId });
  }

  /** The CV of an application, for the staff of the position's employer, while the seeker's consent stands. */
  async cv(principal: Principal, applicationId: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const employerId = await this.employerOf(principal, applicationId);
    const app = await this.dataSource.getRepository(FairApplication).findOneByOrFail({ id: applicationId });
    if (app.cvId === null || !(await this.seekers.mayRead(this.dataSource.manager, employerId, app.cvId))) {
      throw new JobFairError('forbidden', JobFairErrorCode.NoCvConsent, '求职者未同意向本单位提供该简历，或已撤回', { field: 'applicationId' });
    }
    return this.seekers.cvContent(app.cvId);
  }

  /** The caller's own applications, newest first. */
  async mine(principal: Principal): Promise<SeekerApplicationView[]> {
    return this.ofSeeker(principal.userId);
  }

  /** The employer whose staff the caller must be to act on the application; 404 hides others' applications from them. */
  private async employerOf(principal: Principal, applicationId: number): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT p.employer_id AS employerId FROM fair_applications a JOIN fair_positions p ON p.id = a.position_id
         JOIN fair_employer_staff s ON s.employer_id = p.employer_id AND s.user_id = ?
        WHERE a.id = ?`,
      [principal.userId, applicationId],
    );
    if (!row) throw new JobFairError('not_found', JobFairErrorCode.ApplicationNotFound, `申请不存在：${applicationId}`);
    return Number(row.employerId);
  }

  private async ownApplication(m: EntityManager, principal: Principal, applicationId: number, lock = false): Promise<FairApplication> {
    const app = await m.findOne(FairApplication, { where: { id: applicationId, seekerUserId: principal.userId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!app) throw new JobFairError('not_found', JobFairErrorCode.ApplicationNotFound, `申请不存在：${applicationId}`);
    return app;
  }

  private async histories(ids: number[]): Promise<Map<number, HistoryView[]>> {
    const out = new Map<number, HistoryView[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await this.dataSource.getRepository(FairApplicationHistory).find({ where: ids.map((applicationId) => ({ applicationId })), order: { id: 'ASC' } });
    for (const h of rows) out.get(h.applicationId)!.push({ fromStage: h.fromStage, toStage: h.toStage, by: h.by, at: h.at, note: h.note });
    return out;
  }

  private async ofSeeker(userId: number, id?: number): Promise<SeekerApplicationView[]> {
    const rows = await this.dataSource.getRepository(FairApplication).find({
      where: id ? { id, seekerUserId: userId } : { seekerUserId: userId },
      relations: { position: { employer: true } },
      order: { id: 'DESC' },
    });
    const history = await this.histories(rows.map((r) => r.id));
    return rows.map((a) => ({
      id: a.id,
      eventId: a.position!.eventId,
      positionId: a.positionId,
      positionTitle: a.position!.title,
      employerId: a.position!.employerId,
      employerName: a.position!.employer!.name,
      stage: a.stage,
      source: a.source,
      cvId: a.cvId,
      consentAsked: a.source === 'booth_scan' && a.cvId === null,
      history: history.get(a.id)!,
      createdAt: a.createdAt,
    }));
  }

  private async forEmployer(employerId: number, where: { id: number } | { positionId: number }): Promise<EmployerApplicationView[]> {
    const rows = await this.dataSource.getRepository(FairApplication).find({ where, relations: { position: true }, order: { id: 'ASC' } });
    const mine = rows.filter((r) => r.position!.employerId === employerId);
    const names = await this.people.people(mine.map((r) => r.seekerUserId));
    const history = await this.histories(mine.map((r) => r.id));
    const readable = await Promise.all(mine.map((r) => (r.cvId === null ? false : this.seekers.mayRead(this.dataSource.manager, employerId, r.cvId))));
    return mine.map((a, i) => ({
      id: a.id,
      positionId: a.positionId,
      seekerUserId: a.seekerUserId,
      seekerName: names.get(a.seekerUserId)?.realName ?? '',
      stage: a.stage,
      source: a.source,
      intentionReached: a.intentionReached,
      rating: a.rating,
      notes: a.notes,
      cvId: readable[i] ? a.cvId : null,
      history: history.get(a.id)!,
      createdAt: a.createdAt,
    }));
  }
}
