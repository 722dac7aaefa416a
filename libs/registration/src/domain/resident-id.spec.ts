import { maskResidentId, normalizeResidentId, residentIdCheckChar, validateResidentId } from './resident-id';

const today = '2026-11-21';

describe('residentIdCheckChar (ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['33010219900307123', '0'],
    ['44030420000229001', '4'],
    ['51010719951120567', '5'],
    ['33010219900307122', '2'],
  ])('%s → %s', (first17, expected) => {
    expect(residentIdCheckChar(first17)).toBe(expected);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('normalizeResidentId', () => {
  it('trims and upper-cases x', () => {
    expect(normalizeResidentId('  11010519491231002x ')).toBe('11010519491231002X');
  });

  it('folds full-width digits and Ｘ typed with a Chinese input method', () => {
    expect(normalizeResidentId('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeResidentId('11010519491231002ｘ')).toBe('11010519491231002X');
  });
});

describe('validateResidentId', () => {
  it('accepts a valid number and extracts birth date, gender and region', () => {
    // 张伟, 杭州市上城区, 1990-03-07, sequence 123 (odd → male)
    expect(validateResidentId('330102199003071230', { today })).toEqual({
      ok: true,
      value: { id: '330102199003071230', regionCode: '330102', birthDate: '1990-03-07', gender: 'male' },
    });
  });

  it('extracts female gender from an even 17th digit', () => {
    // 李娜, 1990-03-07, sequence 124
    const r = validateResidentId('330102199003071249', { today });
    expect(r.ok && r.value.gender).toBe('female');
  });

  it('accepts check character X, in either case', () => {
    const upper = validateResidentId('11010519491231002X', { today });
    const lower = validateResidentId('11010519491231002x', { today });
    expect(upper).toEqual({
      ok: true,
      value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    });
    expect(lower).toEqual(upper);
  });

  it('accepts a 29 February birth date in a leap year', () => {
    const r = validateResidentId('440304200002290014', { today });
    expect(r.ok && r.value.birthDate).toBe('2000-02-29');
  });

  it('accepts 1900-01-01, the earliest allowed birth date', () => {
    const r = validateResidentId('11010519000101001X', { today });
    expect(r.ok && r.value.birthDate).toBe('1900-01-01');
  });

  it('accepts a person born today', () => {
    const r = validateResidentId('110105202611210014', { today });
    expect(r.ok && r.value.birthDate).toBe('2026-11-21');
  });

  it('refuses an empty value', () => {
    expect(validateResidentId('   ', { today })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_REQUIRED', message: '身份证号不能为空' },
    });
  });

  it.each([
    ['33010219900307123'], // 17 characters
    ['3301021990030712300'], // 19 characters
    ['33010219900307123Y'],
    ['3301021990030712X0'], // X only allowed last
    ['330102 19900307123'],
  ])('refuses malformed %p', (id) => {
    expect(validateResidentId(id, { today })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_FORMAT', message: '身份证号格式不正确，应为18位，前17位为数字，最后一位为数字或X' },
    });
  });

  it('refuses a wrong check digit', () => {
    expect(validateResidentId('330102199003071231', { today })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_CHECKSUM', message: '身份证号校验位不正确，请核对是否有输错的数字' },
    });
  });

  it('refuses a digit where the check character should be X', () => {
    expect(validateResidentId('110105194912310020', { today })).toMatchObject({
      ok: false,
      error: { code: 'RESIDENT_ID_CHECKSUM' },
    });
  });

  it('refuses an X where a digit is expected', () => {
    expect(validateResidentId('33010219900307123X', { today })).toMatchObject({
      ok: false,
      error: { code: 'RESIDENT_ID_CHECKSUM' },
    });
  });

  it('catches two transposed digits', () => {
    expect(validateResidentId('330102199003071320', { today })).toMatchObject({ ok: false, error: { code: 'RESIDENT_ID_CHECKSUM' } });
  });

  it('refuses a birth date that does not exist (1990-02-30), even with a correct checksum', () => {
    expect(validateResidentId('11010519900230001X', { today })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_BIRTH_DATE_INVALID', message: '身份证号中的出生日期不是有效日期' },
    });
  });

  it('refuses 29 February in a common year', () => {
    // 2001-02-29 with a correct check digit
    const id = '44030420010229001' + residentIdCheckChar('44030420010229001');
    expect(validateResidentId(id, { today })).toMatchObject({ ok: false, error: { code: 'RESIDENT_ID_BIRTH_DATE_INVALID' } });
  });

  it('refuses a birth date after today', () => {
    expect(validateResidentId('110105202701010016', { today })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_BIRTH_DATE_FUTURE', message: '身份证号中的出生日期晚于今天' },
    });
  });

  it('refuses a birth date before 1900', () => {
    expect(validateResidentId('110105189912310015', { today })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_BIRTH_DATE_TOO_EARLY', message: '身份证号中的出生日期早于1900年' },
    });
  });

  it('checks the province code only when asked', () => {
    expect(validateResidentId('990102199003071233', { today }).ok).toBe(true);
    expect(validateResidentId('990102199003071233', { today, checkProvince: true })).toEqual({
      ok: false,
      error: { code: 'RESIDENT_ID_REGION_INVALID', message: '身份证号前两位不是有效的省级行政区划代码' },
    });
  });

  it.each([['330102199003071230'], ['650102197603150085'], ['830000199003071230']])(
    'accepts province code of %s when checking provinces',
    (id) => {
      expect(validateResidentId(id, { today, checkProvince: true }).ok).toBe(true);
    },
  );
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskResidentId('330102199003071230')).toBe('330102********1230');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
  });

  it('never echoes a short value', () => {
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });
});
