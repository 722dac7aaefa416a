import { AppConfig } from '@app/config';
import { jsonColumn } from '@app/database';
import { PeopleDirectory, UsersService } from '@app/identity';
import { PiiCipher } from '@app/registration';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Channel, EXTERNAL_CHANNELS, localeOf, type Locale, webhookTargetProblem } from './domain';
import { NotificationsError, NotificationsErrorCode } from './notifications-error';
import { ChannelSenders } from './senders';

export interface SettingsView {
  language: Locale;
  email: string | null;
  webhookUrl: string | null;
  /** the secret is never shown again once saved */
  webhookSecretSet: boolean;
  optedOut: Channel[];
  /** channels this platform can send on at all */
  available: Channel[];
}

export interface SettingsInput {
  language?: Locale;
  email?: string | null;
  webhookUrl?: string | null;
  webhookSecret?: string;
  optedOut?: Channel[];
}

@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly pii: PiiCipher,
    private readonly senders: ChannelSenders,
    private readonly directory: PeopleDirectory,
    private readonly users: UsersService,
  ) {}

  async get(userId: number): Promise<SettingsView> {
    const person = (await this.directory.people([userId])).get(userId);
    const [row = {}] = await this.dataSource.query(
      'SELECT email, webhook_url AS webhookUrl, webhook_secret_enc IS NOT NULL AS secretSet, opted_out AS optedOut FROM notification_settings WHERE user_id = ?',
      [userId],
    );
    return {
      language: localeOf(person?.language),
      email: row.email ?? null,
      webhookUrl: row.webhookUrl ?? null,
      webhookSecretSet: !!Number(row.secretSet ?? 0),
      optedOut: jsonColumn<Channel[] | null>(row.optedOut ?? null) ?? [],
      available: ['inbox', ...this.senders.configured],
    };
  }

  /** Changes only what is given; a webhook needs its signing secret the first time it is set. */
  async put(userId: number, input: SettingsInput): Promise<SettingsView> {
    const current = await this.get(userId);
    const webhookUrl = input.webhookUrl === undefined ? current.webhookUrl : input.webhookUrl;
    const problem = input.webhookUrl ? webhookTargetProblem(input.webhookUrl, this.config.webhooksMayBePrivate) : null;
    if (problem) throw new NotificationsError('invalid', NotificationsErrorCode.SettingsInvalid, problem, { field: 'webhookUrl' });
    if (webhookUrl && !input.webhookSecret && !current.webhookSecretSet) {
      throw new NotificationsError('invalid', NotificationsErrorCode.SettingsInvalid, '设置 webhook 地址时须同时提供签名密钥 webhookSecret', { field: 'webhookSecret' });
    }
    const optedOut = input.optedOut === undefined ? current.optedOut : [...new Set(input.optedOut)];
    if (optedOut.includes('inbox')) {
      throw new NotificationsError('invalid', NotificationsErrorCode.SettingsInvalid, '站内信是通知的存档，不能退订；可退订：' + EXTERNAL_CHANNELS.join(', '), { field: 'optedOut' });
    }
    const secret = webhookUrl === null ? null : input.webhookSecret ? this.pii.encrypt(input.webhookSecret) : undefined;
    await this.dataSource.transaction(async (m) => {
      if (input.language) await this.users.setLanguage(userId, input.language, m);
      await m.query(
        `INSERT INTO notification_settings (user_id, email, webhook_url, webhook_secret_enc, opted_out) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE email = VALUES(email), webhook_url = VALUES(webhook_url), opted_out = VALUES(opted_out)${secret === undefined ? '' : ', webhook_secret_enc = VALUES(webhook_secret_enc)'}`,
        [userId, input.email === undefined ? current.email : input.email, webhookUrl, secret ?? null, JSON.stringify(optedOut)],
      );
    });
    return this.get(userId);
  }
}
