import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Length, ValidateBy, ValidateIf } from 'class-validator';

/**
 * Significant digits any decimal keeps through a double: a JSON number with more may already
 * differ from what the client wrote (0.1 + 0.2 style), so it must come as text.
 */
const MAX_DIGITS = 15;

/**
 * A mark sent as a JSON number, as the decimal text the scoring code takes (92.5 → "92.5"),
 * or null when that text could differ from what was meant: NaN, ±Infinity, a value JavaScript
 * writes with an exponent (1e21, 1e-7), or more than 15 significant digits.
 */
export function markFromNumber(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(n);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return digits.length <= MAX_DIGITS ? text : null;
}

export const MARK_CONSTRAINT = 'isMark';

const DESCRIPTION =
  'the mark as written on the sheet: text ("86.5", a time "1:02.35", attempts "xo", a status "DNF"), ' +
  'or a decimal JSON number (86.5), taken as its decimal text; a number with an exponent or more than ' +
  '15 significant digits is refused: send it as text';

/** The `value` of a mark: text, or a decimal JSON number normalised to its text before validation. */
export const MarkValue = (options: { nullable?: boolean; description?: string } = {}) =>
  applyDecorators(
    ApiProperty({
      oneOf: [
        { type: 'string', minLength: 1, maxLength: 100 },
        { type: 'number', description: 'at most 15 significant digits, no exponent' },
      ],
      example: '86.5',
      nullable: options.nullable,
      description: options.description ? `${options.description}; ${DESCRIPTION}` : DESCRIPTION,
    }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? (markFromNumber(value) ?? value) : value)),
    ...(options.nullable ? [ValidateIf((_: object, v: unknown) => v !== null)] : []),
    ValidateBy({ name: MARK_CONSTRAINT, validator: { validate: (v: unknown) => typeof v === 'string', defaultMessage: () => '$property must be a mark' } }),
    Length(1, 100),
  );
