import type { GraphQLSchema } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { verifyAuditChain } from '../../store/audit/audit-chain.js';
import { migratedSchema, type TestSchema } from '../audit/testing/audit-test-db.js';
import { createAccessAdminSchema } from './access-admin-schema.js';
import {
  addChildren,
  countRows,
  dataOf,
  errorCode,
  run,
  testCaller,
} from './testing/access-admin-test-kit.js';

let store: TestSchema;
let db: Db;
let schema: GraphQLSchema;
let clock: Date;

beforeEach(async () => {
  store = await migratedSchema();
  db = store.db;
  clock = new Date('2026-03-02T09:00:00.000Z');
  schema = createAccessAdminSchema({ db, now: () => clock });
  await addChildren(db, 'ch_known1', 'ch_known2');
});
afterEach(async () => {
  await store.drop();
});

const socialWorker = testCaller('SOCIAL_WORKER', { userId: 'sw-1' });
const otherWorker = testCaller('SOCIAL_WORKER', { userId: 'sw-2' });
const iro = testCaller('IRO', { userId: 'iro-1' });

const grantFields = 'id userId childId kind reason startsAt endsAt endedAt endedBy active';
const claim = `mutation ($childId: ID!, $reason: String!, $minutes: Int) {
  claimRelationship(childId: $childId, reason: $reason, minutes: $minutes) { ${grantFields} } }`;
const breakGlass = `mutation ($childId: ID!, $reason: String!, $minutes: Int) {
  breakGlass(childId: $childId, reason: $reason, minutes: $minutes) { ${grantFields} } }`;
const endGrant = `mutation ($grantId: ID!) { endAccessGrant(grantId: $grantId) { ${grantFields} } }`;
const myGrants = `query ($activeOnly: Boolean) { myAccessGrants(activeOnly: $activeOnly) { id kind active } }`;

const reason = 'Duty worker: new referral from school, not yet allocated';

interface Grant {
  id: string;
  userId: string;
  childId: string;
  kind: string;
  reason: string;
  startsAt: string;
  endsAt: string;
  endedAt: string | null;
  endedBy: string | null;
  active: boolean;
}

async function alerts() {
  const { rows } = await db.query<{ kind: string; user_id: string; child_id: string; grant_id: string }>(
    'SELECT kind, user_id, child_id, grant_id::text AS grant_id FROM privacy_alerts ORDER BY id',
  );
  return rows;
}

async function auditReasons() {
  const { rows } = await db.query<{
    reason: string;
    grant_kind: string;
    user_id: string;
    request_id: string;
  }>('SELECT reason, grant_kind, user_id, request_id FROM access_audit ORDER BY id');
  return rows;
}

describe('claimRelationship and breakGlass', () => {
  it('starts a self-claimed grant for the default 8 hours: grant, GRANT_STARTED audit and privacy alert', async () => {
    const { claimRelationship: grant } = dataOf<{ claimRelationship: Grant }>(
      await run(schema, socialWorker, claim, { childId: 'ch_known1', reason: `  ${reason}  ` }),
    );
    expect(grant).toMatchObject({
      userId: 'sw-1',
      childId: 'ch_known1',
      kind: 'SELF_CLAIMED',
      reason,
      startsAt: '2026-03-02T09:00:00.000Z',
      endsAt: '2026-03-02T17:00:00.000Z',
      endedAt: null,
      active: true,
    });
    expect(await alerts()).toEqual([
      { kind: 'SELF_CLAIMED_ACCESS', user_id: 'sw-1', child_id: 'ch_known1', grant_id: grant.id },
    ]);
    const audit = await auditReasons();
    expect(audit).toEqual([
      {
        reason: 'GRANT_STARTED',
        grant_kind: 'SELF_CLAIMED',
        user_id: 'sw-1',
        request_id: expect.any(String),
      },
    ]);
    expect(audit[0]?.request_id).toMatch(/^req-admin-/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('starts a break-glass grant for the default hour, alerting the privacy officer as BREAK_GLASS', async () => {
    const { breakGlass: grant } = dataOf<{ breakGlass: Grant }>(
      await run(schema, socialWorker, breakGlass, { childId: 'ch_known2', reason }),
    );
    expect(grant).toMatchObject({ kind: 'BREAK_GLASS', endsAt: '2026-03-02T10:00:00.000Z', active: true });
    expect(await alerts()).toEqual([
      { kind: 'BREAK_GLASS', user_id: 'sw-1', child_id: 'ch_known2', grant_id: grant.id },
    ]);
    expect((await auditReasons()).map((row) => [row.reason, row.grant_kind])).toEqual([
      ['GRANT_STARTED', 'BREAK_GLASS'],
    ]);
  });

  it('takes the minutes asked for, cut to the maximum for the kind', async () => {
    const short = dataOf<{ breakGlass: Grant }>(
      await run(schema, socialWorker, breakGlass, { childId: 'ch_known1', reason, minutes: 20 }),
    ).breakGlass;
    expect(short.endsAt).toBe('2026-03-02T09:20:00.000Z');
    const long = dataOf<{ breakGlass: Grant }>(
      await run(schema, socialWorker, breakGlass, { childId: 'ch_known1', reason, minutes: 24 * 60 }),
    ).breakGlass;
    expect(long.endsAt).toBe('2026-03-02T13:00:00.000Z');
    const claimed = dataOf<{ claimRelationship: Grant }>(
      await run(schema, socialWorker, claim, { childId: 'ch_known1', reason, minutes: 10_000 }),
    ).claimRelationship;
    expect(claimed.endsAt).toBe('2026-03-02T17:00:00.000Z');
    expect(
      errorCode(await run(schema, socialWorker, breakGlass, { childId: 'ch_known1', reason, minutes: 0 })),
    ).toBe('VALIDATION_FAILED');
  });

  it('uses configured grant limits', async () => {
    const configured = createAccessAdminSchema({
      db,
      now: () => clock,
      grantLimits: {
        SELF_CLAIMED: { defaultMinutes: 120, maxMinutes: 240 },
        BREAK_GLASS: { defaultMinutes: 30, maxMinutes: 90 },
      },
    });
    const glass = dataOf<{ breakGlass: Grant }>(
      await run(configured, socialWorker, breakGlass, { childId: 'ch_known1', reason }),
    ).breakGlass;
    expect(glass.endsAt).toBe('2026-03-02T09:30:00.000Z');
    const capped = dataOf<{ claimRelationship: Grant }>(
      await run(configured, socialWorker, claim, { childId: 'ch_known1', reason, minutes: 600 }),
    ).claimRelationship;
    expect(capped.endsAt).toBe('2026-03-02T13:00:00.000Z');
    expect(() =>
      createAccessAdminSchema({
        db,
        grantLimits: {
          SELF_CLAIMED: { defaultMinutes: 60, maxMinutes: 60 },
          BREAK_GLASS: { defaultMinutes: 60, maxMinutes: 12 * 60 },
        },
      }),
    ).toThrow(/BREAK_GLASS/);
  });

  it('refuses a caller without the activity with FORBIDDEN, before looking at the child, and writes nothing', async () => {
    // An IRO may self-claim but not break glass; a narrowed token may do neither.
    const narrowed = testCaller('SOCIAL_WORKER', { userId: 'sw-3', activities: ['VIEW_CHILD_RECORD'] });
    const attempts = [
      run(schema, iro, breakGlass, { childId: 'ch_known1', reason }),
      run(schema, iro, breakGlass, { childId: 'ch_unknown', reason }),
      run(schema, iro, breakGlass, { childId: 'ch_unknown', reason: '' }),
      run(schema, narrowed, claim, { childId: 'ch_known1', reason }),
      run(schema, narrowed, claim, { childId: 'ch_unknown', reason }),
      run(schema, testCaller('PRIVACY_OFFICER'), claim, { childId: 'ch_known1', reason }),
    ];
    for (const result of await Promise.all(attempts)) expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await countRows(db, 'access_grants')).toBe(0);
    expect(await countRows(db, 'privacy_alerts')).toBe(0);
    expect(await countRows(db, 'access_audit')).toBe(0);
  });

  it('rejects a blank, short or punctuation-only reason (VALIDATION_FAILED) and starts no grant', async () => {
    for (const bad of ['', '   ', 'urgent', '  too short ', '..........!!!', '- - - - - - - -']) {
      for (const operation of [breakGlass, claim]) {
        const result = await run(schema, socialWorker, operation, { childId: 'ch_known1', reason: bad });
        expect({ bad, code: errorCode(result) }).toEqual({ bad, code: 'VALIDATION_FAILED' });
      }
    }
    expect(await countRows(db, 'access_grants')).toBe(0);
    expect(await countRows(db, 'privacy_alerts')).toBe(0);
    expect(await countRows(db, 'access_audit')).toBe(0);
  });

  it('answers NOT_FOUND for a child the identity index does not hold, and starts no grant', async () => {
    for (const childId of ['ch_unknown', 'not a valid id!', 'x'.repeat(200)]) {
      expect(errorCode(await run(schema, socialWorker, breakGlass, { childId, reason }))).toBe('NOT_FOUND');
    }
    expect(await countRows(db, 'access_grants')).toBe(0);
  });
});

describe('endAccessGrant and myAccessGrants', () => {
  async function startBreakGlass(caller = socialWorker, childId = 'ch_known1') {
    return dataOf<{ breakGlass: Grant }>(await run(schema, caller, breakGlass, { childId, reason }))
      .breakGlass;
  }

  it('lets the holder end their own grant early, audited GRANT_ENDED; ending it again gives null', async () => {
    const grant = await startBreakGlass();
    clock = new Date('2026-03-02T09:15:00.000Z');
    const { endAccessGrant: ended } = dataOf<{ endAccessGrant: Grant }>(
      await run(schema, socialWorker, endGrant, { grantId: grant.id }),
    );
    expect(ended).toMatchObject({
      id: grant.id,
      endedAt: '2026-03-02T09:15:00.000Z',
      endedBy: 'sw-1',
      active: false,
    });
    expect((await auditReasons()).map((row) => row.reason)).toEqual(['GRANT_STARTED', 'GRANT_ENDED']);
    const again = dataOf<{ endAccessGrant: Grant | null }>(
      await run(schema, socialWorker, endGrant, { grantId: grant.id }),
    );
    expect(again.endAccessGrant).toBeNull();
    expect(await countRows(db, 'access_audit')).toBe(2);
  });

  it("refuses to end someone else's grant (FORBIDDEN) and leaves it running", async () => {
    const grant = await startBreakGlass();
    expect(errorCode(await run(schema, otherWorker, endGrant, { grantId: grant.id }))).toBe('FORBIDDEN');
    const { rows } = await db.query<{ ended_at: Date | null }>('SELECT ended_at FROM access_grants');
    expect(rows).toEqual([{ ended_at: null }]);
    expect(await countRows(db, 'access_audit')).toBe(1);
    expect(errorCode(await run(schema, socialWorker, endGrant, { grantId: '999999' }))).toBe('NOT_FOUND');
    expect(errorCode(await run(schema, socialWorker, endGrant, { grantId: 'abc' }))).toBe('NOT_FOUND');
    const noGrants = testCaller('PRIVACY_OFFICER', { userId: 'sw-1' });
    expect(errorCode(await run(schema, noGrants, endGrant, { grantId: grant.id }))).toBe('FORBIDDEN');
  });

  it("lists the caller's own grants, newest first: active ones by default, all on request", async () => {
    const first = await startBreakGlass();
    clock = new Date('2026-03-02T09:05:00.000Z');
    const second = dataOf<{ claimRelationship: Grant }>(
      await run(schema, socialWorker, claim, { childId: 'ch_known2', reason }),
    ).claimRelationship;
    await startBreakGlass(otherWorker);
    await run(schema, socialWorker, endGrant, { grantId: first.id });

    const active = dataOf<{ myAccessGrants: Grant[] }>(await run(schema, socialWorker, myGrants, {}));
    expect(active.myAccessGrants).toEqual([{ id: second.id, kind: 'SELF_CLAIMED', active: true }]);
    const all = dataOf<{ myAccessGrants: Grant[] }>(
      await run(schema, socialWorker, myGrants, { activeOnly: false }),
    );
    expect(all.myAccessGrants).toEqual([
      { id: second.id, kind: 'SELF_CLAIMED', active: true },
      { id: first.id, kind: 'BREAK_GLASS', active: false },
    ]);
    // a grant past its end is not active, even before the expiry sweep has recorded it
    clock = new Date('2026-03-03T09:00:00.000Z');
    expect(
      dataOf<{ myAccessGrants: Grant[] }>(await run(schema, socialWorker, myGrants, {})).myAccessGrants,
    ).toEqual([]);
    expect(errorCode(await run(schema, testCaller('PRIVACY_OFFICER'), myGrants, {}))).toBe('FORBIDDEN');
  });
});
