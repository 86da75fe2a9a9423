/**
 * What the gateway needs to know who is calling and what they may see: the token verifier, the access decider,
 * the audit sink and (optionally) a per-user rate limit. `authenticate` runs before Apollo for every /graphql
 * request; a request without a valid token never reaches a resolver, and is audited as REJECTED.
 */
import type { JSONWebKeySet } from 'jose';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isHubError } from '../../platform/errors.js';
import type { AuditSink } from '../../store/audit/audit-writer.js';
import type { Caller } from '../auth/policy.js';
import type { TokenVerifier } from '../auth/verify-token.js';
import type { AccessDecider } from './child-access.js';

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface GatewayAccess {
  verifier: TokenVerifier;
  decider: AccessDecider;
  audit: AuditSink;
  now: () => Date;
  /** Local auth mode: the public keys, served at /.well-known/jwks.json. */
  publicJwks?: JSONWebKeySet | undefined;
  /** Per-user request limit; absent means no limit. */
  rateLimit?: (userId: string) => Promise<RateLimitDecision>;
  /** Called after each audited request (the unusual-volume watcher). */
  onAudited?: (userId: string, children: number) => void;
}

/**
 * The verified caller, or null after replying 401/429/503 itself. The refusal is audited (who is unknown for a
 * bad token, so the event names no user); a failed audit write does not turn a refusal into an answer.
 */
export async function authenticate(
  access: GatewayAccess,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Caller | null> {
  let caller: Caller;
  try {
    caller = await access.verifier.verify(request.headers.authorization);
  } catch (error) {
    const hubError = isHubError(error) ? error : undefined;
    const code = hubError?.code ?? 'UNAUTHENTICATED';
    const reason = typeof hubError?.details?.['reason'] === 'string' ? hubError.details['reason'] : code;
    await recordRejection(access, request, `${code}:${reason}`);
    const status = code === 'UNAUTHENTICATED' ? 401 : 503;
    if (status === 401) void reply.header('www-authenticate', 'Bearer');
    void reply.status(status).send({
      errors: [
        {
          message: hubError?.safeMessage ?? 'Authentication failed.',
          extensions: { code, reason },
        },
      ],
    });
    return null;
  }
  if (access.rateLimit) {
    const decision = await access.rateLimit(caller.userId);
    if (!decision.allowed) {
      void reply
        .status(429)
        .header('retry-after', String(decision.retryAfterSeconds))
        .send({
          errors: [
            { message: 'Too many requests: try again shortly.', extensions: { code: 'RATE_LIMITED' } },
          ],
        });
      return null;
    }
  }
  return caller;
}

async function recordRejection(
  access: GatewayAccess,
  request: FastifyRequest,
  reason: string,
): Promise<void> {
  try {
    await access.audit.record([
      {
        occurredAt: access.now(),
        requestId: request.hubContext.requestId,
        userId: 'unauthenticated',
        role: 'NONE',
        organisation: 'NONE',
        purpose: 'NONE',
        childId: null,
        categories: [],
        fields: [],
        outcome: 'REJECTED',
        reason,
        grant: 'NONE',
      },
    ]);
  } catch {
    // The request is refused either way; the audit writer has logged its failure.
  }
}
