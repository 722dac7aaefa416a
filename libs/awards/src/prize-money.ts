import { AwardsError, AwardsErrorCode } from './awards-error';
import { AwardsDomainError, formatYuan, parseYuan } from './domain';

/** Yuan as stored (two decimals); a malformed or negative amount is refused naming the field. */
export function yuan(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    return formatYuan(parseYuan(value, 'INVALID_PRIZE_MONEY', '奖金（prizeMoney）'));
  } catch (err) {
    if (err instanceof AwardsDomainError) throw new AwardsError('invalid', AwardsErrorCode.InvalidRules, err.message, { field: 'prizeMoney' });
    throw err;
  }
}
