import { inTransaction, isDuplicateKey } from '@app/database';
import { PeopleDirectory, type Principal } from '@app/identity';
import { ProfileDirectory } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import { EmployersService } from './employers.service';
import { FairInterviewSlot } from './fair-interview-slot.entity';
import { FairSeeker } from './fair-seeker.entity';
import { JobFairError, JobFairErrorCode } from './job-fair-error';

export interface SlotView {
  id: number;
  eventId: number;
  employerId: number;
  startsAt: Date;
  endsAt: Date;
  /** Whether someone booked it; who, only the booker (their own bookings) and the employer's staff learn. */
  booked: boolean;
}

/** A booking as its seeker sees it: whose interview, when. */
export interface BookingView extends SlotView {
  employerName: string;
}

/** A slot as the employer's staff see it: who booked it, their mobile masked; null while free. */
export interface EmployerSlotView extends SlotView {
  bookerName: string | null;
  bookerMobile: string | null;
}

const view = (s: FairInterviewSlot): SlotView => ({ id: s.id, eventId: s.eventId, employerId: s.employerId, startsAt: s.startsAt, endsAt: s.endsAt, booked: s.bookedBy !== null });

/**
 * Interview slots (optional per fair): an employer publishes them, a seeker books one. Never two
 * seekers on one slot (the booking is conditional on the slot being free), never one seeker in two
 * slots that overlap (a seeker's bookings at a fair are made one at a time, under the lock of their
 * registration row).
 */
@Injectable()
export class InterviewSlotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: EmployersService,
    private readonly people: PeopleDirectory,
    private readonly profiles: ProfileDirectory,
  ) {}

  async publish(principal: Principal, eventId: number, employerId: number, startsAt: Date, endsAt: Date): Promise<SlotView> {
    await this.employers.fair(eventId);
    await this.employers.assertStaff(principal, employerId);
    if (!(endsAt > startsAt)) throw new JobFairError('invalid', JobFairErrorCode.SlotTimes, '结束时间 endsAt 须晚于开始时间 startsAt', { field: 'endsAt' });
    if (startsAt.getTime() <= Date.now()) throw new JobFairError('invalid', JobFairErrorCode.SlotTimes, '开始时间 startsAt 已过，不能发布', { field: 'startsAt' });
    try {
      return await inTransaction(this.dataSource, async (m) => {
        if (!(await this.employers.approved(m, eventId, employerId))) {
          throw new JobFairError('unprocessable', JobFairErrorCode.EmployerNotApproved, '该用人单位未获准参加本场招聘会', { field: 'employerId' });
        }
        return view(await m.save(m.create(FairInterviewSlot, { eventId, employerId, startsAt, endsAt, bookedBy: null, bookedAt: null })));
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new JobFairError('conflict', JobFairErrorCode.SlotTimes, '该时间已有面试时段', { field: 'startsAt' });
      throw err;
    }
  }

  async list(eventId: number): Promise<SlotView[]> {
    await this.employers.fair(eventId);
    const rows = await this.dataSource.getRepository(FairInterviewSlot).find({ where: { eventId }, order: { startsAt: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  /** The caller's own bookings at a fair, with the employer's name; a seeker not registered has none. */
  async mine(principal: Principal, eventId: number): Promise<BookingView[]> {
    await this.employers.fair(eventId);
    const rows = await this.dataSource.getRepository(FairInterviewSlot).find({
      where: { eventId, bookedBy: principal.userId },
      relations: { employer: true },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return rows.map((s) => ({ ...view(s), employerName: s.employer!.name }));
  }

  /** An employer's slots at a fair, for its staff only: each booked one with who booked it. */
  async ofEmployer(principal: Principal, eventId: number, employerId: number): Promise<EmployerSlotView[]> {
    await this.employers.fair(eventId);
    await this.employers.assertStaff(principal, employerId);
    const rows = await this.dataSource.getRepository(FairInterviewSlot).find({ where: { eventId, employerId }, order: { startsAt: 'ASC', id: 'ASC' } });
    const bookers = rows.flatMap((s) => (s.bookedBy === null ? [] : [s.bookedBy]));
    const [names, mobiles] = await Promise.all([this.people.people(bookers), this.profiles.maskedMobiles(bookers)]);
    return rows.map((s) => ({
      ...view(s),
      bookerName: s.bookedBy === null ? null : (names.get(s.bookedBy)?.realName ?? ''),
      bookerMobile: s.bookedBy === null ? null : (mobiles.get(s.bookedBy) ?? null),
    }));
  }

  async book(principal: Principal, slotId: number): Promise<SlotView> {
    return inTransaction(this.dataSource, async (m) => {
      const slot = await m.findOneBy(FairInterviewSlot, { id: slotId });
      if (!slot) throw new JobFairError('not_found', JobFairErrorCode.SlotNotFound, `面试时段不存在：${slotId}`);
      if (slot.startsAt.getTime() <= Date.now()) throw new JobFairError('conflict', JobFairErrorCode.SlotPast, '该面试时段已开始，不能再预约');
      // The seeker's registration row, locked: their bookings at this fair go one at a time.
      const seeker = await m.findOne(FairSeeker, { where: { eventId: slot.eventId, userId: principal.userId }, lock: { mode: 'pessimistic_write' } });
      if (!seeker) throw new JobFairError('unprocessable', JobFairErrorCode.NotRegistered, '求职者尚未报名本场招聘会', { field: 'eventId' });
      // A locking read: it sees the booking a transaction that held the lock before us committed,
      // which this transaction's snapshot (taken at its first read) does not.
      const [clash] = await m.query(
        'SELECT id FROM fair_interview_slots WHERE event_id = ? AND booked_by = ? AND id <> ? AND starts_at < ? AND ends_at > ? LIMIT 1 FOR UPDATE',
        [slot.eventId, principal.userId, slot.id, slot.endsAt, slot.startsAt],
      );
      if (clash) throw new JobFairError('conflict', JobFairErrorCode.SlotClash, '您在该时间已预约其他面试', { field: 'id', slotId: Number(clash.id) });
      const res = await m.update(FairInterviewSlot, { id: slotId, bookedBy: IsNull() }, { bookedBy: principal.userId, bookedAt: new Date() });
      if (!res.affected) throw new JobFairError('conflict', JobFairErrorCode.SlotTaken, '该面试时段已被预约');
      return view(await m.findOneByOrFail(FairInterviewSlot, { id: slotId }));
    });
  }

  /** The booker gives their slot back; anyone else's booking is answered as if there were none. */
  async cancel(principal: Principal, slotId: number): Promise<void> {
    const res = await this.dataSource.getRepository(FairInterviewSlot).update({ id: slotId, bookedBy: principal.userId }, { bookedBy: null, bookedAt: null });
    if (!res.affected) throw new JobFairError('not_found', JobFairErrorCode.SlotNotFound, `面试时段不存在：${slotId}`);
  }
}
