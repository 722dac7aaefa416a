import { createI18n } from 'vue-i18n';
import en from './en';
import { kindsEn, kindsZh } from './kinds-pages';
import zhCN from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('ue.locale')) as Locale | null;

/** zh-CN first; English for visitors who choose it. Every text of every page has both. */
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zhCN, ...kindsZh }, en: { ...en, ...kindsEn } },
});
