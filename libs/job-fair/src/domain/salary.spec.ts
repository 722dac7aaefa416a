import { JobFairErrorCode } from './job-fair-error';
import { assertSalary, compareSalaries, monthlySalary, salaryOverlaps, type Salary } from './salary';

function refusal(fn: () => unknown): { code?: string; field?: string } | undefined {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code?: string }).code, field: (e as { field?: string }).field };
  }
  return undefined;
}

const month = (min: number, max: number): Salary => ({ kind: 'range', period: 'month', min, max });
const year = (min: number, max: number): Salary => ({ kind: 'range', period: 'year', min, max });
const negotiable: Salary = { kind: 'negotiable' };

describe('salary', () => {
  it('keeps a monthly range as it is', () => {
    expect(monthlySalary(month(6000, 8000))).toEqual({ min: 6000, max: 8000 });
  });

  it('divides an annual range by 12, minimum down and maximum up', () => {
    expect(monthlySalary(year(120000, 180000))).toEqual({ min: 10000, max: 15000 });
    // 100000 / 12 = 8333.33…; 150001 / 12 = 12500.08…
    expect(monthlySalary(year(100000, 150001))).toEqual({ min: 8333, max: 12501 });
  });

  it('answers null per month for 面议', () => {
    expect(monthlySalary(negotiable)).toBeNull();
  });

  it('accepts min = max', () => {
    expect(() => assertSalary(month(5000, 5000))).not.toThrow();
  });

  it.each([
    ['min above max', month(9000, 8000), JobFairErrorCode.SalaryMinAboveMax, 'salary.min'],
    ['a negative minimum', month(-1, 8000), JobFairErrorCode.SalaryNegative, 'salary.min'],
    ['a negative maximum', year(0, -12), JobFairErrorCode.SalaryNegative, 'salary.max'],
    ['a fraction of a yuan', month(5000.5, 8000), JobFairErrorCode.SalaryNotWholeYuan, 'salary.min'],
    ['not a number', month(5000, Number.NaN), JobFairErrorCode.SalaryNotWholeYuan, 'salary.max'],
  ])('refuses %s, naming the field', (_, salary, code, field) => {
    expect(refusal(() => assertSalary(salary))).toEqual({ code, field });
  });

  describe('overlap with a searched range', () => {
    it('matches when the ranges share a yuan, ends included', () => {
      expect(salaryOverlaps(month(6000, 8000), { min: 8000, max: 10000 })).toBe(true);
      expect(salaryOverlaps(month(6000, 8000), { min: 4000, max: 6000 })).toBe(true);
      expect(salaryOverlaps(month(6000, 8000), { min: 7000, max: 7500 })).toBe(true);
    });

    it('does not match a disjoint range', () => {
      expect(salaryOverlaps(month(6000, 8000), { min: 8001, max: null })).toBe(false);
      expect(salaryOverlaps(month(6000, 8000), { min: null, max: 5999 })).toBe(false);
    });

    it('compares an annual salary per month', () => {
      // 年薪12万–18万 = 10000–15000 per month
      expect(salaryOverlaps(year(120000, 180000), { min: 15000, max: null })).toBe(true);
      expect(salaryOverlaps(year(120000, 180000), { min: 15001, max: null })).toBe(false);
    });

    it('matches 面议 only when no salary is asked for', () => {
      expect(salaryOverlaps(negotiable, { min: null, max: null })).toBe(true);
      expect(salaryOverlaps(negotiable, { min: 5000, max: null })).toBe(false);
    });

    it('refuses a filter whose min is above its max', () => {
      expect(refusal(() => salaryOverlaps(month(1, 2), { min: 9000, max: 8000 }))).toEqual({
        code: JobFairErrorCode.SalaryMinAboveMax,
        field: 'salaryFilter.min',
      });
    });
  });

  describe('sorting', () => {
    const postings: Array<[string, Salary]> = [
      ['面议岗位', negotiable],
      ['普工', month(4500, 6000)],
      ['数控车床操作工', month(7000, 9000)],
      ['工程师', year(120000, 180000)],
      ['电工', month(7000, 8000)],
    ];
    const sorted = (direction: 'asc' | 'desc') =>
      [...postings].sort((a, b) => compareSalaries(a[1], b[1], direction)).map(([title]) => title);

    it('puts the highest first, 面议 last', () => {
      expect(sorted('desc')).toEqual(['工程师', '数控车床操作工', '电工', '普工', '面议岗位']);
    });

    it('puts the lowest first, 面议 still last', () => {
      expect(sorted('asc')).toEqual(['普工', '电工', '数控车床操作工', '工程师', '面议岗位']);
    });
  });
});
