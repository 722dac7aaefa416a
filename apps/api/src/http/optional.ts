import { IsOptional, ValidateIf } from 'class-validator';

/**
 * A field that may be left out. Unlike class-validator's IsOptional, `null` is not "left out": it is
 * validated like any other value (and refused by the field's type check), unless the field says
 * `nullable: true` — where null means "clear it" and the service is ready for it.
 */
export function OptionalField(options: { nullable?: boolean } = {}): PropertyDecorator {
  return options.nullable ? IsOptional() : ValidateIf((object: object, value: unknown) => value !== undefined);
}
