import { formatBibNumber } from './bib-number';

describe('formatBibNumber', () => {
  it('pads the sequence to four digits by default', () => {
    expect(formatBibNumber('A', 1)).toBe('A0001');
    expect(formatBibNumber('A', 42)).toBe('A0042');
    expect(formatBibNumber('A', 9999)).toBe('A9999');
  });

  it('supports no prefix, longer prefixes and other widths', () => {
    expect(formatBibNumber('', 7)).toBe('0007');
    expect(formatBibNumber('HZM', 12, 3)).toBe('HZM012');
    expect(formatBibNumber('B', 123456, 6)).toBe('B123456');
  });

  it('refuses a sequence that no longer fits', () => {
    expect(() => formatBibNumber('A', 10000)).toThrow('号码布序号10000超过4位数字的上限');
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses sequence %p', (seq) => {
    expect(() => formatBibNumber('A', seq)).toThrow(`号码布序号须为正整数，当前为${seq}`);
  });

  it.each([['a'], ['ABCD'], ['马'], ['A-']])('refuses prefix %p', (prefix) => {
    expect(() => formatBibNumber(prefix, 1)).toThrow(`号码布前缀须为0至3个大写英文字母，当前为“${prefix}”`);
  });

  it('refuses an unreasonable width', () => {
    expect(() => formatBibNumber('A', 1, 0)).toThrow('号码布数字位数须为1至8位，当前为0');
    expect(() => formatBibNumber('A', 1, 9)).toThrow('号码布数字位数须为1至8位，当前为9');
  });

  it('throws errors carrying a code', () => {
    expect(() => formatBibNumber('A', 10000)).toThrow(expect.objectContaining({ code: 'BIB_SEQUENCE_OVERFLOW' }));
    expect(() => formatBibNumber('a', 1)).toThrow(expect.objectContaining({ code: 'BIB_PREFIX_INVALID' }));
    expect(() => formatBibNumber('A', 0)).toThrow(expect.objectContaining({ code: 'BIB_SEQUENCE_INVALID' }));
    expect(() => formatBibNumber('A', 1, 0)).toThrow(expect.objectContaining({ code: 'BIB_WIDTH_INVALID' }));
  });
});
