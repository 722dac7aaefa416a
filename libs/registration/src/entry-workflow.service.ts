import { inTransaction } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, coversPath, forbidden, type Principal } from '@app/identity';
import { enqueue } from '@app/queue';
import { EntryNotices, notifyEntries } from './entry-notices';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BIB_WIDTH, nextBibNumber, releasePlace, takePlaces } from './capacity';
import { formatBibNumber, isActiveEntryStatus, transitionEntry, type EntryStatus } from './domain';
import { Entry } from './entry.entity';
import { EntryViews, readableEntries, type EntryFilter, type EntryView } from './entry-views';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { TeamMembership } from './team-membership.entity';

const HOLDS_PLACE: readonly EntryStatus[] = ['pending', 'approved'];

/** Everything that happens to an entry after it is made: review, withdrawal, promotion from the waitlist, reading. */
@Injectable()
export class EntryWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly views: EntryViews,
    private readonly notices: EntryNotices,
  ) {}

  /** Organizers of the event approve or reject (with a reason). Approval hands out the bib. */
  async decide(principal: Principal, entryId: number, to: 'approved' | 'rejected', reason?: string): Promise<EntryView> {
    const entry = await this.require(entryId);
    const event = await this.events.assertManager(principal, entry.eventId);
    await inTransaction(this.dataSource, async (m) => {
      const current = await this.lock(m, entryId);
      const change = transitionEntry(current.status, to, { reason });
      if (!change.ok) throw transitionError(change.error.code, change.error.message);
      const patch: Partial<Entry> = { status: to, decidedBy: principal.userId, rejectionReason: change.value.rejectionReason };
      if (to === 'approved') {
        const scopes = { eventId: current.eventId, itemId: current.itemId, organisationId: current.organisationId };
        let seq: number | null;
        if (current.status === 'waitlisted') {
          const [place] = await takePlaces(m, current.eventId, [{ scopes, withBib: true }]);
          if (!place.taken) throw new RegistrationError('conflict', RegistrationErrorCode.NoPlace, '名额已满，无法直接通过候补报名');
          seq = place.bibSeq;
        } else {
          seq = await nextBibNumber(m, current.eventId);
        }
        patch.bib = formatBibNumber(event.bibPrefix, seq!, BIB_WIDTH);
      } else {
        await this.leave(m, current);
      }
      await m.update(Entry, { id: entryId }, patch);
      const note = (await this.notices.notes(m, [entryId])).get(entryId)!;
      if (to === 'approved') await notifyEntries(m, 'entry.approved', [note]);
      else await notifyEntries(m, 'entry.rejected', [note], { reason: patch.rejectionReason ?? null });
    });
    return this.view(entryId);
  }

  /** The entrant, a leader over their organisation, or an organizer of the event. */
  async withdraw(principal: Principal, entryId: number): Promise<EntryView> {
    const entry = await this.require(entryId);
    if (entry.userId !== principal.userId) await this.assertOverEntry(principal, entry, ['delegation_leader', 'organizer']);
    await inTransaction(this.dataSource, async (m) => {
      const current = await this.lock(m, entryId);
      const change = transitionEntry(current.status, 'withdrawn');
      if (!change.ok) throw transitionError(change.error.code, change.error.message);
      await this.leave(m, current);
      await m.update(Entry, { id: entryId }, { status: 'withdrawn' });
    });
    return this.view(entryId);
  }

  /**
   * Fills freed places from the waitlist, first come first served. Runs in the
   * worker from an outbox job, so a withdrawal always leads to a promotion even
   * if Redis was down when it happened. An entry blocked only by its own
   * delegation's quota is passed over for the next; a full item or event stops.
   */
  async promoteWaitlisted(eventId: number): Promise<number[]> {
    const event = await this.events.event(eventId);
    return inTransaction(this.dataSource, async (m) => {
      const waiting: Pick<Entry, 'id' | 'itemId' | 'organisationId'>[] = await m.query(
        `SELECT id, item_id AS itemId, organisation_id AS organisationId FROM entries
          WHERE event_id = ? AND status = 'waitlisted' ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED`,
        [eventId],
      );
      // First come first served: a full item or event waitlists everyone after, a full delegation only its own.
      const places = await takePlaces(
        m,
        eventId,
        waiting.map((w) => ({ scopes: { eventId, itemId: w.itemId, organisationId: w.organisationId }, withBib: event.autoApprove })),
      );
      const promoted: number[] = [];
      for (const [i, w] of waiting.entries()) {
        const place = places[i];
        if (!place.taken) continue;
        await m.update(Entry, { id: w.id }, {
          status: event.autoApprove ? 'approved' : 'pending',
          bib: place.bibSeq === null ? null : formatBibNumber(event.bibPrefix, place.bibSeq, BIB_WIDTH),
        });
        promoted.push(w.id);
      }
      await notifyEntries(m, 'entry.promoted', [...(await this.notices.notes(m, promoted)).values()]);
      return promoted;
    });
  }

  /**
   * Marks an entry as a guest (特邀/表演, who scores nothing) or takes the mark off, in the caller's
   * transaction: results checks who may and re-tallies the item in the same transaction.
   */
  async setGuest(m: EntityManager, entryId: number, guest: boolean): Promise<void> {
    await m.update(Entry, { id: entryId }, { guest });
  }

  /** The entrant and team members, leaders over the delegation, and organizers of the event. */
  async get(principal: Principal, entryId: number): Promise<EntryView> {
    const view = await this.view(entryId);
    const own = view.userId === principal.userId || view.members?.some((mb) => mb.userId === principal.userId);
    if (!own) await this.assertOverEntry(principal, view, ['delegation_leader', 'organizer']);
    return view;
  }

  /** Organizers see every entry of the event; a delegation leader only those of the organisations under them. */
  async list(principal: Principal, eventId: number, filter: Omit<EntryFilter, 'eventId' | 'orgPaths'>): Promise<EntryView[]> {
    const event = await this.events.event(eventId);
    const scope = readableEntries(principal, await this.access.pathOf(event.organisationId));
    if (!scope) throw forbidden();
    return this.views.list({ ...filter, ...scope, eventId });
  }

  async view(entryId: number): Promise<EntryView> {
    const [view] = await this.views.list({ id: entryId });
    if (!view) throw notFound(entryId);
    return view;
  }

  async assertOverEntry(principal: Principal, entry: Pick<Entry, 'eventId' | 'organisationId'>, roles: ('delegation_leader' | 'organizer')[]): Promise<void> {
    const orgPath = await this.access.pathOf(entry.organisationId);
    if (coversPath(principal.roles, roles, orgPath)) return;
    if (roles.includes('organizer')) {
      const event = await this.events.event(entry.eventId);
      if (coversPath(principal.roles, ['organizer'], await this.access.pathOf(event.organisationId))) return;
    }
    throw forbidden();
  }

  /** Leaving a held place gives it back and wakes the waitlist; the person may enter the item again later. */
  private async leave(m: EntityManager, entry: Entry): Promise<void> {
    if (HOLDS_PLACE.includes(entry.status)) {
      await releasePlace(m, { eventId: entry.eventId, itemId: entry.itemId, organisationId: entry.organisationId });
      await enqueue(m, 'registration.promote', { eventId: entry.eventId, freedBy: entry.id });
    }
    if (isActiveEntryStatus(entry.status)) {
      await m.update(Entry, { id: entry.id }, { activeUserId: null });
      await m.update(TeamMembership, { entryId: entry.id }, { activeItemId: null });
    }
  }

  private async lock(m: EntityManager, entryId: number): Promise<Entry> {
    const entry = await m.findOne(Entry, { where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
    if (!entry) throw notFound(entryId);
    return entry;
  }

  private async require(entryId: number): Promise<Entry> {
    const entry = await this.dataSource.manager.findOneBy(Entry, { id: entryId });
    if (!entry) throw notFound(entryId);
    return entry;
  }
}

const notFound = (id: number) => new RegistrationError('not_found', RegistrationErrorCode.EntryNotFound, `报名记录不存在：${id}`);

function transitionError(code: string, message: string): RegistrationError {
  return new RegistrationError(code === 'ENTRY_REJECTION_REASON_REQUIRED' || code === 'ENTRY_REJECTION_REASON_TOO_LONG' ? 'invalid' : 'conflict', code, message, {
    field: code.startsWith('ENTRY_REJECTION') ? 'reason' : 'status',
  });
}
