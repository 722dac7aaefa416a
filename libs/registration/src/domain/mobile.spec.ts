import { isValidMobile, maskMobile, maskName, normalizeMobile, validateMobile } from './mobile';

describe('validateMobile', () => {
  it.each([['13812345678'], ['15900001111'], ['19912345678'], ['16612345678']])('accepts %s', (m) => {
    expect(validateMobile(m)).toEqual({ ok: true, value: m });
  });

  it('strips spaces, hyphens and the +86 / 0086 prefix', () => {
    expect(validateMobile(' 138 1234 5678 ')).toEqual({ ok: true, value: '13812345678' });
    expect(validateMobile('138-1234-5678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateMobile('+8613812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateMobile('008613812345678')).toEqual({ ok: true, value: '13812345678' });
  });

  it('refuses an empty value', () => {
    expect(validateMobile('  ')).toEqual({ ok: false, error: { code: 'MOBILE_REQUIRED', message: '手机号不能为空' } });
  });

  it.each([
    ['12812345678'], // second digit 2
    ['10812345678'],
    ['1381234567'], // 10 digits
    ['138123456789'], // 12 digits
    ['23812345678'],
    ['0571-87654321'], // 杭州 landline
    ['1381234567a'],
    ['8613812345678'], // bare 86 is not stripped: ambiguous
  ])('refuses %s', (m) => {
    expect(validateMobile(m)).toEqual({
      ok: false,
      error: { code: 'MOBILE_FORMAT', message: '手机号格式不正确，应为以1开头的11位中国大陆手机号' },
    });
  });

  it('isValidMobile agrees with validateMobile', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
  });

  it('normalizeMobile leaves unknown prefixes in place', () => {
    expect(normalizeMobile('+85291234567')).toBe('+85291234567');
  });
});

describe('maskMobile', () => {
  it('shows the first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138 1234 5678')).toBe('138****5678');
  });

  it('fully masks short input', () => {
    expect(maskMobile('12345')).toBe('*****');
  });
});

describe('maskName', () => {
  it('keeps the first character only', () => {
    expect(maskName('王建国')).toBe('王**');
    expect(maskName('王')).toBe('王*');
  });
});
