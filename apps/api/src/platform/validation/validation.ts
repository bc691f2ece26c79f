import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per field path, e.g. `links[2].weight`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = error.constraints
      ? [{ field, problems: Object.values(error.constraints).map((m) => cleanMessage(m, error.property, field)) }]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** class-validator says "property x should not exist"; say which field, in the same words as the rest. */
function cleanMessage(message: string, property: string, field: string): string {
  return message.startsWith(`property ${property} `)
    ? `${field} ${message.slice(`property ${property} `.length)}`
    : message.replace(property, field);
}

/**
 * The one ValidationPipe of the API: unknown fields are refused (not silently dropped),
 * payloads are converted to the DTO classes, and a 400 names every field that is wrong.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const message = details.map((d) => d.problems.join('; ')).join('; ') || 'The request is invalid.';
      return new DomainError('VALIDATION_FAILED', message, details);
    },
  });
}
