import { byDecimal, rank } from './ranking';

interface Row { id: string; score: string | null; t?: string; status?: string }

describe('rank()', () => {
  it('orders by the exact decimals where doubles cannot tell them apart, and ties equal values written differently', () => {
    const rows: Row[] = [
      { id: 'a', score: '0.1' },
      { id: 'b', score: '0.10000000000000000001' },
      { id: 'c', score: '0.100' },
      { id: 'd', score: '0.09999999999999999999' },
    ];
    const r = rank(rows, [byDecimal((x: Row) => x.score, 'higher')]);
    expect(r.map((x) => [x.row.id, x.place])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
  });

  it('gives standard competition places "1, 2, 2, 4"', () => {
    const rows: Row[] = [
      { id: 'a', score: '9.10' },
      { id: 'b', score: '8.75' },
      { id: 'c', score: '9.35' },
      { id: 'd', score: '9.10' },
    ];
    const r = rank(rows, [byDecimal((x: Row) => x.score, 'higher')]);
    expect(r.map((x) => [x.row.id, x.place, x.tied])).toEqual([
      ['c', 1, false],
      ['a', 2, true],
      ['d', 2, true],
      ['b', 4, false],
    ]);
  });

  it('applies tie-breakers in order and reports which one decided', () => {
    const rows: Row[] = [
      { id: 'a', score: '10', t: '30' },
      { id: 'b', score: '10', t: '25' },
      { id: 'c', score: '12', t: '99' },
    ];
    const r = rank(rows, [byDecimal((x: Row) => x.score, 'higher'), byDecimal((x: Row) => x.t, 'lower')]);
    expect(r.map((x) => [x.row.id, x.place, x.decidedBy])).toEqual([
      ['c', 1, null],
      ['b', 2, 0], // below c because of the primary key
      ['a', 3, 1], // below b because of the first tie-breaker
    ]);
  });

  it('gives no place to DNS/DNF/DQ rows and lists them after finishers (DNF, DQ, DNS)', () => {
    const rows: Row[] = [
      { id: 'dns', score: null, status: 'DNS' },
      { id: 'a', score: '10.01' },
      { id: 'dq', score: null, status: 'DQ' },
      { id: 'dnf', score: null, status: 'DNF' },
      { id: 'b', score: '9.98' },
    ];
    const r = rank(rows, [byDecimal((x: Row) => x.score, 'lower')]);
    expect(r.map((x) => [x.row.id, x.place])).toEqual([
      ['b', 1],
      ['a', 2],
      ['dnf', null],
      ['dq', null],
      ['dns', null],
    ]);
  });

  it('compares decimals exactly (no binary floating point) and puts missing values last', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; as decimal strings "0.30" equals "0.3".
    const rows: Row[] = [{ id: 'a', score: '0.30' }, { id: 'b', score: null }, { id: 'c', score: '0.3' }];
    const r = rank(rows, [byDecimal((x: Row) => x.score, 'higher')]);
    expect(r.map((x) => [x.row.id, x.place])).toEqual([['a', 1], ['c', 1], ['b', 3]]);
  });

  it('handles an empty list and a custom status reader', () => {
    expect(rank([], [])).toEqual([]);
    const r = rank([{ v: 1, s: 'X' }, { v: 2, s: null }], [byDecimal((x: { v: number }) => x.v, 'higher')], { statusOf: (x) => x.s });
    expect(r.map((x) => [x.row.v, x.place])).toEqual([[2, 1], [1, null]]);
  });
});
