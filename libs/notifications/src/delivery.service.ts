import { AppConfig } from '@app/config';
import { inTransaction, insertRows, jsonColumn } from '@app/database';
import { type JobPayloads, JobQueues, type NotifyAudience } from '@app/queue';
import { PeopleDirectory } from '@app/identity';
import { EntryDirectory, type EntryStatus, PiiCipher, ProfileDirectory } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type ExternalChannel, externalChannels, isTrigger, localeOf, render, TRIGGERS } from './domain';
import { ChannelSenders, type OutgoingMessage } from './senders';
import { TemplatesService } from './templates.service';

/** The attempt a delivery job is on, as BullMQ counts it. */
export interface Attempt {
  attemptsMade: number;
  opts: { attempts?: number };
}

const NOTIFICATION_COLUMNS = ['user_id', 'ref', '`trigger`', 'locale', 'title', 'body', 'mandatory', 'vars'];

/**
 * The worker's side of notifications: a fan-out finds its audience and adds
 * inbox jobs in batches; an inbox job writes its people's messages (each at
 * most once, by person and ref) and starts their external deliveries; a
 * delivery job sends one message on one channel and records the outcome.
 */
@Injectable()
export class DeliveryService {
  /** A text of its own to a number (sign-up and reset codes): not a notification, no inbox or delivery row. */
  text(mobile: string, text: string, idempotencyKey: string): Promise<void> {
    return this.senders.text(mobile, text, idempotencyKey);
  }

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly senders: ChannelSenders,
    private readonly pii: PiiCipher,
    private readonly templates: TemplatesService,
    private readonly directory: PeopleDirectory,
    private readonly entries: EntryDirectory,
    private readonly profiles: ProfileDirectory,
  ) {}

  async fanout(job: JobPayloads['notify.fanout']): Promise<{ recipients: number; batches: number }> {
    const userIds = await this.audience(job.audience);
    const size = this.config.NOTIFY_BATCH;
    const batches: JobPayloads['notify.inbox'][] = [];
    for (let at = 0, n = 0; at < userIds.length; at += size, n++) {
      batches.push({ key: `${job.key}.${n}`, trigger: job.trigger, vars: job.vars, ref: job.key, to: userIds.slice(at, at + size).map((userId) => ({ userId })) });
    }
    // One addBulk is one Redis transaction: a retried fan-out finds all its batches or none.
    await this.queues.add('notify.inbox', batches);
    return { recipients: userIds.length, batches: batches.length };
  }

  async inbox(job: JobPayloads['notify.inbox']): Promise<{ written: number; deliveries: number }> {
    if (!isTrigger(job.trigger)) throw new UnrecoverableError(`unknown trigger "${job.trigger}"`);
    const { mandatory } = TRIGGERS[job.trigger];
    const people = await this.people(job.to.map((r) => r.userId));
    const texts = await this.templates.texts(job.trigger);
    const rows: unknown[][] = [];
    const external: { userId: number; ref: string; channels: ExternalChannel[] }[] = [];
    for (const r of job.to) {
      const person = people.get(r.userId);
      if (!person) continue; // the account is gone
      const ref = r.ref ?? job.ref ?? job.key;
      const locale = localeOf(person.language);
      const vars = { ...job.vars, ...r.vars, name: person.name };
      const text = texts[locale];
      rows.push([r.userId, ref, job.trigger, locale, render(text.title, vars), render(text.body, vars), mandatory, JSON.stringify(vars)]);
      const channels = externalChannels(person, mandatory, this.senders.configured);
      if (channels.length) external.push({ userId: r.userId, ref, channels });
    }
    const pending = await inTransaction(this.dataSource, async (m) => {
      await insertRows(m, 'notifications', NOTIFICATION_COLUMNS, rows, { keepExisting: true });
      if (!external.length) return [];
      const stored: { id: string; userId: number; ref: string }[] = await m.query(
        'SELECT id, user_id AS userId, ref FROM notifications WHERE user_id IN (?) AND ref IN (?)',
        [external.map((e) => e.userId), [...new Set(external.map((e) => e.ref))]],
      );
      const idOf = new Map(stored.map((s) => [`${s.userId}/${s.ref}`, String(s.id)]));
      const wanted = external.flatMap((e) => e.channels.map((c) => [idOf.get(`${e.userId}/${e.ref}`), c]));
      await insertRows(m, 'notification_deliveries', ['notification_id', 'channel'], wanted, { keepExisting: true });
      // Pending ones only: a retried inbox job re-sends nothing already sent.
      const due: { id: string; channel: ExternalChannel }[] = await m.query(
        "SELECT id, channel FROM notification_deliveries WHERE notification_id IN (?) AND status = 'pending'",
        [[...new Set(wanted.map((w) => w[0]))]],
      );
      return due;
    });
    for (const channel of ['email', 'sms', 'webhook'] as const) {
      const ids = pending.filter((d) => d.channel === channel).map((d) => ({ deliveryId: String(d.id) }));
      await this.queues.add(`notify.${channel}`, ids, { attempts: this.config.NOTIFY_ATTEMPTS, backoff: { type: 'exponential', delay: this.config.NOTIFY_BACKOFF_MS } });
    }
    return { written: rows.length, deliveries: pending.length };
  }

  /**
   * Sends one delivery; records it sent, or the error (failed on the last attempt, when BullMQ stops retrying).
   * The delivery's row stays locked from the check to the record, so a second run of the same delivery
   * (BullMQ runs a job again when it takes its worker for dead) waits for the first and then finds it
   * sent. A crash drops the lock with its connection, and the rerun sends.
   */
  async deliver(channel: ExternalChannel, deliveryId: string, attempt: Attempt): Promise<string> {
    const outcome = await this.dataSource.transaction(async (m): Promise<string | { error: unknown }> => {
      const [lock] = await m.query('SELECT id FROM notification_deliveries WHERE id = ? AND channel = ? FOR UPDATE', [deliveryId, channel]);
      if (!lock) return 'gone';
      const [row] = await m.query(
        `SELECT d.status, n.id AS notificationId, n.\`trigger\`, n.locale, n.title, n.body, n.vars, n.created_at AS createdAt,
                n.user_id AS userId, s.email, s.webhook_url AS webhookUrl, s.webhook_secret_enc AS webhookSecretEnc
           FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
           LEFT JOIN notification_settings s ON s.user_id = n.user_id
          WHERE d.id = ?`,
        [deliveryId],
      );
      if (row.status === 'sent') return 'already sent';
      const msg: OutgoingMessage = {
        idempotencyKey: `notification-${row.notificationId}-${channel}`,
        notificationId: String(row.notificationId),
        trigger: row.trigger,
        locale: row.locale,
        title: row.title,
        body: row.body,
        vars: jsonColumn(row.vars),
        createdAt: row.createdAt,
      };
      try {
        if (channel === 'email') {
          if (!row.email) throw new UnrecoverableError('no e-mail address any more');
          await this.senders.email(row.email, msg);
        } else if (channel === 'sms') {
          const mobile = (await this.profiles.mobiles([Number(row.userId)], m)).get(Number(row.userId));
          if (!mobile) throw new UnrecoverableError('no mobile number any more');
          await this.senders.sms(mobile, msg);
        } else {
          if (!row.webhookUrl || !row.webhookSecretEnc) throw new UnrecoverableError('no webhook any more');
          await this.senders.webhook(row.webhookUrl, this.pii.decrypt(row.webhookSecretEnc), msg);
        }
      } catch (error) {
        const last = error instanceof UnrecoverableError || attempt.attemptsMade + 1 >= (attempt.opts.attempts ?? 1);
        await m.query('UPDATE notification_deliveries SET attempts = attempts + 1, last_error = ?, status = ? WHERE id = ?', [
          String((error as Error).message).slice(0, 500),
          last ? 'failed' : 'pending',
          deliveryId,
        ]);
        return { error }; // recorded with the commit, then rethrown for BullMQ's retry
      }
      await m.query("UPDATE notification_deliveries SET attempts = attempts + 1, last_error = NULL, status = 'sent', sent_at = NOW(3) WHERE id = ?", [deliveryId]);
      return 'sent';
    });
    if (typeof outcome !== 'string') throw outcome.error;
    return outcome;
  }

  /** Everyone on the audience's entries (an entrant, or every member of a team), once each, in id order. */
  private audience(a: NotifyAudience): Promise<number[]> {
    const scope = a.kind === 'item-entrants' ? { itemId: a.id } : { eventId: a.id };
    return this.entries.audience(scope, a.statuses as EntryStatus[]);
  }

  /** Each person's name and language with where else they may be reached; someone whose account is gone is absent. */
  private async people(userIds: number[]) {
    const names = await this.directory.people(userIds);
    const ids = [...names.keys()];
    const settings: { userId: number; hasEmail: number; hasWebhook: number; optedOut: unknown }[] = ids.length
      ? await this.dataSource.query(
          'SELECT user_id AS userId, email IS NOT NULL AS hasEmail, webhook_url IS NOT NULL AS hasWebhook, opted_out AS optedOut FROM notification_settings WHERE user_id IN (?)',
          [ids],
        )
      : [];
    const own = new Map(settings.map((s) => [Number(s.userId), s]));
    // The profile is asked only when SMS can be sent at all.
    const mobiles = this.senders.configured.has('sms') ? await this.profiles.withMobile(ids) : new Set<number>();
    return new Map(
      [...names.values()].map((p) => {
        const s = own.get(p.id);
        return [
          p.id,
          {
            name: p.realName,
            language: p.language,
            hasEmail: !!Number(s?.hasEmail ?? 0),
            hasWebhook: !!Number(s?.hasWebhook ?? 0),
            hasMobile: mobiles.has(p.id),
            optedOut: jsonColumn((s?.optedOut ?? null) as string[] | string | null) ?? [],
          },
        ];
      }),
    );
  }
}
