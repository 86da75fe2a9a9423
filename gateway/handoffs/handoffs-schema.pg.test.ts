import { execute, parse } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enqueue } from '../../jobs/define-job.js';
import { markAcknowledged, markDelivered } from '../../jobs/deliver-handoff/handoff-store.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { createHandoffsSchema } from './handoffs-schema.js';

let store: TestSchema;
let enqueued: Array<{ queue: string; jobs: Parameters<Enqueue>[1] }>;
const now = () => new Date('2026-11-25T09:00:00.000Z');

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_handoffs_gw' });
  enqueued = [];
});
afterEach(async () => {
  await store.drop();
});

function schema() {
  let n = 0;
  return createHandoffsSchema({
    db: store.db,
    now,
    newId: () => `HO-${++n}`,
    enqueue: async (queue, jobs) => {
      enqueued.push({ queue, jobs });
    },
  });
}

/** A gateway context: the caller's activities, the children they are admitted to, the categories withheld. */
function context(options: { activities?: string[]; admitted?: string[]; withheld?: string[] } = {}) {
  const admitted = new Set(options.admitted ?? ['child-1']);
  return {
    caller: { userId: 'sw-1', activities: new Set(options.activities ?? ['REQUEST_HANDOFF']) },
    access: {
      admit: async (childId: string) => ({ allowed: admitted.has(childId) }),
      withholding: (_: string, category: string) =>
        options.withheld?.includes(category) ? 'CATEGORY_NOT_PERMITTED' : null,
      reachableChildIds: async () => [...admitted],
    },
  };
}

const request = `mutation($childId: ID!, $reason: String!) {
  requestTransitionHandoff(childId: $childId, reason: $reason) { id status attempts adultReference }
}`;
const read = `{ _handoffsChildren(ids: ["child-1"]) { id transitionHandoffs { id status adultReference reason } } }`;

async function run(query: string, contextValue: object, variables?: Record<string, unknown>) {
  return execute({ schema: schema(), document: parse(query), contextValue, variableValues: variables });
}

describe('requestTransitionHandoff and Child.transitionHandoffs', () => {
  it('records a REQUESTED handoff, enqueues its delivery under the handoff id, and shows it on the child', async () => {
    const result = await run(request, context(), { childId: 'child-1', reason: '  Turning 18 in March  ' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['requestTransitionHandoff']).toEqual({
      id: 'HO-1',
      status: 'REQUESTED',
      attempts: 0,
      adultReference: null,
    });
    expect(enqueued).toEqual([
      { queue: 'deliver-handoff', jobs: [{ data: { handoffId: 'HO-1' }, options: { jobId: 'HO-1' } }] },
    ]);

    await markDelivered(store.db, { id: 'HO-1', attempt: 1, reference: 'ASC-00000001', at: now() });
    const seen = await run(read, context());
    expect(seen.data?.['_handoffsChildren']).toEqual([
      {
        id: 'child-1',
        transitionHandoffs: [
          { id: 'HO-1', status: 'DELIVERED', adultReference: 'ASC-00000001', reason: 'Turning 18 in March' },
        ],
      },
    ]);
  });

  it('shows adult services’ acknowledgement: the status and when it changed', async () => {
    await run(request, context(), { childId: 'child-1', reason: 'Turning 18' });
    await markDelivered(store.db, { id: 'HO-1', attempt: 1, reference: 'ASC-00000001', at: now() });
    const picked = new Date('2026-11-26T10:30:00.000Z');
    await markAcknowledged(store.db, {
      id: 'HO-1',
      reference: 'ASC-00000001',
      at: picked,
      actor: 'adult-services',
    });
    const seen = await run(
      `{ _handoffsChildren(ids: ["child-1"]) { transitionHandoffs { status adultReference deliveredAt statusChangedAt } } }`,
      context(),
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.['_handoffsChildren']).toEqual([
      {
        transitionHandoffs: [
          {
            status: 'ACKNOWLEDGED',
            adultReference: 'ASC-00000001',
            deliveredAt: now().toISOString(),
            statusChangedAt: picked.toISOString(),
          },
        ],
      },
    ]);
  });

  it('refuses a caller without REQUEST_HANDOFF, before anything else', async () => {
    const result = await run(request, context({ activities: ['VIEW_ADULT_SERVICES'] }), {
      childId: 'child-1',
      reason: 'x',
    });
    expect(result.errors?.[0]?.message).toMatch(/not allowed|forbidden|permission/i);
    expect(enqueued).toEqual([]);
  });

  it('requires a reason', async () => {
    const result = await run(request, context(), { childId: 'child-1', reason: '   ' });
    expect(result.errors?.[0]?.message).toMatch(/Say why/);
    expect(enqueued).toEqual([]);
  });

  it('refuses a child the caller is not admitted to, or whose adult services data they may not see', async () => {
    for (const ctx of [context({ admitted: [] }), context({ withheld: ['ADULT_SERVICES'] })]) {
      const result = await run(request, ctx, { childId: 'child-1', reason: 'Turning 18' });
      expect(result.errors?.[0]?.message).toBe('No such child.');
    }
    expect(enqueued).toEqual([]);
    const { rows } = await store.db.query('SELECT id FROM transition_handoffs');
    expect(rows).toEqual([]);
  });

  it('shows no handoffs to a caller who may not see the adult services category', async () => {
    await run(request, context(), { childId: 'child-1', reason: 'Turning 18' });
    const seen = await run(read, context({ withheld: ['ADULT_SERVICES'] }));
    expect(seen.data?.['_handoffsChildren']).toEqual([{ id: 'child-1', transitionHandoffs: [] }]);
  });

  it('fails closed outside the gateway (no access probe in the context)', async () => {
    const result = await run(
      request,
      { caller: context().caller },
      { childId: 'child-1', reason: 'Turning 18' },
    );
    expect(result.errors?.[0]?.message).toMatch(/gateway/);
    expect(enqueued).toEqual([]);
  });
});
