import { beijingIso } from '@app/common';
import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PublicationCommand, type PublicationState, transitionPublication } from './domain';
import { ResultsError, ResultsErrorCode } from './results-error';

export interface PublicationView {
  itemId: number;
  status: PublicationState['status'];
  noticeStartedAt: string | null;
  noticeEndsAt: string | null;
  finalizedAt: string | null;
  reopenCount: number;
  openAppeals: number;
}

/** What an audit row says besides the command: the appeal it is about, why, and more detail. */
export interface AuditNote {
  appealId?: number;
  reason?: string;
  action?: string;
  detail?: unknown;
}

/**
 * An item's publication state as stored (result_publications, result_appeals, result_audit): the
 * row lock every step takes, the pure transition with its audit row, and the state as shown. Steps
 * on the results (PublicationService) and on appeals (AppealsService) both move it through here.
 */
@Injectable()
export class PublicationLedger {
  constructor(private readonly events: EventsService) {}

  /** The item's publication state, its row locked; appeals are those of the current notice. */
  async lock(m: EntityManager, itemId: number): Promise<PublicationState> {
    await m.query('INSERT IGNORE INTO result_publications (item_id) VALUES (?)', [itemId]);
    const [row] = await m.query(
      'SELECT status, notice_started_at AS noticeStartedAt, notice_ends_at AS noticeEndsAt, finalized_at AS finalizedAt, reopen_count AS reopenCount ' +
        'FROM result_publications WHERE item_id = ? FOR UPDATE',
      [itemId],
    );
    const appeals: { id: number; filedAt: Date; status: string }[] = row.noticeStartedAt
      ? await m.query('SELECT id, filed_at AS filedAt, status FROM result_appeals WHERE item_id = ? AND filed_at >= ?', [itemId, row.noticeStartedAt])
      : [];
    return {
      status: row.status,
      noticeStartedAt: row.noticeStartedAt?.toISOString(),
      noticeEndsAt: row.noticeEndsAt?.toISOString(),
      finalizedAt: row.finalizedAt?.toISOString(),
      reopenCount: Number(row.reopenCount),
      appeals: appeals.map((a) => ({
        appealId: String(a.id),
        filedAt: a.filedAt.toISOString(),
        ...(a.status === 'open' ? {} : { resolution: a.status === 'upheld' ? ('UPHELD' as const) : ('REJECTED' as const) }),
      })),
    };
  }

  /** Runs the pure transition; a refusal becomes a 409/422 naming the rule. Writes the new state and the audit row. */
  async apply(m: EntityManager, principal: Principal, itemId: number, state: PublicationState, command: PublicationCommand, audit: AuditNote): Promise<PublicationState> {
    const res = transitionPublication(state, command);
    if (!res.ok) {
      const kind = res.error.code === 'REASON_REQUIRED' || res.error.code === 'INVALID_NOTICE_PERIOD' ? 'invalid' : 'conflict';
      throw new ResultsError(kind, `${ResultsErrorCode.Publication}${res.error.code}`, res.error.message, { status: state.status });
    }
    const next = res.value;
    await m.query(
      'UPDATE result_publications SET status = ?, notice_started_at = ?, notice_ends_at = ?, finalized_at = ?, reopen_count = ? WHERE item_id = ?',
      [next.status, toDate(next.noticeStartedAt), toDate(next.noticeEndsAt), toDate(next.finalizedAt), next.reopenCount, itemId],
    );
    await m.query('INSERT INTO result_audit (item_id, action, appeal_id, `by`, reason, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      itemId,
      audit.action ?? command.type,
      audit.appealId ?? null,
      principal.userId,
      audit.reason ?? null,
      JSON.stringify({ from: state.status, to: next.status, ...(audit.detail ? (audit.detail as object) : {}) }),
    ]);
    return next;
  }

  async view(m: EntityManager, itemId: number): Promise<PublicationView> {
    const [row] = await m.query(
      'SELECT p.status, p.notice_started_at AS noticeStartedAt, p.notice_ends_at AS noticeEndsAt, p.finalized_at AS finalizedAt, p.reopen_count AS reopenCount, ' +
        "(SELECT COUNT(*) FROM result_appeals a WHERE a.item_id = p.item_id AND a.status = 'open') AS openAppeals FROM result_publications p WHERE p.item_id = ?",
      [itemId],
    );
    return {
      itemId,
      status: row?.status ?? 'PROVISIONAL',
      // Shown to contestants (appeals until when): ISO 8601 with the Beijing offset.
      noticeStartedAt: beijingIso(row?.noticeStartedAt),
      noticeEndsAt: beijingIso(row?.noticeEndsAt),
      finalizedAt: beijingIso(row?.finalizedAt),
      reopenCount: Number(row?.reopenCount ?? 0),
      openAppeals: Number(row?.openAppeals ?? 0),
    };
  }

  /** Organizers of the item's event; gives the event's id. */
  async assertOrganizer(principal: Principal, itemId: number): Promise<number> {
    const { event } = await this.events.item(itemId);
    await this.events.assertManager(principal, event.id);
    return event.id;
  }

  async isOrganizer(principal: Principal, itemId: number): Promise<boolean> {
    const { event } = await this.events.item(itemId);
    return this.events.manages(principal, event);
  }
}

/** Now, as the pure transitions take time. */
export function nowIso(): string {
  return new Date().toISOString();
}

function toDate(iso: string | undefined): Date | null {
  return iso ? new Date(iso) : null;
}
