import type { NotifyTrigger, NotifyVars } from '@app/queue';

/**
 * What can cause a notification, the variables its texts may use and whether
 * a recipient may opt out of it. Mandatory messages are the ones whose loss
 * costs someone something (a place, a schedule, a decision); they go through
 * every channel the person has, whatever their preferences.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CHANNELS = ['inbox', 'email', 'sms', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ExternalChannel = Exclude<Channel, 'inbox'>;
export const EXTERNAL_CHANNELS: readonly ExternalChannel[] = ['email', 'sms', 'webhook'];

/** Every template may use the recipient's name; the rest come from the happening. */
const COMMON = ['name'] as const;

export const TRIGGERS = {
  'entry.received': { vars: [...COMMON, 'event', 'item'], mandatory: false },
  'entry.approved': { vars: [...COMMON, 'event', 'item', 'bib'], mandatory: false },
  'entry.rejected': { vars: [...COMMON, 'event', 'item', 'reason'], mandatory: true },
  'entry.waitlisted': { vars: [...COMMON, 'event', 'item'], mandatory: false },
  'entry.promoted': { vars: [...COMMON, 'event', 'item', 'bib'], mandatory: true },
  'item.changed': { vars: [...COMMON, 'event', 'item', 'venue', 'startsAt'], mandatory: true },
  'judge.assigned': { vars: [...COMMON, 'event', 'item', 'role'], mandatory: false },
  'results.published': { vars: [...COMMON, 'event', 'item', 'noticeEndsAt'], mandatory: false },
  'appeal.decided': { vars: [...COMMON, 'event', 'item', 'decision', 'reason'], mandatory: true },
  'award.granted': { vars: [...COMMON, 'event', 'item', 'award', 'certificateUrl'], mandatory: false },
  // A walker's safety: every channel the organizer has, whatever their preferences.
  'hiking.alert': { vars: [...COMMON, 'event', 'route', 'walker', 'bib', 'alert', 'checkpoint'], mandatory: true },
  'application.changed': { vars: [...COMMON, 'event', 'position', 'employer', 'stage', 'stageEn'], mandatory: false },
} as const satisfies Record<NotifyTrigger, { vars: readonly string[]; mandatory: boolean }>;
export type Trigger = NotifyTrigger;
export const TRIGGER_NAMES = Object.keys(TRIGGERS) as Trigger[];

export type Vars = NotifyVars;

export interface TemplateText {
  title: string;
  body: string;
}

/** The texts used until an admin saves another; both languages for every trigger. */
export const DEFAULT_TEMPLATES: Record<Trigger, Record<Locale, TemplateText>> = {
  'entry.received': {
    'zh-CN': { title: '报名已收到：{{item}}', body: '{{name}}，您在「{{event}}」{{item}}的报名已收到，正在等待审核。' },
    en: { title: 'Entry received: {{item}}', body: '{{name}}, your entry for {{item}} at {{event}} has been received and awaits review.' },
  },
  'entry.approved': {
    'zh-CN': { title: '报名已通过：{{item}}', body: '{{name}}，您在「{{event}}」{{item}}的报名已通过审核，参赛号 {{bib}}。' },
    en: { title: 'Entry approved: {{item}}', body: '{{name}}, your entry for {{item}} at {{event}} is approved. Your bib is {{bib}}.' },
  },
  'entry.rejected': {
    'zh-CN': { title: '报名未通过：{{item}}', body: '{{name}}，您在「{{event}}」{{item}}的报名未通过审核。原因：{{reason}}' },
    en: { title: 'Entry rejected: {{item}}', body: '{{name}}, your entry for {{item}} at {{event}} was rejected. Reason: {{reason}}' },
  },
  'entry.waitlisted': {
    'zh-CN': { title: '已进入候补：{{item}}', body: '{{name}}，「{{event}}」{{item}}名额已满，您已进入候补名单，有空位时将按顺序递补。' },
    en: { title: 'Waitlisted: {{item}}', body: '{{name}}, {{item}} at {{event}} is full. You are on the waitlist and will be promoted in order when a place frees up.' },
  },
  'entry.promoted': {
    'zh-CN': { title: '候补成功：{{item}}', body: '{{name}}，您已由候补转为正式参赛：「{{event}}」{{item}}，参赛号 {{bib}}。' },
    en: { title: 'Promoted from the waitlist: {{item}}', body: '{{name}}, you have a place in {{item}} at {{event}}. Your bib is {{bib}}.' },
  },
  'item.changed': {
    'zh-CN': { title: '赛程变更：{{item}}', body: '{{name}}，「{{event}}」{{item}}的安排有变：地点 {{venue}}，时间 {{startsAt}}。' },
    en: { title: 'Schedule change: {{item}}', body: '{{name}}, {{item}} at {{event}} has changed: venue {{venue}}, starts {{startsAt}}.' },
  },
  'judge.assigned': {
    'zh-CN': { title: '裁判任命：{{item}}', body: '{{name}}，您已被安排担任「{{event}}」{{item}}的{{role}}。' },
    en: { title: 'Judging assignment: {{item}}', body: '{{name}}, you are seated as {{role}} for {{item}} at {{event}}.' },
  },
  'results.published': {
    'zh-CN': { title: '成绩公示：{{item}}', body: '{{name}}，「{{event}}」{{item}}的成绩已公示，公示期至 {{noticeEndsAt}}，如有异议请在公示期内提出申诉。' },
    en: { title: 'Results published: {{item}}', body: '{{name}}, the results of {{item}} at {{event}} are on public notice until {{noticeEndsAt}}. Appeals are open until then.' },
  },
  'appeal.decided': {
    'zh-CN': { title: '申诉处理结果：{{item}}', body: '{{name}}，您对「{{event}}」{{item}}成绩的申诉已处理：{{decision}}。说明：{{reason}}' },
    en: { title: 'Appeal decided: {{item}}', body: '{{name}}, your appeal on the results of {{item}} at {{event}} was decided: {{decision}}. {{reason}}' },
  },
  'award.granted': {
    'zh-CN': { title: '获奖通知：{{award}}', body: '{{name}}，祝贺您在「{{event}}」{{item}}中获得{{award}}。证书：{{certificateUrl}}' },
    en: { title: 'Award: {{award}}', body: '{{name}}, congratulations on {{award}} in {{item}} at {{event}}. Certificate: {{certificateUrl}}' },
  },
  'hiking.alert': {
    'zh-CN': { title: '安全预警：{{walker}}（{{bib}}）{{alert}}', body: '{{name}}，「{{event}}」{{route}}的队员{{walker}}（号码 {{bib}}）{{alert}}，最后经过：{{checkpoint}}。请立即联系并安排搜寻。' },
    en: { title: 'Safety alert: {{walker}} ({{bib}}) {{alert}}', body: '{{name}}, walker {{walker}} (bib {{bib}}) on {{route}} at {{event}} is {{alert}}; last seen at {{checkpoint}}. Please make contact and organise a search.' },
  },
  'application.changed': {
    'zh-CN': { title: '求职进度：{{position}}', body: '{{name}}，您在「{{event}}」应聘{{employer}}的{{position}}，状态更新为：{{stage}}。' },
    en: { title: 'Application update: {{position}}', body: '{{name}}, your application for {{position}} at {{employer}} ({{event}}) is now: {{stageEn}}.' },
  },
};

export function isTrigger(value: string): value is Trigger {
  return Object.hasOwn(TRIGGERS, value);
}

/** The recipient's language if we have texts in it, else Chinese. */
export function localeOf(language: string | null | undefined): Locale {
  if (language?.toLowerCase().startsWith('en')) return 'en';
  return 'zh-CN';
}
