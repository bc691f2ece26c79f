import { DomainError } from '../platform/errors/domain-error.js';

/**
 * `?dryRun=` as a boolean. Anything but `true`, `false` or nothing is refused: a typo such as
 * `dryRun=yes` must not quietly run a real import.
 */
export function parseDryRun(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new DomainError('MALFORMED_REQUEST', 'dryRun must be true or false.', [
    { field: 'dryRun', problems: ['must be true or false'] },
  ]);
}
