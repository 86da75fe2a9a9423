/**
 * The hub's own claims in a caller's token (beyond iss, aud, iat, exp, nbf, which jose checks), validated with zod.
 * Problems are described by claim name and rule only: never by value, since values are personal data.
 */
import { z } from 'zod';
import { PURPOSES_OF_USE } from './vocabulary.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const tokenClaimsSchema = z
  .object({
    /** The user's id at the identity provider. */
    sub: text(256),
    name: text(200),
    /** Work e-mail, lower-cased: agencies record allocated workers by work e-mail. */
    email: z.string().trim().toLowerCase().pipe(z.email()),
    /** Organisation code (LA code, ODS code, school URN), upper-cased as ODS codes are written. */
    org: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'expected an organisation code (LA code, ODS code or school URN)'),
    /** One of the policy's roles; may be left out when `position` is given. */
    role: text(64).optional(),
    /** A position (job role) the policy maps to a role, as NHS RBAC maps job roles to baselines. */
    position: text(64).optional(),
    /** Narrows the role's activities (never widens them). */
    activities: z.array(text(64)).max(100).optional(),
    purpose: z.enum(PURPOSES_OF_USE),
  })
  .refine((claims) => claims.role !== undefined || claims.position !== undefined, {
    message: 'a token needs a role or a position',
    path: ['role'],
  });

export type TokenClaims = z.output<typeof tokenClaimsSchema>;

/** Validates a verified token's payload; returns the problems (claim: rule) or the claims. */
export function parseTokenClaims(
  payload: unknown,
): { ok: true; claims: TokenClaims } | { ok: false; problems: string[] } {
  const parsed = tokenClaimsSchema.safeParse(payload);
  if (parsed.success) return { ok: true, claims: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'claims'}: ${issue.message}`),
  };
}
