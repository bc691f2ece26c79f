import { ApiError } from '../api/http';

interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * What to tell a person about a failed request: the API's own message (written for people), with
 * each wrong field's problems when it refused the body, and a plain sentence when it was not reached.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const { code, message, details } = error.body as { code: string; message: string; details?: unknown };
    if (code === 'VALIDATION_FAILED' && Array.isArray(details)) {
      const problems = (details as FieldProblem[]).flatMap((d) => d.problems ?? []);
      if (problems.length > 0) return problems.join('; ');
    }
    if (code === 'TOO_MANY_REQUESTS') return 'Too many attempts: wait a minute and try again.';
    if (code === 'FORBIDDEN') return message || 'Your role does not allow this.';
    return message || `The server answered ${error.status}.`;
  }
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** The API's error code, if the error is the API's. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.body.code : undefined;
}
