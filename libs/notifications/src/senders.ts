import { AppConfig } from '@app/config';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { appendFile } from 'node:fs/promises';
import { createTransport, type Transporter } from 'nodemailer';
import { type ExternalChannel, signWebhook, webhookTargetProblem } from './domain';
import { postWebhook, WebhookRefused } from './webhook-post';

/** What an external channel carries: the rendered texts and the key a receiver de-duplicates on. */
export interface OutgoingMessage {
  /** `notification-<id>-<channel>`: the same on every retry of this delivery */
  idempotencyKey: string;
  notificationId: string;
  trigger: string;
  locale: string;
  title: string;
  body: string;
  vars: unknown;
  createdAt: Date;
}

/**
 * The provider adapters. E-mail goes over SMTP (nodemailer); SMS is a JSON
 * POST to the provider's gateway (an address the operators chose); a webhook is
 * a JSON POST signed with the recipient's secret, to an address anyone may give,
 * so it is resolved and checked when sent (webhook-post.ts). Each throws on any
 * failure, so the job retries; a refused webhook fails at once.
 */
@Injectable()
export class ChannelSenders implements OnApplicationShutdown {
  private readonly mailer: Transporter | undefined;
  private readonly logger = new Logger('SmsSink');
  readonly configured: ReadonlySet<ExternalChannel>;

  constructor(private readonly config: AppConfig) {
    this.mailer = config.SMTP_URL ? createTransport(config.SMTP_URL) : undefined;
    this.configured = new Set<ExternalChannel>(['webhook', ...(config.SMTP_URL ? ['email' as const] : []), ...(config.SMS_GATEWAY_URL ? ['sms' as const] : [])]);
  }

  async email(to: string, msg: OutgoingMessage): Promise<void> {
    if (!this.mailer) throw new Error('no SMTP server configured (SMTP_URL)');
    await this.mailer.sendMail({
      from: this.config.MAIL_FROM,
      to,
      subject: msg.title,
      text: msg.body,
      // A stable Message-ID lets mail systems drop the copy a retry may send.
      messageId: `<notification-${msg.notificationId}@union-events>`,
      headers: { 'X-Idempotency-Key': msg.idempotencyKey, 'X-UE-Trigger': msg.trigger },
    });
  }

  async sms(mobile: string, msg: OutgoingMessage): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': msg.idempotencyKey };
    if (this.config.SMS_GATEWAY_TOKEN) headers.authorization = `Bearer ${this.config.SMS_GATEWAY_TOKEN}`;
    await this.post(this.config.SMS_GATEWAY_URL, headers, JSON.stringify({ to: mobile, text: `${msg.title}：${msg.body}`, idempotencyKey: msg.idempotencyKey }));
  }

  /**
   * A text of its own (a sign-up or password-reset code) to a number. Without an SMS gateway, outside
   * production, the text goes to the development sink instead: a log line and, with SMS_SINK_FILE,
   * a JSON line in that file (local runs and the browser tests read the codes there).
   */
  async text(mobile: string, text: string, idempotencyKey: string): Promise<void> {
    if (this.config.SMS_GATEWAY_URL) {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': idempotencyKey };
      if (this.config.SMS_GATEWAY_TOKEN) headers.authorization = `Bearer ${this.config.SMS_GATEWAY_TOKEN}`;
      await this.post(this.config.SMS_GATEWAY_URL, headers, JSON.stringify({ to: mobile, text, idempotencyKey }));
      return;
    }
    if (this.config.NODE_ENV === 'production') throw new Error('no SMS gateway configured (SMS_GATEWAY_URL): a sign-up code cannot be sent');
    this.logger.log(`SMS sink (no SMS_GATEWAY_URL): to ${mobile}: ${text}`);
    if (this.config.SMS_SINK_FILE) await appendFile(this.config.SMS_SINK_FILE, `${JSON.stringify({ to: mobile, text, at: new Date().toISOString() })}\n`);
  }

  async webhook(url: string, secret: string, msg: OutgoingMessage): Promise<void> {
    const body = JSON.stringify({
      id: msg.idempotencyKey,
      trigger: msg.trigger,
      locale: msg.locale,
      title: msg.title,
      body: msg.body,
      vars: msg.vars,
      createdAt: msg.createdAt,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const allowPrivate = this.config.webhooksMayBePrivate;
    // Checked again when sent: the rules may have tightened since the address was saved.
    const problem = webhookTargetProblem(url, allowPrivate);
    if (problem) throw new WebhookRefused(`refused: ${problem}`);
    await postWebhook(
      url,
      {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': msg.idempotencyKey,
        'x-ue-timestamp': timestamp,
        'x-ue-signature': signWebhook(secret, timestamp, body),
        'user-agent': 'union-events-webhook/1',
      },
      body,
      { allowPrivate, timeoutMs: this.config.WEBHOOK_TIMEOUT_MS },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.mailer?.close();
  }

  private async post(url: string, headers: Record<string, string>, body: string): Promise<void> {
    // No redirects: a signed delivery goes to the address the person gave, nowhere else.
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS) });
    await res.body?.cancel();
    if (res.status < 200 || res.status >= 300) throw new Error(`${new URL(url).host} answered HTTP ${res.status}`);
  }
}
