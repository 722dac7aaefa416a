import { inTransaction, isDuplicateKey } from '@app/database';
import { type Event, EventsService } from '@app/events';
import { PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { parseCreditCode } from './domain';
import { FairEmployerStaff } from './fair-employer-staff.entity';
import { FairEmployer } from './fair-employer.entity';
import { FairParticipation } from './fair-participation.entity';
import { JobFairError, JobFairErrorCode, rule } from './job-fair-error';

export interface NewEmployer {
  name: string;
  creditCode: string;
  district?: string;
  industry?: string;
}

export interface ParticipationView {
  id: number;
  eventId: number;
  employerId: number;
  employerName: string;
  creditCode: string;
  status: FairParticipation['status'];
  refusalReason: string | null;
  boothHall: string | null;
  boothNumber: string | null;
  decidedAt: Date | null;
}

/**
 * Employers, organisations of their own kind outside the union tree (a cross-province fair brings
 * employers from anywhere), and their taking part in fairs. A person acts for an employer when they
 * hold the `employer` role and are one of its staff: the role opens the employer's routes, the
 * staff row scopes them to that one employer, never to an organisation subtree.
 */
@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(FairEmployer) private readonly employers: Repository<FairEmployer>,
    @InjectRepository(FairEmployerStaff) private readonly staff: Repository<FairEmployerStaff>,
    @InjectRepository(FairParticipation) private readonly participations: Repository<FairParticipation>,
    private readonly events: EventsService,
    private readonly people: PeopleDirectory,
  ) {}

  /** Registers an employer; the caller becomes its first staff member. */
  async register(principal: Principal, input: NewEmployer): Promise<FairEmployer> {
    // GB 32100: the 18th character checks the other 17, the 17th the organisation code.
    const { code } = rule(() => parseCreditCode(input.creditCode));
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const employer = await m.save(m.create(FairEmployer, { name: input.name, creditCode: code, district: input.district ?? null, industry: input.industry ?? null }));
        await m.insert(FairEmployerStaff, { employerId: employer.id, userId: principal.userId });
        return employer;
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new JobFairError('conflict', JobFairErrorCode.CreditCodeTaken, `统一社会信用代码 ${code} 已登记`, { field: 'creditCode' });
      }
      throw err;
    }
  }

  /**
   * Staff of an employer add a colleague to it, and to no other: the caller must be its staff. The
   * colleague acts for the employer once they also hold the employer role (given by an administrator).
   */
  async addStaff(principal: Principal, employerId: number, userId: number): Promise<{ employerId: number; userId: number; realName: string }> {
    await this.assertStaff(principal, employerId);
    const person = (await this.people.people([userId])).get(userId);
    if (!person) throw new JobFairError('not_found', JobFairErrorCode.PersonNotFound, `用户不存在：${userId}`, { field: 'userId' });
    try {
      await this.staff.insert({ employerId, userId });
    } catch (err) {
      if (isDuplicateKey(err)) throw new JobFairError('conflict', JobFairErrorCode.AlreadyStaff, `该用户已是本单位工作人员：${userId}`, { field: 'userId' });
      throw err;
    }
    return { employerId, userId, realName: person.realName };
  }

  /** The employers the caller acts for. */
  async mine(principal: Principal): Promise<FairEmployer[]> {
    const rows = await this.staff.find({ where: { userId: principal.userId }, relations: { employer: true }, order: { employerId: 'ASC' } });
    return rows.map((r) => r.employer!);
  }

  async employer(employerId: number, sql: EntityManager | DataSource = this.dataSource): Promise<FairEmployer> {
    const employer = await sql.getRepository(FairEmployer).findOneBy({ id: employerId });
    if (!employer) throw new JobFairError('not_found', JobFairErrorCode.EmployerNotFound, `用人单位不存在：${employerId}`, { field: 'employerId' });
    return employer;
  }

  /** Throws 403 unless the caller is staff of the employer (404 when there is no such employer). */
  async assertStaff(principal: Principal, employerId: number, sql: EntityManager | DataSource = this.dataSource): Promise<FairEmployer> {
    const employer = await sql.getRepository(FairEmployer).findOneBy({ id: employerId });
    if (!employer) throw new JobFairError('not_found', JobFairErrorCode.EmployerNotFound, `用人单位不存在：${employerId}`, { field: 'employerId' });
    const row = await sql.getRepository(FairEmployerStaff).findOneBy({ employerId, userId: principal.userId });
    if (!row) throw new JobFairError('forbidden', JobFairErrorCode.NotEmployerStaff, '您不是该用人单位的工作人员', { field: 'employerId' });
    return employer;
  }

  /** The event, which must be a job fair. */
  async fair(eventId: number): Promise<Event> {
    const event = await this.events.event(eventId);
    if (event.kind !== 'job_fair') throw new JobFairError('conflict', JobFairErrorCode.NotAJobFair, `赛事 ${eventId} 不是招聘会`, { field: 'eventId' });
    return event;
  }

  /** The fair, if the caller organizes it (403 otherwise). */
  async assertOrganizer(principal: Principal, eventId: number): Promise<Event> {
    await this.fair(eventId);
    return this.events.assertManager(principal, eventId);
  }

  /** An employer's staff apply for it to take part in a fair; the organizer decides. */
  async apply(principal: Principal, eventId: number, employerId: number): Promise<ParticipationView> {
    await this.fair(eventId);
    await this.assertStaff(principal, employerId);
    try {
      const saved = await this.participations.save(this.participations.create({ eventId, employerId, status: 'pending' }));
      return (await this.views({ id: saved.id }))[0];
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new JobFairError('conflict', JobFairErrorCode.AlreadyParticipating, '该用人单位已申请参加本场招聘会', { field: 'employerId' });
      }
      throw err;
    }
  }

  /** The organizer's review list. */
  async list(principal: Principal, eventId: number): Promise<ParticipationView[]> {
    await this.assertOrganizer(principal, eventId);
    return this.views({ eventId });
  }

  /** An employer's own applications to fairs. */
  async ofEmployer(principal: Principal, employerId: number): Promise<ParticipationView[]> {
    await this.assertStaff(principal, employerId);
    return this.views({ employerId });
  }

  /** Approves or refuses a pending application; a refusal says why, as the employer is told. */
  async decide(principal: Principal, participationId: number, decision: 'approve' | 'refuse', reason?: string): Promise<ParticipationView> {
    const p = await this.participation(participationId);
    await this.assertOrganizer(principal, p.eventId);
    const why = reason?.trim() || null;
    if (decision === 'refuse' && !why) throw new JobFairError('invalid', JobFairErrorCode.ReasonRequired, '拒绝参会须填写原因 reason', { field: 'reason' });
    // Conditional on pending, so two organizers deciding at once cannot both win.
    const res = await this.participations.update(
      { id: participationId, status: 'pending' },
      { status: decision === 'approve' ? 'approved' : 'refused', refusalReason: decision === 'refuse' ? why : null, decidedBy: principal.userId, decidedAt: new Date() },
    );
    if (!res.affected) throw new JobFairError('conflict', JobFairErrorCode.ParticipationDecided, '该参会申请已审核', { status: p.status });
    return (await this.views({ id: participationId }))[0];
  }

  /** Assigns an approved employer its booth; one employer per booth. */
  async assignBooth(principal: Principal, participationId: number, hall: string, number: string): Promise<ParticipationView> {
    const p = await this.participation(participationId);
    await this.assertOrganizer(principal, p.eventId);
    if (p.status !== 'approved') {
      throw new JobFairError('conflict', JobFairErrorCode.BoothNeedsApproval, '参会申请通过后才能分配展位', { status: p.status });
    }
    try {
      await this.participations.update({ id: participationId }, { boothHall: hall, boothNumber: number });
    } catch (err) {
      if (isDuplicateKey(err)) throw new JobFairError('conflict', JobFairErrorCode.BoothTaken, `展位 ${hall} ${number} 已分配给其他用人单位`, { field: 'number' });
      throw err;
    }
    return (await this.views({ id: participationId }))[0];
  }

  /** Whether the employer is approved for the fair, read in the caller's transaction. */
  async approved(m: EntityManager, eventId: number, employerId: number): Promise<boolean> {
    return (await m.countBy(FairParticipation, { eventId, employerId, status: 'approved' })) > 0;
  }

  private async participation(id: number): Promise<FairParticipation> {
    const p = await this.participations.findOneBy({ id });
    if (!p) throw new JobFairError('not_found', JobFairErrorCode.ParticipationNotFound, `参会申请不存在：${id}`);
    return p;
  }

  private async views(where: Partial<Pick<FairParticipation, 'id' | 'eventId' | 'employerId'>>): Promise<ParticipationView[]> {
    const rows = await this.participations.find({ where, relations: { employer: true }, order: { id: 'ASC' } });
    return rows.map((p) => ({
      id: p.id,
      eventId: p.eventId,
      employerId: p.employerId,
      employerName: p.employer!.name,
      creditCode: p.employer!.creditCode,
      status: p.status,
      refusalReason: p.refusalReason,
      boothHall: p.boothHall,
      boothNumber: p.boothNumber,
      decidedAt: p.decidedAt,
    }));
  }
}
