/**
 * Test wiring for gateway tests that are not about access control (stitching, executors, lifecycle): a caller
 * who sees every category, a decider that admits every child the index knows, and an in-memory (or discarding)
 * audit sink.
 * Only tests and benchmarks import this; the hub wires the real verifier, decider and audit writer.
 */
import type { Queryable } from '../../store/db.js';
import type { AuditEvent } from '../../store/audit/audit-event.js';
import type { AuditSink } from '../../store/audit/audit-writer.js';
import type { Caller } from '../auth/policy.js';
import { ACTIVITIES, DATA_CATEGORIES, RELATIONSHIP_KINDS } from '../auth/vocabulary.js';
import { AccessSession } from './access-session.js';
import type { AccessDecider, ChildAccess } from './child-access.js';
import type { GatewayAccess } from './gateway-access.js';
import type { GatewayContext } from './gateway-context.js';

/** A caller holding every activity and category: for tests whose subject is not access control. */
export function unrestrictedTestCaller(overrides: Partial<Caller> = {}): Caller {
  return {
    userId: 'test-user',
    name: 'Test User',
    email: 'test.user@council.example',
    organisation: '873',
    role: 'TEAM_MANAGER',
    position: undefined,
    activities: new Set(ACTIVITIES),
    categories: new Set(DATA_CATEGORIES),
    relationshipKinds: RELATIONSHIP_KINDS,
    purpose: 'DIRECT_CARE',
    ...overrides,
  };
}

/** Admits every child; with a store, listings reach every child in its index (without one, none). */
export function admitEveryChild(store?: { db: Queryable }): AccessDecider {
  const admitted = (childId: string): ChildAccess => ({
    childId,
    allowed: true,
    basis: 'RELATIONSHIP',
    grantId: null,
    sealedReason: null,
  });
  return {
    decide: async (_caller, childIds) => new Map(childIds.map((id) => [id, admitted(id)])),
    reachableChildIds: async (_caller, limit) =>
      store
        ? (
            await store.db.query<{ id: string }>(`SELECT id FROM children ORDER BY id LIMIT $1`, [limit])
          ).rows.map((row) => row.id)
        : [],
  };
}

/** Keeps events in memory; `failing = true` makes every write reject, as a database outage would. */
export class MemoryAuditSink implements AuditSink {
  readonly events: AuditEvent[] = [];
  failing = false;

  async record(events: readonly AuditEvent[]): Promise<void> {
    if (this.failing) throw new Error('audit sink failing (test)');
    this.events.push(...events);
  }
}

/**
 * Accepts every event at once and keeps none, only a count: the audit taken out of the request path (benchmarks
 * comparing against the durable writer), without MemoryAuditSink's growth under sustained load.
 */
export class DiscardAuditSink implements AuditSink {
  /** Events accepted (and dropped) so far. */
  events = 0;

  async record(events: readonly AuditEvent[]): Promise<void> {
    this.events += events.length;
  }
}

/** Every request is the given caller (no token needed); every child is admitted unless a decider is given. */
export function openTestAccess(
  options: { caller?: Caller; decider?: AccessDecider; audit?: AuditSink } = {},
): GatewayAccess & { audit: AuditSink } {
  const caller = options.caller ?? unrestrictedTestCaller();
  return {
    verifier: { verify: async () => caller },
    decider: options.decider ?? admitEveryChild(),
    audit: options.audit ?? new MemoryAuditSink(),
    now: () => new Date(),
  };
}

/** A resolver context for executing the stitched schema directly (no HTTP): the caller admitted everywhere. */
export function testGatewayContext(
  options: { caller?: Caller; decider?: AccessDecider; requestId?: string } = {},
): GatewayContext {
  const caller = options.caller ?? unrestrictedTestCaller();
  const requestId = options.requestId ?? 'test-request';
  return {
    request: { requestId, traceId: 'test-trace' },
    caller,
    access: new AccessSession({ caller, requestId, decider: options.decider ?? admitEveryChild() }),
  };
}
