import { DomainError } from '@app/common';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Ids are unsigned INT columns: written as plain decimals, 1 to 4294967295; `0x1`, `1e2`, `01` and `+1` are not ids. */
const ID = /^[1-9][0-9]{0,9}$/;
const MAX_ID = 4_294_967_295;

/** Ids of BIGINT rows (messages, deliveries) travel as strings: the same rule, up to 19 digits. */
export const BIG_ID = /^[1-9][0-9]{0,18}$/;

export const isId = (value: unknown): boolean => typeof value === 'string' && ID.test(value) && Number(value) <= MAX_ID;

/** A path or query id: a strict positive decimal integer, else 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, number | undefined> {
  protected readonly optional: boolean = false;

  transform(value: unknown, metadata: ArgumentMetadata): number | undefined {
    if (value === undefined && this.optional) return undefined;
    if (isId(value)) return Number(value);
    const field = metadata.data ?? 'id';
    throw new DomainError('invalid', 'INVALID_ID', `${field} 必须是编号（1 至 4294967295 的十进制整数）`, { field });
  }
}

/** A BIGINT id in a path, kept as its decimal string. */
@Injectable()
export class ParseBigIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && BIG_ID.test(value)) return value;
    const field = metadata.data ?? 'id';
    throw new DomainError('invalid', 'INVALID_ID', `${field} 必须是编号（正的十进制整数）`, { field });
  }
}

/** The same for a query parameter that may be left out. */
@Injectable()
export class OptionalIdPipe extends ParseIdPipe {
  protected override readonly optional = true;
}

/**
 * A query-string integer: only plain decimal digits are converted (`12`, `0`); anything else is left as
 * text for @IsInt to refuse, where `@ToInt()` would take `0x1` for 1 and `1e2` for 100.
 */
export const ToInt = () => Transform(({ value }) => (typeof value === 'string' && /^(0|[1-9][0-9]{0,14})$/.test(value) ? Number(value) : value));

/** An id in a query string (or a DTO field read from one): plain decimal digits, 1 to 4294967295. */
export const QueryId = () => applyDecorators(ToInt(), IsInt(), Min(1), Max(MAX_ID));
