import { isDuplicateKey } from '@app/database';
import { AccessService, coversPath, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { EventItem } from './event-item.entity';
import { Event, type EventKind, type EventStatus } from './event.entity';
import { canMove } from './event-status';
import { EventsError, EventsErrorCode } from './events-error';

export interface NewEvent {
  organisationId: number;
  kind: EventKind;
  name: string;
  startsOn?: string;
  endsOn?: string;
}

export interface EventWithItems extends Event {
  items: EventItem[];
}

/** Who may manage an event: organizers (and admins) of its organisation or above. */
const MANAGERS = ['organizer'] as const;

@Injectable()
export class EventsService {
  /** Told when an event's status changes, so contexts that cache an event drop their copy. */
  private readonly changeListeners: ((eventId: number) => void)[] = [];

  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(EventItem) private readonly items: Repository<EventItem>,
    private readonly access: AccessService,
  ) {}

  async create(principal: Principal, input: NewEvent): Promise<Event> {
    await this.access.assertOrg(principal, MANAGERS, input.organisationId);
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
      throw new EventsError('invalid', EventsErrorCode.DatesInverted, '结束日期 endsOn 不能早于开始日期 startsOn', { field: 'endsOn' });
    }
    return this.events.save(this.events.create({ ...input, status: 'draft', createdBy: principal.userId }));
  }

  /** The event alone, without its items; 404 if there is none. */
  async event(eventId: number): Promise<Event> {
    const event = await this.events.findOneBy({ id: eventId });
    if (!event) throw new EventsError('not_found', EventsErrorCode.EventNotFound, `赛事不存在：${eventId}`);
    return event;
  }

  async get(eventId: number): Promise<EventWithItems> {
    const event = await this.event(eventId);
    const items = await this.items.find({ where: { eventId }, order: { id: 'ASC' } });
    return Object.assign(event, { items });
  }

  list(organisationId?: number): Promise<Event[]> {
    return this.events.find({ where: organisationId ? { organisationId } : {}, order: { id: 'DESC' }, take: 200 });
  }

  async addItem(principal: Principal, eventId: number, name: string): Promise<EventItem> {
    await this.assertManager(principal, eventId);
    try {
      return await this.items.save(this.items.create({ eventId, name }));
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new EventsError('conflict', EventsErrorCode.ItemNameTaken, `该赛事已有名为「${name}」的项目`, { field: 'name' });
      }
      throw err;
    }
  }

  async move(principal: Principal, eventId: number, to: EventStatus): Promise<Event> {
    const event = await this.assertManager(principal, eventId);
    if (!canMove(event.status, to)) {
      throw new EventsError('conflict', EventsErrorCode.BadTransition, `赛事状态不能从 ${event.status} 变为 ${to}`, {
        from: event.status,
        to,
      });
    }
    // Conditional on the status we read, so two organizers clicking at once cannot skip a step.
    const res = await this.events.update({ id: eventId, status: event.status }, { status: to });
    if (!res.affected) throw new EventsError('conflict', EventsErrorCode.BadTransition, '赛事状态已被他人修改，请刷新后重试');
    this.changed(eventId);
    return this.get(eventId);
  }

  /** Organizers of the event: whether a judge may score people of their own organisation (warned) or not (blocked). */
  async setConflictRule(principal: Principal, eventId: number, conflictOfInterest: 'warn' | 'block'): Promise<{ eventId: number; conflictOfInterest: 'warn' | 'block' }> {
    await this.assertManager(principal, eventId);
    await this.events.update({ id: eventId }, { conflictOfInterest });
    return { eventId, conflictOfInterest };
  }

  /**
   * Writes settings other contexts keep on the event or an item (registration's window, limits and
   * rules), in the caller's transaction; the caller has checked them and tells listeners after its commit.
   */
  async updateEvent(m: EntityManager, eventId: number, change: Partial<Omit<Event, 'id'>>): Promise<void> {
    if (Object.keys(change).length) await m.update(Event, { id: eventId }, change);
  }

  async updateItem(m: EntityManager, itemId: number, change: Partial<Omit<EventItem, 'id'>>): Promise<void> {
    // An empty change is a valid no-op (TypeORM refuses an UPDATE with nothing to set).
    if (Object.keys(change).length) await m.update(EventItem, { id: itemId }, change);
  }

  onChange(listener: (eventId: number) => void): void {
    this.changeListeners.push(listener);
  }

  /** For writers of event settings outside this service. */
  changed(eventId: number): void {
    for (const listener of this.changeListeners) listener(eventId);
  }

  /** Loads an item with its event, for the contexts that act on items. */
  async item(itemId: number): Promise<{ item: EventItem; event: Event }> {
    const item = await this.items.findOneBy({ id: itemId });
    if (!item) throw new EventsError('not_found', EventsErrorCode.ItemNotFound, `项目不存在：${itemId}`);
    const event = await this.events.findOneByOrFail({ id: item.eventId });
    return { item, event };
  }

  /** Whether the caller (possibly anonymous) organizes the event: for views that show organizers more. */
  async manages(principal: Principal | undefined, event: Event): Promise<boolean> {
    return principal !== undefined && coversPath(principal.roles, MANAGERS, await this.access.pathOf(event.organisationId));
  }

  /** Throws 403 unless the principal organizes the event; returns the event. */
  async assertManager(principal: Principal, eventId: number): Promise<Event> {
    const event = await this.event(eventId);
    await this.access.assertOrg(principal, MANAGERS, event.organisationId);
    return event;
  }
}
