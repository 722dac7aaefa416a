import { assertHeadcount, assertOpeningLeft, openingsLeft, positionsOffered } from './headcount';
import { JobFairErrorCode } from './job-fair-error';
import { refusal } from '../../../../test/support/refusal';

describe('headcount', () => {
  it('accepts a positive whole number or 若干', () => {
    expect(() => assertHeadcount(1)).not.toThrow();
    expect(() => assertHeadcount(30)).not.toThrow();
    expect(() => assertHeadcount('not_fixed')).not.toThrow();
  });

  it.each([0, -3, 2.5, Number.NaN])('refuses %p', (n) => {
    expect(refusal(() => assertHeadcount(n))).toBe(JobFairErrorCode.HeadcountInvalid);
  });

  it('counts positions offered over approved postings only, 若干 apart', () => {
    expect(
      positionsOffered([
        { status: 'approved', headcount: 5 }, // 电工
        { status: 'approved', headcount: 12 }, // 数控车床操作工
        { status: 'approved', headcount: 'not_fixed' }, // 普工若干
        { status: 'pending', headcount: 100 },
        { status: 'refused', headcount: 7 },
        { status: 'refused', headcount: 'not_fixed' },
      ]),
    ).toEqual({ positions: 17, notFixedPostings: 1 });
  });

  it('counts nothing for a fair with no approved posting', () => {
    expect(positionsOffered([])).toEqual({ positions: 0, notFixedPostings: 0 });
  });

  it('answers the openings left', () => {
    expect(openingsLeft(3, 0)).toBe(3);
    expect(openingsLeft(3, 2)).toBe(1);
    expect(openingsLeft(3, 5)).toBe(0);
    expect(openingsLeft('not_fixed', 40)).toBeNull();
  });

  it('lets the last opening be taken and refuses the one after', () => {
    expect(() => assertOpeningLeft(2, 1)).not.toThrow();
    expect(refusal(() => assertOpeningLeft(2, 2))).toBe(JobFairErrorCode.NoOpeningsLeft);
  });

  it('never runs out when the headcount is not fixed', () => {
    expect(() => assertOpeningLeft('not_fixed', 1000)).not.toThrow();
  });
});
