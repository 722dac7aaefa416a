/**
 * Chinese text made searchable by an InnoDB FULLTEXT index on MariaDB and MySQL alike.
 *
 * Neither server segments Chinese with its built-in parser (MariaDB has no ngram parser), and
 * `innodb_ft_min_token_size` is 3 by default and fixed at start-up, so a two-character word such as
 * 电工 or 数控 would silently never be indexed. Every Han character is therefore stored as a unigram
 * token and every pair of adjacent Han characters as a bigram token, spelled in ASCII from their
 * code points (`u7535` for 电, `b75355de5` for 电工): each token is 5 or 9 characters long whatever the
 * server's minimum (up to 5), and what counts as a word character no longer depends on the collation.
 * Latin letters and digits (CNC, PLC, C1) are kept as lower-case words behind `wd` (so a one-letter word is 3 long too) and searched as
 * prefixes.
 *
 * A query of n ≥ 2 Han characters requires all its n − 1 bigrams, which finds every text containing
 * it as a substring (as an ngram parser with n = 2 does); one character (电) requires its unigram.
 *
 * Filters ride in the same document as facet tokens (industry, district, education, and the
 * 1,000-yuan monthly salary buckets a range covers), so a keyword search with filters intersects
 * posting lists inside the index instead of fetching every posting the keyword finds. The tokens
 * only narrow; the exact filters still run in SQL, so a hash collision costs time, never a result.
 */

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

const hex = (ch: string): string => ch.codePointAt(0)!.toString(16);
const unigram = (ch: string): string => `u${hex(ch)}`;
const bigram = (a: string, b: string): string => `b${hex(a)}${hex(b)}`;
const word = (w: string): string => `wd${w.toLowerCase()}`;

/** The tokens stored for a text, space separated, each at most once. */
export function indexTokens(text: string): string {
  const out = new Set<string>();
  for (const [run] of text.matchAll(RUN)) {
    if (!HAN.test(run)) {
      out.add(word(run));
      continue;
    }
    const chars = [...run];
    chars.forEach((ch, i) => {
      out.add(unigram(ch));
      if (i > 0) out.add(bigram(chars[i - 1], ch));
    });
  }
  return [...out].join(' ');
}

/**
 * A keyword as a FULLTEXT boolean-mode expression in which every term is required; null when the
 * keyword holds nothing searchable (punctuation only). Only tokens this module spells go in, so no
 * operator a user types reaches the server.
 */
export function searchExpression(keyword: string): string | null {
  const terms = new Set<string>();
  for (const [run] of keyword.matchAll(RUN)) {
    if (!HAN.test(run)) {
      terms.add(`+${word(run)}*`);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) terms.add(`+${unigram(chars[0])}`);
    for (let i = 1; i < chars.length; i++) terms.add(`+${bigram(chars[i - 1], chars[i])}`);
  }
  return terms.size ? [...terms].join(' ') : null;
}

/** What a posting is filtered by, stored as facet tokens beside its words. */
export interface SearchFacets {
  readonly industry?: string | null;
  readonly district?: string | null;
  readonly education?: string | null;
  /** Per month; null when negotiable (no bucket: a salary filter leaves it out). */
  readonly monthly?: { readonly min: number; readonly max: number } | null;
  /** A search's window per month, an open end null. */
  readonly window?: { readonly min: number | null; readonly max: number | null } | null;
}

type FacetKind = 'industry' | 'district' | 'education';
const FACET_PREFIX: Record<FacetKind, string> = { industry: 'fi', district: 'fd', education: 'fe' };
/** 1,000-yuan buckets; the last holds everything from 50,000 a month up. */
const BUCKET = 1000;
const LAST_BUCKET = 50;
/** A window over more buckets than this narrows too little to be worth an OR in the index. */
const MAX_WINDOW_BUCKETS = 20;

/** FNV-1a, 32 bits, as 8 hex digits: short, and ASCII whatever the value. */
function fnv(value: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const facet = (kind: FacetKind, value: string): string => `${FACET_PREFIX[kind]}${fnv(value)}`;
const bucket = (yuan: number): number => Math.min(Math.floor(yuan / BUCKET), LAST_BUCKET);
const buckets = (from: number, to: number): string[] => {
  const out: string[] = [];
  for (let k = bucket(from); k <= bucket(to); k++) out.push(`sb${k}`);
  return out;
};

/**
 * The facet tokens stored with a posting. Each salary bucket is stored alone and paired with the
 * industry (`sb15i…`): a search by both walks the pair's list, a tenth of the bucket's, since the
 * server reads every posting list a query names in full.
 */
export function facetTokens(f: SearchFacets): string {
  const out: string[] = [];
  for (const kind of ['industry', 'district', 'education'] as const) if (f[kind]) out.push(facet(kind, f[kind]));
  // A range overlaps a window exactly when they share a bucket (ends included): no posting is missed.
  if (f.monthly) {
    const own = buckets(f.monthly.min, f.monthly.max);
    out.push(...own);
    if (f.industry) out.push(...own.map((b) => `${b}i${fnv(f.industry!)}`));
  }
  return out.join(' ');
}

/** The facet terms a search requires, to add to its keyword expression. */
export function facetExpression(f: SearchFacets): string {
  const terms: string[] = [];
  const w = f.window;
  const span = w && (w.min !== null || w.max !== null) ? buckets(w.min ?? 0, w.max ?? LAST_BUCKET * BUCKET) : null;
  const narrow = span !== null && span.length <= MAX_WINDOW_BUCKETS;
  for (const kind of ['district', 'education'] as const) if (f[kind]) terms.push(`+${facet(kind, f[kind])}`);
  if (narrow && f.industry) terms.push(`+(${span.map((b) => `${b}i${fnv(f.industry!)}`).join(' ')})`);
  else {
    if (f.industry) terms.push(`+${facet('industry', f.industry)}`);
    if (narrow) terms.push(`+(${span.join(' ')})`);
  }
  return terms.join(' ');
}

/**
 * The stored title tokens a keyword needs, to tell a title match from a description match without
 * a second index lookup: each with whether it is a prefix (Latin words are searched as prefixes).
 */
export function keywordTerms(keyword: string): { token: string; prefix: boolean }[] {
  const expr = searchExpression(keyword);
  if (expr === null) return [];
  return expr.split(' ').map((t) => ({ token: t.replace(/^\+/, '').replace(/\*$/, ''), prefix: t.endsWith('*') }));
}
