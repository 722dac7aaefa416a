import { RegistrationDomainError } from './result';

const PREFIX = /^[A-Z]{0,3}$/;

/**
 * 'A' + 1 → 'A0001'. Bibs are printed and read aloud at the start line, so the
 * prefix is limited to a few upper-case Latin letters and the number is
 * zero-padded to a fixed width so bibs sort and align. A sequence that no
 * longer fits the width is an error rather than a silently longer bib, which
 * would not fit the printed template.
 */
export function formatBibNumber(prefix: string, sequence: number, width = 4): string {
  if (!PREFIX.test(prefix)) {
    throw new RegistrationDomainError('BIB_PREFIX_INVALID', `号码布前缀须为0至3个大写英文字母，当前为“${prefix}”`);
  }
  if (!Number.isInteger(width) || width < 1 || width > 8) {
    throw new RegistrationDomainError('BIB_WIDTH_INVALID', `号码布数字位数须为1至8位，当前为${width}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RegistrationDomainError('BIB_SEQUENCE_INVALID', `号码布序号须为正整数，当前为${sequence}`);
  }
  const digits = String(sequence);
  if (digits.length > width) {
    throw new RegistrationDomainError('BIB_SEQUENCE_OVERFLOW', `号码布序号${sequence}超过${width}位数字的上限`);
  }
  return prefix + digits.padStart(width, '0');
}
