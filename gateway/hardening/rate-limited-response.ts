/**
 * The answer to a GraphQL request refused by the user rate limiter: HTTP 429 with Retry-After, and a body in the
 * GraphQL response shape (as /graphql's other early answers), code RATE_LIMITED.
 */
import type { RateLimitDecision } from './user-rate-limiter.js';

export interface RateLimitedResponse {
  statusCode: 429;
  headers: { 'retry-after': string };
  body: { errors: [{ message: string; extensions: { code: 'RATE_LIMITED' } }] };
}

export function rateLimitedResponse(decision: RateLimitDecision): RateLimitedResponse {
  return {
    statusCode: 429,
    headers: { 'retry-after': String(Math.max(1, decision.retryAfterSeconds)) },
    body: { errors: [{ message: 'Too many requests.', extensions: { code: 'RATE_LIMITED' } }] },
  };
}
