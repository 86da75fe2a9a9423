import { describe, expect, it } from 'vitest';
import { auditRowHash, canonicalAuditJson, chainEvents, GENESIS_HASH } from './audit-chain.js';
import { canonicalTimestamp, toCanonicalEvent, type AuditEvent } from './audit-event.js';

const event: AuditEvent = {
  occurredAt: new Date('2026-01-02T03:04:05.678Z'),
  requestId: 'req-1',
  userId: 'user-1',
  role: 'SOCIAL_WORKER',
  organisation: 'org-1',
  purpose: 'SAFEGUARDING_ENQUIRY',
  childId: 'child-1',
  categories: ['health.immunisations'],
  fields: ['child.health.immunisations'],
  outcome: 'PARTIAL',
  reason: 'NO_CONSENT_FOR_CATEGORY',
  grant: 'RELATIONSHIP',
};

describe('canonical form and hash', () => {
  it('stores time as microsecond UTC text', () => {
    expect(canonicalTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });

  it('hashes a fixed set of fields in a fixed order (a changed form would orphan every stored chain)', () => {
    const canonical = toCanonicalEvent(event);
    expect(canonicalAuditJson('1', canonical)).toBe(
      '{"id":"1","occurredAt":"2026-01-02T03:04:05.678000Z","requestId":"req-1","userId":"user-1",' +
        '"role":"SOCIAL_WORKER","organisation":"org-1","purpose":"SAFEGUARDING_ENQUIRY","childId":"child-1",' +
        '"categories":["health.immunisations"],"fields":["child.health.immunisations"],"outcome":"PARTIAL",' +
        '"reason":"NO_CONSENT_FOR_CATEGORY","grant":"RELATIONSHIP","grantId":null}',
    );
    // sha256(64 zeros || the JSON above), computed independently with sha256sum.
    expect(auditRowHash(GENESIS_HASH, '1', canonical)).toBe(
      'cd71476de5cdf0720e90f8194aaccf1d3664bd5508f6810845a97b4a47837852',
    );
    // Key order in the input does not matter; the id and every field do.
    const reordered = Object.fromEntries(Object.entries(canonical).reverse()) as typeof canonical;
    expect(auditRowHash(GENESIS_HASH, '1', reordered)).toBe(auditRowHash(GENESIS_HASH, '1', canonical));
    expect(auditRowHash(GENESIS_HASH, '2', canonical)).not.toBe(auditRowHash(GENESIS_HASH, '1', canonical));
    expect(auditRowHash(GENESIS_HASH, '1', { ...canonical, fields: [] })).not.toBe(
      auditRowHash(GENESIS_HASH, '1', canonical),
    );
  });

  it('links each row to the one before, starting from the genesis value', () => {
    const events = [1, 2, 3].map(() => toCanonicalEvent(event));
    const records = chainEvents(GENESIS_HASH, ['7', '8', '9'], events);
    expect(records[0]?.prevHash).toBe(GENESIS_HASH);
    expect(records[1]?.prevHash).toBe(records[0]?.hash);
    expect(records[2]?.prevHash).toBe(records[1]?.hash);
    expect(new Set(records.map((record) => record.hash)).size).toBe(3);
  });
});

describe('event validation', () => {
  it('allows no child only when the request was denied or rejected', () => {
    expect(toCanonicalEvent({ ...event, childId: null, outcome: 'DENIED' }).childId).toBeNull();
    expect(toCanonicalEvent({ ...event, childId: null, outcome: 'REJECTED' }).childId).toBeNull();
    expect(() => toCanonicalEvent({ ...event, childId: null, outcome: 'ALLOWED' })).toThrow(/childId/);
  });

  it('refuses text PostgreSQL would not store exactly, naming the field but not the value', () => {
    expect(() => toCanonicalEvent({ ...event, purpose: 'secret\u0000value' })).toThrow(
      /^invalid audit event \(purpose\)$/,
    );
    expect(() => toCanonicalEvent({ ...event, reason: 'secret \ud800 value' })).toThrow(
      /^invalid audit event \(reason\)$/,
    );
    expect(toCanonicalEvent({ ...event, reason: 'emoji 👍 ok' }).reason).toBe('emoji 👍 ok');
  });

  it('refuses unknown outcomes, grants, fields and blank ids', () => {
    expect(() => toCanonicalEvent({ ...event, outcome: 'MAYBE' as never })).toThrow(/outcome/);
    expect(() => toCanonicalEvent({ ...event, grant: 'FRIEND' as never })).toThrow(/grant/);
    expect(() => toCanonicalEvent({ ...event, userId: '  ' })).toThrow(/userId/);
    expect(() => toCanonicalEvent({ ...event, name: 'x' } as AuditEvent)).toThrow(/invalid audit event/);
    expect(() => toCanonicalEvent({ ...event, grantId: '0' })).toThrow(/grantId/);
  });

  it('stamps events without a time with the clock', () => {
    const stamped = toCanonicalEvent(
      { ...event, occurredAt: undefined },
      () => new Date('2026-05-06T07:08:09Z'),
    );
    expect(stamped.occurredAt).toBe('2026-05-06T07:08:09.000000Z');
  });
});
