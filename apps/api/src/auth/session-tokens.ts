import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../platform/config/app-config.js';
import { sessionSecret } from './session-secret.js';

/** What a session token says: whose, in which organisation, which `sessions` row. */
export interface SessionClaims {
  userId: string;
  orgId: string;
  sessionId: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

export const TOKEN_AUDIENCE = 'throughline';
export const TOKEN_ISSUER = 'throughline-api';
/** A token's life; renewed (sliding) once less than half of it is left. Idle longer: sign in again. */
export const TOKEN_LIFETIME_S = 15 * 60;
/** Only this algorithm is accepted: a token saying `none`, RS256 (with our key as an "RSA key") or anything else is refused. */
const ALGORITHMS = ['HS256'];
/** Clocks of replicas may disagree a little. */
const CLOCK_TOLERANCE_S = 5;

/**
 * Signs and checks session tokens (JWT, HS256, with `jose`). A valid signature is necessary,
 * not sufficient: the request authenticator also reads the `sessions` row each request, so a
 * token outlives neither log-out nor the membership it was issued for.
 */
@Injectable()
export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(config: AppConfig) {
    this.key = sessionSecret(config);
  }

  sign(claims: { userId: string; orgId: string; sessionId: string }, now = Date.now()): Promise<string> {
    const issuedAt = Math.floor(now / 1000);
    return new SignJWT({ sid: claims.sessionId, org: claims.orgId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_S)
      .sign(this.key);
  }

  /** The claims of a genuine, current token; undefined for anything else (forged, expired, malformed). */
  async verify(token: string): Promise<SessionClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ALGORITHMS,
        audience: TOKEN_AUDIENCE,
        issuer: TOKEN_ISSUER,
        requiredClaims: ['sub', 'iat', 'exp', 'sid', 'org'],
        maxTokenAge: TOKEN_LIFETIME_S + CLOCK_TOLERANCE_S,
        clockTolerance: CLOCK_TOLERANCE_S,
        typ: 'JWT',
      });
      const { sub, sid, org, iat, exp } = payload;
      if (typeof sid !== 'string' || typeof org !== 'string' || !sub || !UUID.test(sid) || !UUID.test(org)) {
        return undefined;
      }
      if (!UUID.test(sub) || iat === undefined || exp === undefined) return undefined;
      return { userId: sub, orgId: org, sessionId: sid, issuedAt: iat, expiresAt: exp };
    } catch {
      return undefined;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
