import { isDuplicateKey } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, type Principal, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Entry } from './entry.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

export interface EntryView {
  id: number;
  eventId: number;
  itemId: number;
  userId: number;
  realName: string;
  organisationId: number;
  organisationName: string;
  status: Entry['status'];
  createdAt: Date;
}

@Injectable()
export class RegistrationService {
  constructor(
    @InjectRepository(Entry) private readonly entries: Repository<Entry>,
    private readonly events: EventsService,
    private readonly users: UsersService,
    private readonly access: AccessService,
  ) {}

  /**
   * Enters a contestant in an item: themselves, or one of their people by a
   * delegation leader or organizer. The contestant competes for the
   * organisation where they hold the contestant role inside the event's tree.
   */
  async register(principal: Principal, itemId: number, contestantId = principal.userId): Promise<EntryView> {
    const { item, event } = await this.events.item(itemId);
    if (event.status !== 'registration_open') {
      throw new RegistrationError('conflict', RegistrationErrorCode.RegistrationClosed, `「${event.name}」当前不在报名期`, {
        status: event.status,
      });
    }
    const eventPath = await this.access.pathOf(event.organisationId);
    const contestant = await this.users.view(contestantId);
    const home = contestant.roles.find((r) => r.role === 'contestant' && r.path.startsWith(eventPath));
    if (!home) {
      throw new RegistrationError('unprocessable', RegistrationErrorCode.NotEligible, `${contestant.realName}不是本赛事举办组织范围内的参赛选手`, {
        rule: 'organisation_subtree',
      });
    }
    if (contestantId !== principal.userId) this.access.assertPath(principal, ['delegation_leader', 'organizer'], home.path);
    try {
      const entry = await this.entries.save(
        this.entries.create({
          eventId: event.id,
          itemId: item.id,
          userId: contestantId,
          organisationId: home.orgId,
          // The slice admits every eligible entry; review and capacity come with the registration workflow.
          status: 'approved',
          registeredBy: principal.userId,
        }),
      );
      return (await this.views({ id: entry.id }))[0];
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new RegistrationError('conflict', RegistrationErrorCode.AlreadyEntered, `${contestant.realName}已报名该项目`);
      }
      throw err;
    }
  }

  /** Entries of an item, for its organizers. */
  async listForItem(principal: Principal, itemId: number): Promise<EntryView[]> {
    const { event } = await this.events.item(itemId);
    await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    return this.views({ itemId });
  }

  async get(principal: Principal, entryId: number): Promise<EntryView> {
    const [view] = await this.views({ id: entryId });
    if (!view) throw new RegistrationError('not_found', RegistrationErrorCode.EntryNotFound, `报名记录不存在：${entryId}`);
    if (view.userId !== principal.userId) {
      const event = await this.events.get(view.eventId);
      await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    }
    return view;
  }

  /** Approved entries of an item with their names; scoring and results read entries through this. */
  approvedEntries(itemId: number): Promise<EntryView[]> {
    return this.views({ itemId, status: 'approved' });
  }

  private async views(where: { id?: number; itemId?: number; status?: Entry['status'] }): Promise<EntryView[]> {
    const qb = this.entries
      .createQueryBuilder('e')
      .innerJoin('e.user', 'u')
      .innerJoin('e.organisation', 'o')
      .select([
        'e.id AS id',
        'e.event_id AS eventId',
        'e.item_id AS itemId',
        'e.user_id AS userId',
        'u.real_name AS realName',
        'e.organisation_id AS organisationId',
        'o.name AS organisationName',
        'e.status AS status',
        'e.created_at AS createdAt',
      ])
      .orderBy('e.id');
    if (where.id) qb.andWhere('e.id = :id', { id: where.id });
    if (where.itemId) qb.andWhere('e.item_id = :itemId', { itemId: where.itemId });
    if (where.status) qb.andWhere('e.status = :status', { status: where.status });
    const rows = await qb.getRawMany<EntryView>();
    return rows.map((r) => ({ ...r, id: Number(r.id), eventId: Number(r.eventId), itemId: Number(r.itemId), userId: Number(r.userId), organisationId: Number(r.organisationId) }));
  }
}
