/**
 * The one way auth says no: HubError UNAUTHENTICATED with a stable `details.reason`. Messages and details name
 * the rule that failed, never the token or a claim's value.
 */
import { HubError } from '../../platform/errors.js';

export type AuthFailureReason =
  | 'MISSING_TOKEN'
  | 'INVALID_TOKEN'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_LIFETIME_TOO_LONG'
  | 'UNKNOWN_ROLE'
  | 'ROLE_MISMATCH'
  | 'PURPOSE_NOT_ALLOWED';

const messages: Record<AuthFailureReason, string> = {
  MISSING_TOKEN: 'A bearer token is required.',
  INVALID_TOKEN: 'The bearer token is not valid.',
  TOKEN_EXPIRED: 'The bearer token has expired.',
  TOKEN_LIFETIME_TOO_LONG:
    'The bearer token lives longer than this hub accepts; ask for a shorter-lived token.',
  UNKNOWN_ROLE: "The token's role or position is not one this hub's policy knows.",
  ROLE_MISMATCH: "The token's role does not match the role its position maps to.",
  PURPOSE_NOT_ALLOWED: "The token's purpose of use is not one its role may use.",
};

export function authFailure(
  reason: AuthFailureReason,
  extra: Record<string, unknown> = {},
  cause?: unknown,
): HubError {
  return new HubError('UNAUTHENTICATED', {
    safeMessage: messages[reason],
    details: { reason, ...extra },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The auth failure reason of an error, if it is one. */
export function authFailureReason(error: unknown): AuthFailureReason | undefined {
  if (!(error instanceof HubError) || error.code !== 'UNAUTHENTICATED') return undefined;
  const reason = error.details?.['reason'];
  return typeof reason === 'string' && reason in messages ? (reason as AuthFailureReason) : undefined;
}
