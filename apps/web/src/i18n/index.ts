import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('ue.locale')) as Locale | null;

/** zh-CN first; English for visitors who choose it. Every text of every page has both. */
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** A page's component together with the match and dashboard texts it shows (merged once). */
export async function withTexts<T>(page: Promise<T>): Promise<T> {
  const [{ kindsZh, kindsEn }, component] = await Promise.all([import('./kinds-pages'), page]);
  i18n.global.mergeLocaleMessage('zh-CN', kindsZh);
  i18n.global.mergeLocaleMessage('en', kindsEn);
  return component;
}
