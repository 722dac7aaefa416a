import { beijingTime } from '@app/common';
import { inTransaction } from '@app/database';
import { type Event, type EventItem, EventsService, type AgeGroupConfig, type DelegationLimitsConfig, type EntryType, type PersonLimitsConfig } from '@app/events';
import { AccessService, coversPath, type Principal } from '@app/identity';
import { notifyAudience } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { setQuotaCap } from './capacity';
import { validateAgeGroups } from './domain';
import { eventScope, itemScope } from './quota.entity';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

export interface EventRegistrationSettings {
  opensAt?: Date | null;
  closesAt?: Date | null;
  ageReferenceDate?: string | null;
  autoApprove?: boolean;
  selfRegistration?: boolean;
  capacity?: number | null;
  bibPrefix?: string;
  personLimits?: PersonLimitsConfig | null;
  delegationLimits?: DelegationLimitsConfig | null;
}

export interface ItemRegistrationSettings {
  entryType?: EntryType;
  teamMin?: number | null;
  teamMax?: number | null;
  gender?: 'male' | 'female' | null;
  minAge?: number | null;
  maxAge?: number | null;
  unionMemberRequired?: boolean;
  orgSubtreeId?: number | null;
  capacity?: number | null;
  ageGroups?: AgeGroupConfig[] | null;
  venue?: string | null;
  startsAt?: Date | null;
}

export interface QuotaView {
  scope: string;
  cap: number | null;
  taken: number;
}

const invalid = (field: string, message: string) => new RegistrationError('invalid', RegistrationErrorCode.SettingsInvalid, message, { field });

/** Organizers set how an event and its items take entries; capacities are kept in the quota rows in the same transaction. */
export interface Places {
  capacity: number;
  taken: number;
  left: number;
}

export interface PublicPlaces {
  eventId: number;
  event: Places | null;
  items: { itemId: number; places: Places | null }[];
}

@Injectable()
export class RegistrationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
  ) {}

  async configureEvent(principal: Principal, eventId: number, s: EventRegistrationSettings): Promise<Event> {
    const event = await this.events.assertManager(principal, eventId);
    const opens = s.opensAt === undefined ? event.registrationOpensAt : s.opensAt;
    const closes = s.closesAt === undefined ? event.registrationClosesAt : s.closesAt;
    if (opens && closes && closes <= opens) throw invalid('closesAt', '报名截止时间 closesAt 须晚于开始时间 opensAt');
    if (s.bibPrefix !== undefined && !/^[A-Z]{0,3}$/.test(s.bibPrefix)) throw invalid('bibPrefix', '号码布前缀须为0至3个大写英文字母');
    const { opensAt, closesAt, ...rest } = s;
    await inTransaction(this.dataSource, async (m) => {
      const change = {
        ...rest,
        ...(opensAt !== undefined && { registrationOpensAt: opensAt }),
        ...(closesAt !== undefined && { registrationClosesAt: closesAt }),
      };
      await this.events.updateEvent(m, eventId, change);
      await setQuotaCap(m, eventId, 'event', s.capacity === undefined ? event.capacity : s.capacity);
    });
    this.events.changed(eventId);
    return this.events.get(eventId);
  }

  async configureItem(principal: Principal, itemId: number, s: ItemRegistrationSettings): Promise<EventItem> {
    const { item, event } = await this.events.item(itemId);
    await this.access.assertOrg(principal, ['organizer'], event.organisationId);
    const merged = { ...item, ...s };
    if (merged.entryType !== 'individual' && (!merged.teamMin || !merged.teamMax)) {
      throw invalid('teamMin', '团体或接力项目须设置队伍人数下限 teamMin 与上限 teamMax');
    }
    if (merged.teamMin && merged.teamMax && merged.teamMin > merged.teamMax) throw invalid('teamMax', '队伍人数上限 teamMax 不能小于下限 teamMin');
    if (merged.minAge != null && merged.maxAge != null && merged.minAge > merged.maxAge) throw invalid('maxAge', '年龄上限 maxAge 不能小于下限 minAge');
    if (s.ageGroups) {
      const problems = validateAgeGroups(s.ageGroups);
      if (problems.length) throw invalid('ageGroups', problems.map((p) => p.message).join('；'));
    }
    if (s.orgSubtreeId) await this.access.pathOf(s.orgSubtreeId);
    await inTransaction(this.dataSource, async (m) => {
      await this.events.updateItem(m, itemId, s);
      if (s.capacity !== undefined) await setQuotaCap(m, event.id, { itemId }, s.capacity);
      const moved = (s.venue !== undefined && s.venue !== item.venue) || (s.startsAt !== undefined && beijingTime(s.startsAt) !== beijingTime(item.startsAt));
      if (moved) {
        // A new time or place reaches everyone entered, waitlist included: they plan their day on it.
        await notifyAudience(
          m,
          'item.changed',
          { event: event.name, item: merged.name, venue: merged.venue ?? null, startsAt: beijingTime(merged.startsAt) },
          { kind: 'item-entrants', id: itemId, statuses: ['pending', 'approved', 'waitlisted'] },
        );
      }
    });
    this.events.changed(event.id);
    return (await this.events.item(itemId)).item;
  }

  /** How many places one delegation (an organisation's team) may hold in the event. */
  async setDelegationQuota(principal: Principal, eventId: number, organisationId: number, cap: number | null): Promise<QuotaView[]> {
    await this.events.assertManager(principal, eventId);
    await this.access.pathOf(organisationId);
    await inTransaction(this.dataSource, (m) => setQuotaCap(m, eventId, { organisationId }, cap));
    return this.quotaViews(eventId);
  }

  /** Every capacity counter of the event: what is taken and what is left. */
  /**
   * Organizers of the event see every capacity; a delegation leader sees only the quotas of the
   * delegations in their charge (their own places, so they plan whom to enter).
   */
  async quotas(principal: Principal, eventId: number): Promise<QuotaView[]> {
    const event = await this.events.get(eventId);
    if (await this.events.manages(principal, event)) return this.quotaViews(eventId);
    const leads = principal.roles.filter((r) => r.role === 'delegation_leader');
    if (!leads.length) return this.events.assertManager(principal, eventId).then(() => []);
    const views = (await this.quotaViews(eventId)).filter((q) => q.scope.startsWith('delegation:'));
    const mine: QuotaView[] = [];
    for (const q of views) {
      const orgId = Number(q.scope.slice('delegation:'.length));
      const path = await this.access.pathOf(orgId).catch(() => null);
      if (path && coversPath(leads, ['delegation_leader'], path)) mine.push(q);
    }
    return mine;
  }

  /**
   * Places left in an event and each of its items, for anyone: capacities and counts only, no
   * delegation's figures. `null` where there is no limit.
   */
  async placesLeft(eventId: number): Promise<PublicPlaces> {
    const event = await this.events.get(eventId);
    const rows = await this.quotaViews(eventId);
    const byScope = new Map(rows.map((q) => [q.scope, q]));
    const left = (q: QuotaView | undefined): Places | null => (q && q.cap !== null ? { capacity: q.cap, taken: q.taken, left: Math.max(0, q.cap - q.taken) } : null);
    return {
      eventId,
      event: left(byScope.get(eventScope())),
      items: event.items.map((i) => ({ itemId: i.id, places: left(byScope.get(itemScope(i.id))) })),
    };
  }

  private async quotaViews(eventId: number): Promise<QuotaView[]> {
    // A quota's shards add up to it.
    const rows: { scope: string; cap: number | null; taken: number }[] = await this.dataSource.query(
      'SELECT scope, SUM(cap) AS cap, SUM(taken) AS taken FROM quotas WHERE event_id = ? GROUP BY scope ORDER BY MIN(id)',
      [eventId],
    );
    return rows.map((q) => ({ scope: q.scope, cap: q.cap === null ? null : Number(q.cap), taken: Number(q.taken) }));
  }
}
