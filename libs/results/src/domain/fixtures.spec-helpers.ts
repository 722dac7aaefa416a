import type { ItemResultRow, ResultStatus } from './types';

export const 拱墅 = '拱墅区总工会';
export const 西湖 = '西湖区总工会';
export const 上城 = '上城区总工会';
export const 滨江 = '滨江区总工会';
export const 萧山 = '萧山区总工会';
export const 特邀 = '特邀队';

/** Row builder: entryId is the athlete's name, for readable fixtures. */
export function row(
  entryId: string,
  delegationId: string,
  place: number | null,
  opts: { status?: ResultStatus; guest?: boolean; mark?: string } = {},
): ItemResultRow {
  return { entryId, delegationId, place, status: opts.status ?? 'OK', guest: opts.guest ?? false, mark: opts.mark ?? null };
}
