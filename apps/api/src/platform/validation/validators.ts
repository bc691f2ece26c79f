import { decimalPlaces, isIsoDate } from '@throughline/domain';
import { ValidateIf, isEmail, registerDecorator, type ValidationOptions } from 'class-validator';

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

/**
 * An email address. (class-validator's own `@IsEmail` throws URIError on a string holding a lone
 * surrogate, e.g. "\ud800", which the reliability fuzz sent: a 500. Such a string is no address.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an email`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
      },
    });
}

/** The largest magnitude of any figure Throughline stores, and decimals counted: libs/domain's (shapes/). */
export { decimalPlaces, MAX_AMOUNT } from '@throughline/domain';

/**
 * A finite number with at most `places` decimals. (class-validator's own `maxDecimalPlaces`
 * crashes on numbers JSON writes in exponent form, such as 5e-324, which a fuzz test found.)
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a number with at most ${places} decimals`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
      },
    });
}
