import { type EntryType, Event, EventItem, EventsService } from '@app/events';
import { AccessService, PeopleDirectory } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ItemRules } from './domain';
import { shanghaiToday } from './domain';
import { setQuotaCap } from './capacity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

/**
 * How long a process reuses what it read about an item. Under a rush every request would
 * otherwise read the same event, item and organisation rows; a change made through this
 * process is seen at once, one made through another API process within this time.
 */
const CONTEXT_TTL_MS = 1000;

/** What registering in one item needs to know about it; shared by concurrent requests, never mutated. */
export interface ItemContext {
  event: Event;
  item: EventItem;
  eventPath: string;
  rules: ItemRules;
  referenceDate: string;
  /** The kind of every item of the event, when its limits count entries by kind (else empty). */
  itemKinds: Map<number, EntryType>;
}

@Injectable()
export class RegistrationContext {
  /** Events whose event quota row is known to exist (it is never deleted while the event lives). */
  private readonly quotaReady = new Set<number>();
  private readonly cache = new Map<number, { loadedAt: number; context: Promise<ItemContext> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly directory: PeopleDirectory,
  ) {
    // Settings change rarely: forgetting every item is simpler than finding the event's.
    events.onChange(() => this.cache.clear());
  }

  load(itemId: number): Promise<ItemContext> {
    const now = Date.now();
    const hit = this.cache.get(itemId);
    if (hit && now - hit.loadedAt < CONTEXT_TTL_MS) return hit.context;
    const context = this.read(itemId);
    this.cache.set(itemId, { loadedAt: now, context });
    context.catch(() => this.cache.delete(itemId));
    return context;
  }

  private async read(itemId: number): Promise<ItemContext> {
    const { item, event } = await this.events.item(itemId);
    const eventPath = await this.access.pathOf(event.organisationId);
    let orgSubtree: ItemRules['orgSubtree'] = null;
    if (item.orgSubtreeId) {
      const org = (await this.directory.organisations([item.orgSubtreeId])).get(item.orgSubtreeId);
      if (!org) throw new Error(`organisation ${item.orgSubtreeId} of item ${item.id} does not exist`);
      orgSubtree = { path: org.path, name: org.name };
    }
    if (!this.quotaReady.has(event.id)) {
      // Only a plain read when the row exists: rewriting it here, under a rush that holds the row,
      // deadlocked a freshly started second API process.
      const [row] = await this.dataSource.query(`SELECT 1 FROM quotas WHERE event_id = ? AND scope = 'event'`, [event.id]);
      if (!row) await setQuotaCap(this.dataSource.manager, event.id, 'event', event.capacity);
      this.quotaReady.add(event.id);
    }
    // Limits count a person's entries by kind and a delegation's athletes on individual items.
    const counted = event.personLimits || event.delegationLimits;
    const itemKinds = new Map(counted ? (await this.events.get(event.id)).items.map((i) => [i.id, i.entryType]) : []);
    return {
      event,
      item,
      eventPath,
      itemKinds,
      referenceDate: event.ageReferenceDate ?? event.startsOn ?? shanghaiToday(new Date()),
      rules: {
        kind: item.entryType,
        gender: item.gender,
        minAge: item.minAge,
        maxAge: item.maxAge,
        unionMemberRequired: item.unionMemberRequired,
        orgSubtree,
        personLimits: event.personLimits,
        delegationLimits: event.delegationLimits,
      },
    };
  }

  /** Registration is open while the event says so and now is inside its window. */
  assertOpen(event: Event, now = new Date()): void {
    const closed =
      event.status !== 'registration_open' ||
      (event.registrationOpensAt && now < event.registrationOpensAt) ||
      (event.registrationClosesAt && now >= event.registrationClosesAt);
    if (closed) {
      throw new RegistrationError('conflict', RegistrationErrorCode.RegistrationClosed, `「${event.name}」当前不在报名期`, {
        status: event.status,
        opensAt: event.registrationOpensAt,
        closesAt: event.registrationClosesAt,
      });
    }
  }
}
