import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata';
import type { FieldProblem } from './validation-messages';

/** A refused body: the exception filter renders its problems in the caller's language. */
export class ValidationFailed extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super({ code: 'VALIDATION_FAILED', message: 'validation failed' });
  }
}

/** A body that is not a JSON object where the operation takes one (`null`, `3`, `"x"`, `[…]`). */
export class BodyNotObject extends BadRequestException {
  constructor() {
    super({ code: 'BODY_NOT_OBJECT', message: 'body must be an object' });
  }
}

/** The arguments a DTO declared for a constraint of a property, and whether it wrote its own message. */
function declared(target: object | undefined, property: string, constraint: string): { args: unknown[]; custom: boolean } {
  if (!target) return { args: [], custom: false };
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find((m) => m.propertyName === property && (m.name === constraint || m.type === constraint));
  return { args: meta?.constraints ?? [], custom: meta?.message !== undefined };
}

/** The type of a value is its first problem: "x" as an id is "not an integer", not also "not positive". */
const rank = (constraint: string) => (/^(whitelistValidation|nestedValidation|isDefined)$/.test(constraint) ? 0 : TYPE_CHECKS.has(constraint) ? 1 : 2);
const TYPE_CHECKS = new Set(['isInt', 'isMark', 'isString', 'isBoolean', 'isArray', 'isObject', 'isNumber', 'isNumberString', 'isDate', 'isDateString', 'isIso8601', 'isIn', 'isEnum']);

function problem(e: ValidationError, field: string, constraint: string, message: string): FieldProblem {
  const { args, custom } = declared(e.target, e.property, constraint);
  return { field, constraint, args, original: message, ...(custom ? { custom: message } : {}) };
}

/** Flattens nested class-validator errors into one problem per field (its first by `rank`), fields named by path like `roles[0].role`. */
export function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const first = Object.entries(e.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b))[0];
    const own = first ? [problem(e, field, first[0], first[1])] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

class StrictValidationPipe extends ValidationPipe {
  /** class-validator would read `null` as `{}` (a null body on self-registration registered the caller): a DTO body must be an object. */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A path or query value is converted by its own pipe (ParseIdPipe); the default conversion of a
    // `number` parameter is Number(), which takes `0x1`, `1e2` and `+1` for ids.
    if (!metadata.metatype || !this.toValidate(metadata)) return value;
    // No body at all reads as {}: its required fields are then missing, and a handler never gets undefined.
    if (metadata.type === 'body' && value === undefined) return super.transform({}, metadata);
    if (metadata.type === 'body') {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) throw new BodyNotObject();
      // A DTO that checks its common, well-formed body in one pass (a device's upload of hundreds of scans).
      const accepted = (metadata.metatype as { accept?: (body: unknown) => object | null }).accept?.(value);
      if (accepted) return accepted;
    }
    return super.transform(value, metadata);
  }
}

/** Strips nothing silently: unknown fields are refused, and every bad field is named. */
export function validationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Fields the client did not send stay absent (not undefined), so a partial update changes only what was sent.
    transformOptions: { enableImplicitConversion: false, exposeUnsetFields: false },
    // The target lets `flatten` find what the DTO declared; the value is never echoed.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}
