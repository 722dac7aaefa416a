export type Language = 'zh-CN' | 'en';

/**
 * The language of a request's messages: Chinese unless the caller's Accept-Language puts English
 * before Chinese (`en`, `en-US;q=0.9, zh;q=0.5`); anything else, or nothing, reads as Chinese.
 */
export function requestLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.tag && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked.find((l) => l.tag.startsWith('en') || l.tag.startsWith('zh'));
  return first?.tag.startsWith('en') ? 'en' : 'zh-CN';
}
