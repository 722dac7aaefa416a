import { AppConfig } from '@app/config';
import { EventsService } from '@app/events';
import { AccessService, PeopleDirectory, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as QRCode from 'qrcode';
import type { DataSource } from 'typeorm';
import { EntryWorkflowService } from './entry-workflow.service';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

export interface CheckInCode {
  entryId: number;
  token: string;
  /** The token as a QR code, an SVG document to print or show on a phone. */
  qrSvg: string;
}

export interface CheckInResult {
  entryId: number;
  bib: string | null;
  realName: string;
  alreadyCheckedIn: boolean;
  checkedInAt: Date;
  message: string;
}

/**
 * The QR code carries `c1.<entryId>.<eventId>.<mac>`: short enough for a
 * small, quickly scanned code, and unforgeable without the server's key, so
 * the gate needs no lookup to reject a made-up code.
 */
@Injectable()
export class CheckInService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly workflow: EntryWorkflowService,
    private readonly access: AccessService,
    private readonly directory: PeopleDirectory,
    config: AppConfig,
  ) {
    this.key = createHash('sha256').update(`check-in:${config.JWT_SECRET}`).digest();
  }

  /** The entrant, their leader or an organizer; only approved entries have a code. */
  async code(principal: Principal, entryId: number): Promise<CheckInCode> {
    const entry = await this.workflow.get(principal, entryId);
    if (entry.status !== 'approved') {
      throw new RegistrationError('conflict', RegistrationErrorCode.CheckInNotApproved, '报名审核通过后才有签到码', { status: entry.status });
    }
    const token = this.sign(entry.id, entry.eventId);
    return { entryId, token, qrSvg: await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /** Organizers of the event scan at the gate; a second scan answers when the first one was. */
  async scan(principal: Principal, eventId: number, token: string): Promise<CheckInResult> {
    await this.events.assertManager(principal, eventId);
    const entryId = this.verify(token, eventId);
    // Conditional on "not yet checked in": the first scan wins, a repeat changes nothing.
    const res: { affectedRows: number } = await this.dataSource.manager.query(
      `UPDATE entries SET checked_in_at = CURRENT_TIMESTAMP(3), checked_in_by = ?
        WHERE id = ? AND status = 'approved' AND checked_in_at IS NULL`,
      [principal.userId, entryId],
    );
    const entry = await this.workflow.view(entryId);
    if (entry.status !== 'approved' || !entry.checkedInAt) {
      throw new RegistrationError('conflict', RegistrationErrorCode.CheckInNotApproved, `该报名状态为“${entry.status}”，不能签到`, { status: entry.status });
    }
    const at = new Date(entry.checkedInAt);
    const already = res.affectedRows === 0;
    return {
      entryId,
      bib: entry.bib,
      realName: entry.realName,
      alreadyCheckedIn: already,
      checkedInAt: at,
      message: already ? `已于${formatShanghaiTime(at)}签到，无需重复签到` : '签到成功',
    };
  }

  /** Organizers of the event: how many of its approved entries have checked in, for the gate's counter. */
  async summary(principal: Principal, eventId: number): Promise<{ approved: number; checkedIn: number }> {
    await this.events.assertManager(principal, eventId);
    const [row] = await this.dataSource.manager.query(
      `SELECT COUNT(*) AS approved, COUNT(checked_in_at) AS checkedIn FROM entries WHERE event_id = ? AND status = 'approved'`,
      [eventId],
    );
    return { approved: Number(row.approved), checkedIn: Number(row.checkedIn) };
  }

  /** A whole delegation's approved entries at once; returns how many were newly checked in. */
  async scanDelegation(principal: Principal, eventId: number, organisationId: number): Promise<{ checkedIn: number; alreadyCheckedIn: number }> {
    await this.events.assertManager(principal, eventId);
    const under = await this.directory.subtree(await this.access.pathOf(organisationId));
    const res: { affectedRows: number } = await this.dataSource.manager.query(
      `UPDATE entries SET checked_in_at = CURRENT_TIMESTAMP(3), checked_in_by = ?
        WHERE event_id = ? AND status = 'approved' AND checked_in_at IS NULL AND organisation_id IN (?)`,
      [principal.userId, eventId, under],
    );
    const [row] = await this.dataSource.manager.query(
      `SELECT COUNT(*) AS n FROM entries WHERE event_id = ? AND status = 'approved' AND organisation_id IN (?)`,
      [eventId, under],
    );
    return { checkedIn: res.affectedRows, alreadyCheckedIn: Number(row.n) - res.affectedRows };
  }

  sign(entryId: number, eventId: number): string {
    return `c1.${entryId}.${eventId}.${this.mac(entryId, eventId)}`;
  }

  private verify(token: string, eventId: number): number {
    const m = /^c1\.(\d+)\.(\d+)\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
    const valid =
      m && Number(m[2]) === eventId && timingSafeEqual(Buffer.from(m[3]), Buffer.from(this.mac(Number(m[1]), Number(m[2]))));
    if (!valid) throw new RegistrationError('invalid', RegistrationErrorCode.CheckInTokenInvalid, '签到码无效或不属于本赛事', { field: 'token' });
    return Number(m[1]);
  }

  private mac(entryId: number, eventId: number): string {
    return createHmac('sha256', this.key).update(`${entryId}.${eventId}`).digest('base64url').slice(0, 22);
  }
}

/** '2026-11-21 09:30:05', Beijing time: what the volunteer at the gate reads. */
function formatShanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
