import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter, not a database error. */
export function UuidParam(name = 'id') {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError('VALIDATION_FAILED', `${name} must be a UUID`, [
          { field: name, problems: [`${name} must be a UUID`] },
        ]),
    }),
  );
}

/**
 * The version a write is based on: the body's `version`, else the `If-Match` header
 * (`"3"`, `W/"3"` or `3`). Undefined when the client sent neither.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match)
    throw new DomainError('VALIDATION_FAILED', 'If-Match must be a version, e.g. "3"', [
      { field: 'If-Match', problems: ['must be a version, e.g. "3"'] },
    ]);
  return Number(match[1]);
}
