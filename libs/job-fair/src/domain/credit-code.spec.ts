import {
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  normalizeCreditCode,
  organizationCodeCheckChar,
  parseCreditCode,
} from './credit-code';
import { JobFairErrorCode } from './job-fair-error';
import { refusal } from '../../../../test/support/refusal';

describe('unified social credit code (GB 32100-2015)', () => {
  it('uses the weights 3^(i−1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('computes the check character of 91350100M000100Y4 by hand: 3', () => {
    // values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4; Σ C·W = 9+3+27+135+26+420+8+900+112 = 1640;
    // 1640 mod 31 = 28; 31 − 28 = 3.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('computes the GB 11714 check of the organisation code M000100Y by hand: 4', () => {
    // M=22, Y=34 (A=10…Z=35); 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4.
    expect(organizationCodeCheckChar('M000100Y')).toBe('4');
  });

  it('writes 11 − 0 as 0 and 10 as X in the organisation code', () => {
    // 00000000: Σ = 0, 11 − 0 = 11 → 0. 00000005: 5·2 = 10, 11 − 10 = 1.
    expect(organizationCodeCheckChar('00000000')).toBe('0');
    expect(organizationCodeCheckChar('00000005')).toBe('1');
    // 01001000: 1·7 + 1·5 = 12, 12 mod 11 = 1, 11 − 1 = 10 → X.
    expect(organizationCodeCheckChar('01001000')).toBe('X');
  });

  it('writes a check value of 31 as 0 and 30 as Y', () => {
    // All zeros: Σ = 0 → 31 − 0 = 31 → 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    // Only position 1 = 1: Σ = 1 → 31 − 1 = 30 → Y.
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
    // Only position 2 = 1: Σ = 3 → 28, the character W.
    expect(creditCodeCheckChar('01000000000000000')).toBe('W');
  });

  it.each([
    ['91350100M000100Y43', '工商'],
    ['91440300708461136T', '工商'],
    ['914403001922038216', '工商'],
  ])('accepts the published code %s', (code, authority) => {
    const info = parseCreditCode(code);
    expect(info.code).toBe(code);
    expect(info.authority).toBe(authority);
  });

  it('splits the five parts', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      code: '91350100M000100Y43',
      authorityCode: '9',
      authority: '工商',
      typeCode: '1',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
    });
  });

  it('normalises spaces, lower case and full-width characters', () => {
    expect(normalizeCreditCode(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    expect(normalizeCreditCode('91350100-m000100y43')).toBe('91350100M000100Y43');
    expect(parseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').code).toBe('91350100M000100Y43');
  });

  it('refuses an empty code', () => {
    expect(refusal(() => parseCreditCode('  '))).toBe(JobFairErrorCode.CreditCodeRequired);
  });

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['a letter outside the set (O)', '91350100O000100Y43'],
    ['a letter in the division', '9135010AM000100Y43'],
    ['a Chinese character', '91350100M000100Y4号'],
  ])('refuses the format: %s', (_, code) => {
    const error = (() => {
      try {
        parseCreditCode(code);
      } catch (e) {
        return e as { code: string; field: string };
      }
      return undefined;
    })();
    expect(error?.code).toBe(JobFairErrorCode.CreditCodeFormat);
    expect(error?.field).toBe('creditCode');
  });

  it('refuses an organisation code whose own check character is wrong', () => {
    // M000100Y5 instead of …Y4; the 18th character is recomputed so only GB 11714 fails.
    const first17 = '91350100M000100Y5';
    expect(refusal(() => parseCreditCode(first17 + creditCodeCheckChar(first17)))).toBe(JobFairErrorCode.OrganizationCodeChecksum);
  });

  it('refuses a wrong check character', () => {
    expect(refusal(() => parseCreditCode('91350100M000100Y44'))).toBe(JobFairErrorCode.CreditCodeChecksum);
  });

  it('refuses two swapped characters', () => {
    expect(refusal(() => parseCreditCode('91530100M000100Y43'))).toBe(JobFairErrorCode.CreditCodeChecksum);
  });
});
