import { inTransaction, jsonColumn } from '@app/database';
import { EventsService } from '@app/events';
import { PeopleDirectory, type Principal } from '@app/identity';
import { enqueue } from '@app/queue';
import { ScoringService } from '@app/scoring';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PublicationCommand, PublicationState } from './domain';
import { nowIso, PublicationLedger, type PublicationView } from './publication-ledger';
import { PublicationNotices } from './publication-notices';
import { ResultsError, ResultsErrorCode } from './results-error';
import { ResultsSettingsService } from './results-settings.service';
import { LiveResults } from './live-results';

export type { PublicationView } from './publication-ledger';

export interface AuditView {
  id: number;
  action: string;
  appealId: number | null;
  by: number;
  byName: string;
  at: Date;
  reason: string | null;
  detail: unknown;
}

/**
 * Staged publication of an item's results (the rules are in domain/publication.ts):
 * provisional → public notice with appeals → final, frozen until an audited
 * reopening. Each step takes the item's publication row lock, runs the pure
 * transition, and writes the new state with its audit row in one transaction
 * (PublicationLedger). Appeals during the notice: AppealsService.
 */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly ledger: PublicationLedger,
    private readonly notices: PublicationNotices,
    private readonly directory: PeopleDirectory,
    private readonly scoring: ScoringService,
    private readonly settings: ResultsSettingsService,
    private readonly live: LiveResults,
  ) {}

  /** Public. */
  async get(itemId: number): Promise<PublicationView> {
    await this.events.item(itemId);
    return this.ledger.view(this.dataSource.manager, itemId);
  }

  /** Organizers of the event: provisional → public notice, for the event's notice period. */
  async publish(principal: Principal, itemId: number): Promise<PublicationView> {
    const eventId = await this.ledger.assertOrganizer(principal, itemId);
    const { noticeDays } = await this.settings.get(eventId);
    return this.step(principal, itemId, { type: 'PUBLISH_NOTICE', at: nowIso(), noticeDays }, {}, async (m, next) => {
      // A notice opens the appeal window over the results: with none, there is nothing to appeal against.
      const [tallied] = await m.query('SELECT EXISTS(SELECT 1 FROM item_results WHERE item_id = ?) AS yes', [itemId]);
      if (!Number(tallied.yes)) {
        throw new ResultsError('conflict', ResultsErrorCode.NoResults, '该项目还没有任何成绩，不能进入公示', { field: null, itemId });
      }
      // Everyone with a place in the item hears of it, in the same transaction as the notice itself.
      await this.notices.published(m, itemId, next.noticeEndsAt);
    });
  }

  /** Organizers: back to provisional during the notice (results must change); the reason is kept. */
  async retract(principal: Principal, itemId: number, reason: string): Promise<PublicationView> {
    await this.ledger.assertOrganizer(principal, itemId);
    return this.step(principal, itemId, { type: 'RETRACT', at: nowIso(), reason }, { reason });
  }

  /** Organizers: once the notice has ended with every appeal decided. Marks are frozen from then on. */
  async finalize(principal: Principal, itemId: number): Promise<PublicationView> {
    await this.ledger.assertOrganizer(principal, itemId);
    return this.step(principal, itemId, { type: 'FINALIZE', at: nowIso() }, {}, async (m) => {
      await this.scoring.setResultsFinal(m, itemId, true);
      // Final results earn their awards: the worker grants them by the item's award rules.
      await enqueue(m, 'awards.item', { itemId, run: Date.now() });
    });
  }

  /** Organizers: final results opened for correction, with a reason in the audit; a new notice must follow. */
  async reopen(principal: Principal, itemId: number, reason: string): Promise<PublicationView> {
    await this.ledger.assertOrganizer(principal, itemId);
    return this.step(principal, itemId, { type: 'REOPEN', at: nowIso(), reason }, { reason }, (m) => this.scoring.setResultsFinal(m, itemId, false));
  }

  /** Organizers: every publication step and appeal decision of the item, oldest first, with who, when and why. */
  async audit(principal: Principal, itemId: number): Promise<AuditView[]> {
    await this.ledger.assertOrganizer(principal, itemId);
    const rows: Omit<AuditView, 'byName'>[] = await this.dataSource.query(
      'SELECT id, action, appeal_id AS appealId, `by`, at, reason, detail FROM result_audit WHERE item_id = ? ORDER BY id',
      [itemId],
    );
    const people = await this.directory.people(rows.map((r) => Number(r.by)));
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      appealId: r.appealId,
      by: r.by,
      byName: people.get(Number(r.by))?.realName ?? '',
      at: r.at,
      reason: r.reason,
      detail: jsonColumn(r.detail),
    }));
  }

  private async step(
    principal: Principal,
    itemId: number,
    command: PublicationCommand,
    audit: { reason?: string } = {},
    alongside?: (m: EntityManager, next: PublicationState) => Promise<void>,
  ): Promise<PublicationView> {
    const view = await inTransaction(this.dataSource, async (m) => {
      const state = await this.ledger.lock(m, itemId);
      const next = await this.ledger.apply(m, principal, itemId, state, command, audit);
      if (alongside) await alongside(m, next);
      return this.ledger.view(m, itemId);
    });
    // Boards on the venue's screens show each item's state (provisional, notice, final): after the
    // commit they are sent the new board over the live stream, as on a freeze.
    const { item } = await this.events.item(itemId);
    await this.live.announce({ eventId: item.eventId, itemId: 0, scoreVersion: 0 });
    return view;
  }
}
