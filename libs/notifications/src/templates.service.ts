import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { checkTemplate, DEFAULT_TEMPLATES, isTrigger, type Locale, LOCALES, type TemplateText, TRIGGER_NAMES, TRIGGERS, type Trigger } from './domain';
import { NotificationsError, NotificationsErrorCode } from './notifications-error';

export interface TemplateView extends TemplateText {
  trigger: Trigger;
  locale: Locale;
  vars: readonly string[];
  mandatory: boolean;
  /** false: the built-in text */
  custom: boolean;
  updatedAt: Date | null;
}

/** Saved texts are re-read at most this often by a worker: a change shows within seconds, not per message. */
const CACHE_MS = 5000;

@Injectable()
export class TemplatesService {
  private cache: { at: number; rows: Promise<Map<string, TemplateText & { updatedAt: Date }>> } | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The texts a trigger's messages use now, per language. */
  async texts(trigger: Trigger): Promise<Record<Locale, TemplateText>> {
    const saved = await this.saved();
    return Object.fromEntries(LOCALES.map((l) => [l, saved.get(`${trigger}/${l}`) ?? DEFAULT_TEMPLATES[trigger][l]])) as Record<Locale, TemplateText>;
  }

  async list(): Promise<TemplateView[]> {
    const saved = await this.saved(true);
    return TRIGGER_NAMES.flatMap((trigger) =>
      LOCALES.map((locale) => {
        const own = saved.get(`${trigger}/${locale}`);
        const text = own ?? DEFAULT_TEMPLATES[trigger][locale];
        return { trigger, locale, title: text.title, body: text.body, vars: TRIGGERS[trigger].vars, mandatory: TRIGGERS[trigger].mandatory, custom: !!own, updatedAt: own?.updatedAt ?? null };
      }),
    );
  }

  /** Saves a text after checking every placeholder against the trigger's variables (422 naming each problem). */
  async put(principal: Principal, trigger: string, locale: string, text: TemplateText): Promise<TemplateView> {
    const [t, l] = this.key(trigger, locale);
    const problems = checkTemplate(t, text);
    if (problems.length) {
      throw new NotificationsError('unprocessable', NotificationsErrorCode.TemplateInvalid, problems.map((p) => p.message).join('；'), 
        problems.map((p) => ({ field: p.field, code: NotificationsErrorCode.TemplateInvalid, message: p.message })),
      );
    }
    await this.dataSource.query(
      `INSERT INTO notification_templates (\`trigger\`, locale, title, body, updated_by) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE title = VALUES(title), body = VALUES(body), updated_by = VALUES(updated_by)`,
      [t, l, text.title, text.body, principal.userId],
    );
    return this.view(t, l);
  }

  /** Back to the built-in text. */
  async reset(trigger: string, locale: string): Promise<TemplateView> {
    const [t, l] = this.key(trigger, locale);
    await this.dataSource.query('DELETE FROM notification_templates WHERE `trigger` = ? AND locale = ?', [t, l]);
    return this.view(t, l);
  }

  private async view(trigger: Trigger, locale: Locale): Promise<TemplateView> {
    return (await this.list()).find((v) => v.trigger === trigger && v.locale === locale)!;
  }

  private key(trigger: string, locale: string): [Trigger, Locale] {
    if (!isTrigger(trigger)) {
      throw new NotificationsError('not_found', NotificationsErrorCode.TriggerUnknown, `没有这种通知：${trigger}；可用：${TRIGGER_NAMES.join(', ')}`, { field: 'trigger' });
    }
    if (!(LOCALES as readonly string[]).includes(locale)) {
      throw new NotificationsError('not_found', NotificationsErrorCode.LocaleUnknown, `不支持的语言：${locale}；可用：${LOCALES.join(', ')}`, { field: 'locale' });
    }
    return [trigger, locale as Locale];
  }

  private saved(fresh = false): Promise<Map<string, TemplateText & { updatedAt: Date }>> {
    if (fresh || !this.cache || Date.now() - this.cache.at > CACHE_MS) {
      const rows = this.dataSource
        .query('SELECT `trigger`, locale, title, body, updated_at AS updatedAt FROM notification_templates')
        .then((rs: { trigger: string; locale: string; title: string; body: string; updatedAt: Date }[]) => new Map(rs.map((r) => [`${r.trigger}/${r.locale}`, r])));
      this.cache = { at: Date.now(), rows };
      rows.catch(() => (this.cache = undefined));
    }
    return this.cache.rows;
  }
}
