import { checkRecords, compareMarks, recheckItemRecords } from './records';

// Strictly better breaks a record; an equal mark "equals" it and the old
// record stands (World Athletics Book C1.1, Rule 31 — equalled records are
// listed apart from new records).
describe('checkRecords', () => {
  it('lower-is-better (time): strictly faster breaks, equal only equals', () => {
    expect(checkRecords({ mark: '12.49', direction: 'lower', meetRecord: '12.50', allTimeRecord: '12.10' })).toEqual({
      meet: 'BROKEN',
      allTime: 'NOT_BROKEN',
    });
    expect(checkRecords({ mark: '12.50', direction: 'lower', meetRecord: '12.50', allTimeRecord: '12.50' })).toEqual({
      meet: 'EQUALLED',
      allTime: 'EQUALLED',
    });
    expect(checkRecords({ mark: '12.51', direction: 'lower', meetRecord: '12.50' }).meet).toBe('NOT_BROKEN');
  });

  it('higher-is-better (distance): strictly longer breaks both', () => {
    expect(checkRecords({ mark: '6.01', direction: 'higher', meetRecord: '6.00', allTimeRecord: '5.95' })).toEqual({
      meet: 'BROKEN',
      allTime: 'BROKEN',
    });
    expect(checkRecords({ mark: '5.99', direction: 'higher', meetRecord: '6.00' }).meet).toBe('NOT_BROKEN');
  });

  it('compares exact decimals: "12.5" equals "12.50"; no float error on 0.1+0.2-like marks', () => {
    expect(checkRecords({ mark: '12.5', direction: 'lower', meetRecord: '12.50' }).meet).toBe('EQUALLED');
    expect(compareMarks('0.3', '0.30000000000000004', 'higher')).toBeLessThan(0);
  });

  it('reports NO_RECORD for a missing record (either one)', () => {
    expect(checkRecords({ mark: '10.00', direction: 'lower' })).toEqual({ meet: 'NO_RECORD', allTime: 'NO_RECORD' });
    expect(checkRecords({ mark: '10.00', direction: 'lower', meetRecord: null, allTimeRecord: '9.58' })).toEqual({
      meet: 'NO_RECORD',
      allTime: 'NOT_BROKEN',
    });
  });

  it('refuses non-decimal marks', () => {
    expect(() => checkRecords({ mark: '1分02秒', direction: 'lower', meetRecord: '62' })).toThrow(
      expect.objectContaining({ code: 'INVALID_MARK' }),
    );
    expect(() => checkRecords({ mark: '62', direction: 'lower', meetRecord: 'abc' })).toThrow(expect.objectContaining({ code: 'INVALID_MARK' }));
  });
});

describe('recheckItemRecords', () => {
  it('only the best mark of the item sets the record; a second mark that also beat the old record does not', () => {
    // 女子100米, old meet record 12.50, all-time 12.30
    const res = recheckItemRecords({
      direction: 'lower',
      meetRecord: '12.50',
      allTimeRecord: '12.30',
      rows: [
        { entryId: '王芳', status: 'OK', mark: '12.40' },
        { entryId: '李娜', status: 'OK', mark: '12.45' }, // also under 12.50, but not the best
        { entryId: '刘洋', status: 'OK', mark: '12.50' }, // equals the OLD record that 王芳 just broke
      ],
    });
    expect(res.rows).toEqual([
      { entryId: '刘洋', meet: 'NOT_BROKEN', allTime: 'NOT_BROKEN' },
      { entryId: '李娜', meet: 'NOT_BROKEN', allTime: 'NOT_BROKEN' },
      { entryId: '王芳', meet: 'BROKEN', allTime: 'NOT_BROKEN' },
    ]);
    expect(res).toMatchObject({ meetRecord: '12.40', allTimeRecord: '12.30', bestMark: '12.40' });
  });

  it('ties at the best mark equal to the record are all EQUALLED and the record is unchanged', () => {
    const res = recheckItemRecords({
      direction: 'higher',
      meetRecord: '1.85',
      rows: [
        { entryId: '张伟', status: 'OK', mark: '1.85' },
        { entryId: '李强', status: 'OK', mark: '1.85' },
        { entryId: '王五', status: 'OK', mark: '1.80' },
      ],
    });
    expect(res.rows.map((r) => [r.entryId, r.meet])).toEqual([
      ['张伟', 'EQUALLED'],
      ['李强', 'EQUALLED'],
      ['王五', 'NOT_BROKEN'],
    ].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(res.meetRecord).toBe('1.85');
    expect(res.rows.every((r) => r.allTime === 'NO_RECORD')).toBe(true);
  });

  it('ties at a best mark better than the record are joint holders: both BROKEN', () => {
    const res = recheckItemRecords({
      direction: 'higher',
      meetRecord: '1.85',
      rows: [
        { entryId: '张伟', status: 'OK', mark: '1.88' },
        { entryId: '李强', status: 'OK', mark: '1.88' },
      ],
    });
    expect(res.rows.map((r) => r.meet)).toEqual(['BROKEN', 'BROKEN']);
    expect(res.meetRecord).toBe('1.88');
  });

  it('after a correction, a DQ removes the record and the next best is checked instead', () => {
    const before = recheckItemRecords({
      direction: 'lower',
      meetRecord: '62.00',
      rows: [
        { entryId: '王芳', status: 'OK', mark: '61.50' },
        { entryId: '李娜', status: 'OK', mark: '61.90' },
      ],
    });
    expect(before.rows.find((r) => r.entryId === '王芳')!.meet).toBe('BROKEN');
    const after = recheckItemRecords({
      direction: 'lower',
      meetRecord: '62.00',
      rows: [
        { entryId: '王芳', status: 'DQ', mark: '61.50' },
        { entryId: '李娜', status: 'OK', mark: '61.90' },
      ],
    });
    expect(after.rows).toEqual([{ entryId: '李娜', meet: 'BROKEN', allTime: 'NO_RECORD' }]);
    expect(after.meetRecord).toBe('61.90');
  });

  it('guests cannot set records unless allowed', () => {
    const rows = [
      { entryId: '外援', status: 'OK' as const, mark: '10.90', guest: true },
      { entryId: '张伟', status: 'OK' as const, mark: '11.20' },
    ];
    const strict = recheckItemRecords({ direction: 'lower', meetRecord: '11.00', rows });
    expect(strict.rows).toEqual([{ entryId: '张伟', meet: 'NOT_BROKEN', allTime: 'NO_RECORD' }]);
    expect(strict.meetRecord).toBe('11.00');
    const open = recheckItemRecords({ direction: 'lower', meetRecord: '11.00', rows, guestsCanSetRecords: true });
    expect(open.meetRecord).toBe('10.90');
  });

  it('establishes a first record only when asked', () => {
    const rows = [
      { entryId: '张伟', status: 'OK' as const, mark: '45.2' },
      { entryId: '李强', status: 'OK' as const, mark: '44.0' },
      { entryId: '王五', status: 'DNS' as const, mark: null },
    ];
    const plain = recheckItemRecords({ direction: 'higher', rows });
    expect(plain.rows.map((r) => r.meet)).toEqual(['NO_RECORD', 'NO_RECORD']);
    expect(plain.meetRecord).toBeNull();
    const est = recheckItemRecords({ direction: 'higher', rows, establishWhenMissing: true });
    expect(est.rows).toEqual([
      { entryId: '张伟', meet: 'ESTABLISHED', allTime: 'ESTABLISHED' },
      { entryId: '李强', meet: 'NO_RECORD', allTime: 'NO_RECORD' },
    ]);
    expect(est).toMatchObject({ meetRecord: '45.2', allTimeRecord: '45.2', bestMark: '45.2' });
  });

  it('an item without a valid mark changes nothing', () => {
    const res = recheckItemRecords({ direction: 'lower', meetRecord: '12.00', rows: [{ entryId: '甲', status: 'DNF', mark: null }] });
    expect(res).toEqual({ rows: [], meetRecord: '12.00', allTimeRecord: null, bestMark: null });
  });
});
