import type { Request, Response } from 'express';
import type { Principal } from './principal.js';

/**
 * Who makes a request, as the request-context middleware asks for it. platform/ imports no
 * feature, so this is a token: the auth module provides it (auth/request-authenticator.ts).
 * Answers undefined for a request without valid credentials (it is then anonymous) and throws a
 * `DomainError` for one that must be refused outright (a cookie-authenticated write without the
 * CSRF proof).
 */
export abstract class RequestAuthenticator {
  abstract authenticate(req: Request, res: Response): Promise<Principal | undefined>;
}
