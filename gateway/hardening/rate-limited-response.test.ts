import { describe, expect, it } from 'vitest';
import { rateLimitedResponse } from './rate-limited-response.js';

describe('rateLimitedResponse', () => {
  it('is a 429 with Retry-After and a RATE_LIMITED GraphQL error', () => {
    expect(rateLimitedResponse({ allowed: false, retryAfterSeconds: 17, remaining: 0 })).toEqual({
      statusCode: 429,
      headers: { 'retry-after': '17' },
      body: { errors: [{ message: 'Too many requests.', extensions: { code: 'RATE_LIMITED' } }] },
    });
  });

  it('never asks a client to retry at once', () => {
    expect(rateLimitedResponse({ allowed: false, retryAfterSeconds: 0, remaining: 0 }).headers).toEqual({
      'retry-after': '1',
    });
  });
});
