import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../store/audit/audit-event.js';
import { DiscardAuditSink } from './testing.js';

const event = (childId: string): AuditEvent => ({
  requestId: 'r1',
  userId: 'u1',
  role: 'TEAM_MANAGER',
  organisation: '873',
  purpose: 'DIRECT_CARE',
  childId,
  categories: [],
  fields: [],
  outcome: 'ALLOWED',
  reason: null,
  grant: 'RELATIONSHIP',
});

describe('DiscardAuditSink', () => {
  it('accepts every call, counting the events it drops', async () => {
    const sink = new DiscardAuditSink();
    await expect(sink.record([event('c1'), event('c2')])).resolves.toBeUndefined();
    await expect(sink.record([])).resolves.toBeUndefined();
    await sink.record([event('c3')]);
    expect(sink.events).toBe(3);
  });
});
