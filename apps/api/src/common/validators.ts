import { isIsoDate } from '@throughline/domain';
import { ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * `@IsOptional()` skips validation for both undefined and null. For fields that may be left
 * out but never set to null (a title), use `OptionalNotNull`; for fields that may be cleared
 * with null (an owner), `Nullable`.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

export function Nullable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined && value !== null);
}

/** A calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}

/** Numbers a client may send: finite, and within what the database stores exactly. */
export const FINITE = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 } as const;
export const MONEY = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;
export const MAX_AMOUNT = 1e15;
