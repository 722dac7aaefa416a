import { facetExpression, facetTokens, indexTokens, keywordTerms, searchExpression } from './search-tokens';

const tokens = (text: string) => new Set(indexTokens(text).split(' '));
const required = (keyword: string) => (searchExpression(keyword) ?? '').split(' ').map((t) => t.replace(/^\+/, '').replace(/\*$/, ''));

describe('search tokens', () => {
  it('finds 电工 in 低压电工（持证） and 数控 in 数控车床操作工: every bigram of the query is stored', () => {
    for (const [title, keyword] of [
      ['低压电工（持证）', '电工'],
      ['数控车床操作工', '数控'],
      ['数控车床操作工', '车床操作'],
    ]) {
      const stored = tokens(title);
      for (const t of required(keyword)) expect(stored.has(t)).toBe(true);
    }
  });

  it('finds one character (电) by its unigram', () => {
    expect(required('电')).toEqual(['u7535']);
    expect(tokens('低压电工').has('u7535')).toBe(true);
  });

  it('does not find a keyword whose characters are there but not side by side', () => {
    const stored = tokens('电焊工');
    expect(required('电工').every((t) => stored.has(t))).toBe(false);
  });

  it('stores no token shorter than the default innodb_ft_min_token_size of 3', () => {
    for (const t of tokens('电 工 数控 a CNC操作 C1驾照')) expect(t.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps Latin words lower case and searches them as prefixes', () => {
    expect(tokens('CNC加工中心').has('wdcnc')).toBe(true);
    expect(searchExpression('cn')).toBe('+wdcn*');
  });

  it('lets no operator through and answers null for nothing searchable', () => {
    expect(searchExpression('电工" -x +(y) @3')).toBe('+b75355de5 +wdx* +wdy* +wd3*');
    expect(searchExpression('（）——!!')).toBeNull();
  });

  it('finds a posting by its facets exactly when its monthly range shares a 1,000-yuan bucket with the window', () => {
    const stored = (min: number, max: number) => new Set(facetTokens({ industry: '制造业', monthly: { min, max } }).split(' '));
    const hits = (min: number, max: number, window: { min: number | null; max: number | null }) => {
      const expr = facetExpression({ industry: '制造业', window });
      const s = stored(min, max);
      return expr.split(' +').every((term) => {
        const t = term.replace(/^\+/, '');
        return t.startsWith('(') ? t.slice(1, -1).split(' ').some((b) => s.has(b)) : s.has(t);
      });
    };
    // Every true overlap is found; the exact filter in SQL drops the rare neighbour in a shared bucket.
    for (let min = 3000; min <= 20000; min += 700) {
      for (let max = min; max <= min + 6000; max += 900) {
        for (const window of [{ min: 15000, max: 16000 }, { min: 8000, max: null }, { min: null, max: 5000 }]) {
          const overlaps = (window.max === null || min <= window.max) && (window.min === null || max >= window.min);
          if (overlaps) expect(hits(min, max, window)).toBe(true);
        }
      }
    }
    expect(hits(3000, 4000, { min: 15000, max: 16000 })).toBe(false);
    // Paired with another industry, the same range is not found.
    const other = new Set(facetTokens({ industry: '物流', monthly: { min: 15000, max: 16000 } }).split(' '));
    expect(facetExpression({ industry: '制造业', window: { min: 15000, max: 16000 } }).split(' +').some((t) => t.replace(/^\+?\(|\)$/g, '').split(' ').some((b) => other.has(b)))).toBe(false);
    expect(facetExpression({ industry: '物流' })).not.toBe(facetExpression({ industry: '制造业' }));
    expect(facetExpression({ window: { min: 0, max: 100000 } })).toBe('');
  });

  it('names the title tokens of a keyword, Latin words as prefixes', () => {
    expect(keywordTerms('电工 cnc')).toEqual([
      { token: 'b75355de5', prefix: false },
      { token: 'wdcnc', prefix: true },
    ]);
  });
});
