/**
 * A posting's salary: a range per month or per year in whole yuan, or "negotiable" (面议).
 * Postings are compared per month, an annual figure divided by 12.
 */
import { JobFairDomainError, JobFairErrorCode } from './job-fair-error';

export type SalaryPeriod = 'month' | 'year';

export type Salary =
  | { readonly kind: 'range'; readonly period: SalaryPeriod; readonly min: number; readonly max: number }
  | { readonly kind: 'negotiable' };

/** A range per month in whole yuan; what search and sorting work on. */
export interface MonthlyRange {
  readonly min: number;
  readonly max: number;
}

/** A seeker's filter per month; an open end is null. */
export interface SalaryFilter {
  readonly min: number | null;
  readonly max: number | null;
}

function wholeYuan(value: number, field: string): void {
  if (!Number.isInteger(value)) {
    throw new JobFairDomainError(JobFairErrorCode.SalaryNotWholeYuan, '薪资须为整数元', field);
  }
  if (value < 0) throw new JobFairDomainError(JobFairErrorCode.SalaryNegative, '薪资不能为负数', field);
}

/** Refuses a range that is not whole yuan, negative, or whose minimum exceeds its maximum. */
export function assertSalary(salary: Salary): void {
  if (salary.kind === 'negotiable') return;
  wholeYuan(salary.min, 'salary.min');
  wholeYuan(salary.max, 'salary.max');
  if (salary.min > salary.max) {
    throw new JobFairDomainError(JobFairErrorCode.SalaryMinAboveMax, '最低薪资不能高于最高薪资', 'salary.min');
  }
}

/**
 * Per month, whole yuan; null for negotiable. An annual range is divided by 12 with its minimum
 * rounded down and its maximum rounded up, so the monthly range always contains the exact one and
 * a search by monthly salary never misses a posting whose annual range overlaps it.
 */
export function monthlySalary(salary: Salary): MonthlyRange | null {
  assertSalary(salary);
  if (salary.kind === 'negotiable') return null;
  if (salary.period === 'month') return { min: salary.min, max: salary.max };
  return { min: Math.floor(salary.min / 12), max: Math.ceil(salary.max / 12) };
}

/** Refuses a filter with a negative or fractional end, or min above max. */
export function assertSalaryFilter(filter: SalaryFilter): void {
  if (filter.min !== null) wholeYuan(filter.min, 'salaryFilter.min');
  if (filter.max !== null) wholeYuan(filter.max, 'salaryFilter.max');
  if (filter.min !== null && filter.max !== null && filter.min > filter.max) {
    throw new JobFairDomainError(JobFairErrorCode.SalaryMinAboveMax, '最低薪资不能高于最高薪资', 'salaryFilter.min');
  }
}

/**
 * Whether a posting's salary overlaps the filter (ends included). A negotiable salary states no
 * figure, so it matches only a filter with both ends open.
 */
export function salaryOverlaps(salary: Salary, filter: SalaryFilter): boolean {
  assertSalaryFilter(filter);
  const monthly = monthlySalary(salary);
  if (monthly === null) return filter.min === null && filter.max === null;
  return (filter.max === null || monthly.min <= filter.max) && (filter.min === null || monthly.max >= filter.min);
}

/**
 * Order by monthly salary, negotiable last in either direction. Highest first compares the
 * maxima, then the minima; lowest first the minima, then the maxima.
 */
export function compareSalaries(a: Salary, b: Salary, direction: 'desc' | 'asc' = 'desc'): number {
  const ma = monthlySalary(a);
  const mb = monthlySalary(b);
  if (ma === null || mb === null) return (ma === null ? 1 : 0) - (mb === null ? 1 : 0);
  if (direction === 'desc') return mb.max - ma.max || mb.min - ma.min;
  return ma.min - mb.min || ma.max - mb.max;
}
