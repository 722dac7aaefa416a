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
