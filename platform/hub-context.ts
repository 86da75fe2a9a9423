/**
 * The gateway-signed request context a connector served on its own (connectors/serve-connector.ts) demands with
 * every GraphQL call: who is asking and which request this is, in a short-lived compact JWS the gateway signs and
 * the connector verifies. Both sides use this module, so the token format lives in one place.
 *
 * HS256 with a shared secret (CONNECTOR_CONTEXT_SECRET, at least 32 characters). One operator runs the gateway and
 * its connectors, so one secret in both environments is the simplest thing to deploy and rotate; the price is that
 * any holder of the secret could mint a context, which the audience check (`aud` = the connector's name) narrows to
 * replay against the intended connector within the token's lifetime (at most 60 s). If connectors are ever run by
 * parties who must not be able to mint contexts, switch to EdDSA (a private key on the gateway only): the claims,
 * header and checks stay the same.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { HubError } from './errors.js';

export const hubContextHeader = 'x-hub-context';
export const hubContextIssuer = 'child-view-hub-gateway';
/** The JWS `typ`, so a token minted for another purpose with the same key is never taken for a hub context. */
export const hubContextType = 'hub-context+jwt';
export const hubContextAlgorithm = 'HS256';
export const maxHubContextTtlSeconds = 60;
export const defaultHubContextTtlSeconds = 30;
export const minHubContextSecretLength = 32;
/** Allowed clock skew between the gateway and a connector. */
const clockToleranceSeconds = 5;

/** The person the gateway authenticated, when there is one (the gateway's own calls carry none). */
export interface HubCaller {
  userId: string;
  role: string;
  organisation: string;
  purpose: string;
}

export interface HubContextClaims {
  requestId: string;
  traceId: string;
  caller: HubCaller | null;
}

export interface VerifiedHubContext extends HubContextClaims {
  /** NumericDate seconds. */
  issuedAt: number;
  expiresAt: number;
}

/** Why a context was refused: for the connector's log, never for the response. */
export type HubContextRefusal = 'missing' | 'malformed' | 'signature' | 'expired' | 'audience' | 'claims';

export class HubContextError extends HubError {
  readonly reason: HubContextRefusal;
  constructor(reason: HubContextRefusal, cause?: unknown) {
    super('UNAUTHENTICATED', {
      safeMessage:
        reason === 'missing'
          ? 'This connector answers only the hub gateway: a signed x-hub-context header is required.'
          : 'The x-hub-context header is not a valid, current context signed by the hub gateway.',
      cause,
    });
    this.name = 'HubContextError';
    this.reason = reason;
  }
}

export interface HubContextSigner {
  /** A compact JWS over the claims for one call to the connector named `audience`. */
  sign(claims: HubContextClaims, audience: string): Promise<string>;
}

export interface HubContextVerifier {
  /** The verified claims; throws HubContextError (UNAUTHENTICATED) for anything else. */
  verify(token: string | undefined, audience: string): Promise<VerifiedHubContext>;
}

const boundedString = z.string().min(1).max(256);
const callerSchema = z.object({
  userId: boundedString,
  role: boundedString,
  organisation: boundedString,
  purpose: boundedString,
});
const payloadSchema = z.object({
  requestId: z.string().regex(/^[\w-]{1,128}$/),
  traceId: z.string().regex(/^[\w-]{1,128}$/),
  caller: callerSchema.nullable(),
  iat: z.number().int(),
  exp: z.number().int(),
});

/** The HMAC key for a shared secret; refuses secrets too short to resist guessing. */
export function hubContextKey(secret: string): Uint8Array {
  if (secret.length < minHubContextSecretLength) {
    throw new Error(`the hub context secret must be at least ${minHubContextSecretLength} characters`);
  }
  return new TextEncoder().encode(secret);
}

export interface HubContextSignOptions {
  key: Uint8Array;
  audience: string;
  ttlSeconds?: number;
  now?: Date;
}

export async function signHubContext(
  claims: HubContextClaims,
  options: HubContextSignOptions,
): Promise<string> {
  const ttl = options.ttlSeconds ?? defaultHubContextTtlSeconds;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > maxHubContextTtlSeconds) {
    throw new Error(`a hub context lives 1 to ${maxHubContextTtlSeconds} seconds`);
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    requestId: claims.requestId,
    traceId: claims.traceId,
    caller: claims.caller
      ? {
          userId: claims.caller.userId,
          role: claims.caller.role,
          organisation: claims.caller.organisation,
          purpose: claims.caller.purpose,
        }
      : null,
  })
    .setProtectedHeader({ alg: hubContextAlgorithm, typ: hubContextType })
    .setIssuer(hubContextIssuer)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(options.key);
}

export interface HubContextVerifyOptions {
  key: Uint8Array;
  audience: string;
  now?: Date;
}

export async function verifyHubContext(
  token: string | undefined,
  options: HubContextVerifyOptions,
): Promise<VerifiedHubContext> {
  if (token === undefined || token === '') throw new HubContextError('missing');
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, options.key, {
      algorithms: [hubContextAlgorithm],
      typ: hubContextType,
      issuer: hubContextIssuer,
      audience: options.audience,
      requiredClaims: ['iat', 'exp'],
      maxTokenAge: maxHubContextTtlSeconds + clockToleranceSeconds,
      clockTolerance: clockToleranceSeconds,
      ...(options.now ? { currentDate: options.now } : {}),
    }));
  } catch (error) {
    throw new HubContextError(refusalOf(error), error);
  }
  const parsed = payloadSchema.safeParse(payload);
  // A longer-lived token than the gateway ever signs is refused, whoever signed it.
  if (!parsed.success || parsed.data.exp - parsed.data.iat > maxHubContextTtlSeconds) {
    throw new HubContextError('claims');
  }
  const { requestId, traceId, caller, iat, exp } = parsed.data;
  return { requestId, traceId, caller, issuedAt: iat, expiresAt: exp };
}

function refusalOf(error: unknown): HubContextRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'audience';
    // iat too old (maxTokenAge) or in the future: a stale or forged-ahead context.
    if (error.claim === 'iat') return 'expired';
    return 'claims';
  }
  return 'malformed';
}

export function createHubContextSigner(options: {
  secret: string;
  ttlSeconds?: number;
  now?: () => Date;
}): HubContextSigner {
  const key = hubContextKey(options.secret);
  return {
    sign: (claims, audience) =>
      signHubContext(claims, {
        key,
        audience,
        ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
        ...(options.now ? { now: options.now() } : {}),
      }),
  };
}

export function createHubContextVerifier(options: { secret: string; now?: () => Date }): HubContextVerifier {
  const key = hubContextKey(options.secret);
  return {
    verify: (token, audience) =>
      verifyHubContext(token, { key, audience, ...(options.now ? { now: options.now() } : {}) }),
  };
}
