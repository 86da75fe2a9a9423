/**
 * Checks a request's bearer token and says who is calling. The signature is checked against the local key set
 * (local mode) or the identity provider's JWKS (fetched, cached, and refetched when a token names a key it has not
 * seen, at most once per cooldown); then issuer, audience, algorithm, exp/nbf/iat (with a small clock tolerance),
 * a short lifetime, the hub's own claims, and the policy. Failures are HubError UNAUTHENTICATED with a stable
 * `details.reason`; the token itself is never logged, echoed or attached to an error.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { HubError } from '../../platform/errors.js';
import type { AuthConfig } from './auth-config.js';
import { authFailure } from './auth-errors.js';
import { parseTokenClaims } from './claims.js';
import { resolveCaller, type Caller, type Policy } from './policy.js';

/** Signature algorithms accepted from any issuer (no `none`, no HMAC: a shared secret cannot come from a JWKS). */
export const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;

/** Clock skew allowed between the issuer and the hub, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Longest Authorization header read; a JWT with the hub's claims is well under 2 KiB. */
const MAX_HEADER_LENGTH = 8192;

export interface RemoteJwksOptions {
  /** Least time between refetches prompted by an unknown key id (default 30 s). */
  cooldownMs?: number;
  /** How long a fetched key set is used before it is fetched again (default 10 min). */
  cacheMaxAgeMs?: number;
  /** Timeout of one fetch (default 5 s). */
  timeoutMs?: number;
}

export interface TokenVerifierDeps {
  policy: Policy;
  /** Local mode: the public key set to check tokens against (see loadOrCreateLocalKey). Unused in jwks mode. */
  jwks?: JSONWebKeySet;
  /** jwks mode: how the identity provider's key set is fetched. */
  remoteJwks?: RemoteJwksOptions;
  /** The clock (tests). */
  now?: () => Date;
}

export interface TokenVerifier {
  /** The caller an `Authorization: Bearer …` header names; throws HubError UNAUTHENTICATED otherwise. */
  verify(authorizationHeader: string | undefined): Promise<Caller>;
}

export function createTokenVerifier(config: AuthConfig, deps: TokenVerifierDeps): TokenVerifier {
  const keys = keySet(config, deps);
  const now = deps.now ?? (() => new Date());

  return {
    async verify(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: [...ACCEPTED_ALGORITHMS],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          maxTokenAge: config.maxTokenAgeSeconds,
          requiredClaims: ['exp', 'iat', 'sub'],
          currentDate: now(),
        }));
      } catch (error) {
        throw translateJoseError(error, config.mode);
      }
      const { exp, iat } = payload as { exp: number; iat: number };
      if (exp - iat > config.maxTokenAgeSeconds)
        throw authFailure('TOKEN_LIFETIME_TOO_LONG', { maxTokenAgeSeconds: config.maxTokenAgeSeconds });
      const claims = parseTokenClaims(payload);
      if (!claims.ok) throw authFailure('INVALID_TOKEN', { problems: claims.problems });
      return resolveCaller(claims.claims, deps.policy);
    },
  };
}

function keySet(config: AuthConfig, deps: TokenVerifierDeps): JWTVerifyGetKey {
  if (config.mode === 'jwks') {
    if (config.jwksUrl === undefined) throw new TypeError('AUTH_JWKS_URL is required in jwks mode');
    const options = deps.remoteJwks ?? {};
    return createRemoteJWKSet(new URL(config.jwksUrl), {
      cooldownDuration: options.cooldownMs ?? 30_000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
      timeoutDuration: options.timeoutMs ?? 5_000,
    });
  }
  if (deps.jwks === undefined) throw new TypeError('local mode needs the local public key set (deps.jwks)');
  return createLocalJWKSet(deps.jwks);
}

/** RFC 6750 bearer credentials: the scheme is case-insensitive, the token one b64token. */
function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw authFailure('MISSING_TOKEN');
  if (header.length > MAX_HEADER_LENGTH) throw authFailure('INVALID_TOKEN');
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (match === null) throw authFailure('INVALID_TOKEN');
  return match[1] as string;
}

/**
 * jose's errors as auth failures. Only the error class, message and claim name are kept (as the cause, for
 * logs): jose attaches the token's payload to claim errors, and the payload is personal data.
 */
function translateJoseError(error: unknown, mode: AuthConfig['mode']): HubError {
  if (error instanceof HubError) return error;
  const cause = sanitised(error);
  if (error instanceof errors.JWTExpired) return authFailure('TOKEN_EXPIRED', { claim: error.claim }, cause);
  if (error instanceof errors.JWTClaimValidationFailed)
    return authFailure('INVALID_TOKEN', { claim: error.claim }, cause);
  const unavailable =
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC') ||
    !(error instanceof errors.JOSEError);
  if (mode === 'jwks' && unavailable)
    return new HubError('DEPENDENCY_UNAVAILABLE', {
      safeMessage: "The identity provider's signing keys could not be fetched.",
      details: { reason: 'JWKS_UNAVAILABLE' },
      cause,
    });
  if (error instanceof errors.JOSEError) return authFailure('INVALID_TOKEN', {}, cause);
  return new HubError('INTERNAL', { cause });
}

function sanitised(error: unknown): Error {
  if (!(error instanceof Error)) return new Error('non-error thrown while verifying a token');
  const code = (error as { code?: unknown }).code;
  const cleaned = new Error(`${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${error.message}`);
  cleaned.name = error.name;
  return cleaned;
}
