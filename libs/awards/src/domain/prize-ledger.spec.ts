import { summarizePrizeLedger, type PaymentRow } from './prize-ledger';

// Org tree: /1/ 市总工会, /1/4/ 拱墅区总工会, /1/4/9/ 某街道工会, /1/5/ 西湖区总工会, /1/40/ (must not fall under /1/4/)
describe('summarizePrizeLedger', () => {
  it('sums 3,144 payments to exactly 2,104,600.00', () => {
    // 2,743 × 669.30 = 1,835,889.90 and 401 × 670.10 = 268,710.10; together 2,104,600.00 over 3,144 rows
    const rows: PaymentRow[] = [];
    for (let i = 0; i < 3144; i++) {
      rows.push({
        amount: i < 2743 ? '669.30' : '670.10',
        status: i % 3 === 0 ? 'pending' : 'paid',
        orgPath: ['/1/4/', '/1/4/9/', '/1/5/'][i % 3],
        year: 2026,
      });
    }
    // plus cancelled rows that must not count as committed
    rows.push({ amount: '999.99', status: 'cancelled', orgPath: '/1/5/', year: 2026 });
    const root = summarizePrizeLedger(rows).find((t) => t.orgPath === '/1/' && t.year === 2026)!;
    expect(root.committed).toBe('2104600.00');
    expect(root.cancelled).toBe('999.99');
    expect(root.counts).toEqual({ paid: 2096, pending: 1048, cancelled: 1 });
    // the float sum of the same amounts is not exact — why decimal.js is used
    const float = rows.filter((r) => r.status !== 'cancelled').reduce((s, r) => s + Number(r.amount), 0);
    expect(float === 2104600).toBe(false);
  });

  it('totals per subtree by path prefix and per year; /1/4/ does not include /1/40/', () => {
    const rows: PaymentRow[] = [
      { amount: '100.10', status: 'paid', orgPath: '/1/4/', year: 2025 },
      { amount: '200.20', status: 'pending', orgPath: '/1/4/9/', year: 2025 },
      { amount: '300.30', status: 'paid', orgPath: '/1/40/', year: 2025 },
      { amount: '50.00', status: 'paid', orgPath: '/1/4/9/', year: 2026 },
      { amount: '70.00', status: 'cancelled', orgPath: '/1/4/9/', year: 2026 },
    ];
    const t = summarizePrizeLedger(rows, { orgPaths: ['/1/4/', '/1/'] });
    expect(t).toEqual([
      // /1/ 2025: 100.10 + 200.20 + 300.30 = 600.60
      { orgPath: '/1/', year: 2025, paid: '400.40', pending: '200.20', cancelled: '0.00', committed: '600.60', counts: { paid: 2, pending: 1, cancelled: 0 } },
      { orgPath: '/1/', year: 2026, paid: '50.00', pending: '0.00', cancelled: '70.00', committed: '50.00', counts: { paid: 1, pending: 0, cancelled: 1 } },
      // /1/4/ 2025: 100.10 + 200.20 = 300.30 (the /1/40/ row is outside)
      { orgPath: '/1/4/', year: 2025, paid: '100.10', pending: '200.20', cancelled: '0.00', committed: '300.30', counts: { paid: 1, pending: 1, cancelled: 0 } },
      { orgPath: '/1/4/', year: 2026, paid: '50.00', pending: '0.00', cancelled: '70.00', committed: '50.00', counts: { paid: 1, pending: 0, cancelled: 1 } },
    ]);
  });

  it('by default reports every ancestor subtree, root included', () => {
    const t = summarizePrizeLedger([{ amount: '1', status: 'paid', orgPath: '/1/4/9/', year: 2026 }]);
    expect(t.map((x) => [x.orgPath, x.committed])).toEqual([
      ['/', '1.00'],
      ['/1/', '1.00'],
      ['/1/4/', '1.00'],
      ['/1/4/9/', '1.00'],
    ]);
    expect(summarizePrizeLedger([])).toEqual([]);
  });

  it('refuses bad amounts, paths, years and statuses', () => {
    const ok: PaymentRow = { amount: '1.00', status: 'paid', orgPath: '/1/', year: 2026 };
    const bad = (r: Partial<PaymentRow>) => () => summarizePrizeLedger([{ ...ok, ...r }]);
    expect(bad({ amount: '1.005' })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(bad({ amount: '-5' })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(bad({ amount: '五元' })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(bad({ orgPath: '/1/4' })).toThrow(expect.objectContaining({ code: 'INVALID_ORG_PATH' }));
    expect(bad({ orgPath: '1/4/' })).toThrow(expect.objectContaining({ code: 'INVALID_ORG_PATH' }));
    expect(bad({ year: 2026.5 })).toThrow(expect.objectContaining({ code: 'INVALID_YEAR' }));
    expect(bad({ status: 'refunded' as never })).toThrow(expect.objectContaining({ code: 'INVALID_PAYMENT_STATUS' }));
    expect(() => summarizePrizeLedger([ok], { orgPaths: ['/1'] })).toThrow(expect.objectContaining({ code: 'INVALID_ORG_PATH' }));
  });
});
