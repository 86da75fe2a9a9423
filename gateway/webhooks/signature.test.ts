import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, signWebhook } from './signature.js';

const secret = 'a-shared-secret-of-some-length';

describe('webhook signatures', () => {
  it('accepts what was signed, within the tolerance', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -300, max: 300 }), (body, skew) => {
        const header = signWebhook(secret, 1_800_000_000, body);
        return checkWebhookSignature(secret, header, body, 1_800_000_000 + skew, 300) === null;
      }),
    );
  });

  it('refuses a changed body, another secret, a stale timestamp, and malformed or missing headers', () => {
    const header = signWebhook(secret, 1_800_000_000, '{"id":"e1"}');
    expect(checkWebhookSignature(secret, header, '{"id":"e2"}', 1_800_000_000, 300)).toBe('BAD_SIGNATURE');
    expect(checkWebhookSignature('another-secret-entirely', header, '{"id":"e1"}', 1_800_000_000, 300)).toBe(
      'BAD_SIGNATURE',
    );
    expect(checkWebhookSignature(secret, header, '{"id":"e1"}', 1_800_000_301, 300)).toBe('STALE_SIGNATURE');
    expect(checkWebhookSignature(secret, 't=abc,v1=zz', '{}', 1_800_000_000, 300)).toBe(
      'MALFORMED_SIGNATURE',
    );
    expect(checkWebhookSignature(secret, undefined, '{}', 1_800_000_000, 300)).toBe('MISSING_SIGNATURE');
  });
});
