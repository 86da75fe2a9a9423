import { describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import type { Db, QueryResult, Tx } from '../db.js';
import { GENESIS_HASH } from './audit-chain.js';
import type { AuditEvent } from './audit-event.js';
import { AuditWriter } from './audit-writer.js';

/**
 * A stand-in for the database that understands just the statements appendAuditEvents sends, keeps the committed
 * rows, and lets a test hold a transaction open or make it fail.
 */
function fakeDb() {
  const committed: Array<{ id: string; request_id: string; prev_hash: string; hash: string }> = [];
  const batches: number[] = [];
  let nextId = 1;
  let gate: Promise<void> | undefined;
  let failNext: Error | undefined;
  const db: Db = {
    engine: 'postgres',
    schema: 'fake',
    query: () => Promise.reject(new Error('not used')),
    exec: () => Promise.reject(new Error('not used')),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
    async transaction(fn) {
      const pending: typeof committed = [];
      const tx: Tx = {
        exec: () => Promise.reject(new Error('not used')),
        async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
          const result = (rows: unknown[]) => ({ rows: rows as R[], rowCount: rows.length });
          if (sql.includes('pg_advisory_xact_lock')) return result([{}]);
          if (sql.includes('nextval')) {
            const count = params?.[0] as number;
            const lastHash = committed.at(-1)?.hash ?? null;
            // Handed out in reverse: the writer must order them itself.
            const ids = Array.from({ length: count }, () => String(nextId++)).reverse();
            return result(ids.map((id) => ({ id, last_hash: lastHash })));
          }
          if (sql.startsWith('INSERT INTO access_audit')) {
            pending.push(...(JSON.parse(params?.[0] as string) as typeof committed));
            return result([]);
          }
          throw new Error(`unexpected SQL: ${sql}`);
        },
      };
      const value = await fn(tx);
      if (gate) await gate;
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        throw error;
      }
      committed.push(...pending);
      batches.push(pending.length);
      return value;
    },
  };
  return {
    db,
    committed,
    batches,
    hold() {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    failNextCommit(error: Error) {
      failNext = error;
    },
    hang() {
      gate = new Promise<void>(() => undefined);
      return () => {
        gate = undefined;
      };
    },
  };
}

const event = (n: number, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  requestId: `req-${n}`,
  userId: 'user-1',
  role: 'SOCIAL_WORKER',
  organisation: 'org-1',
  purpose: 'SAFEGUARDING_ENQUIRY',
  childId: `child-${n}`,
  categories: [],
  fields: [],
  outcome: 'ALLOWED',
  reason: null,
  grant: 'RELATIONSHIP',
  ...overrides,
});

const isAuditUnavailable = (error: unknown) =>
  error instanceof HubError && error.code === 'AUDIT_UNAVAILABLE';

describe('AuditWriter (group commit)', () => {
  it('writes 1,000 concurrent calls in a few bounded batches, chained in order', async () => {
    const fake = fakeDb();
    const writer = new AuditWriter(fake.db, { maxBatchSize: 300 });
    await Promise.all(Array.from({ length: 1000 }, (_, n) => writer.record([event(n)])));
    expect(fake.committed).toHaveLength(1000);
    expect(fake.batches.every((size) => size <= 300)).toBe(true);
    expect(fake.batches.length).toBe(4);
    expect(writer.stats()).toMatchObject({ batches: 4, events: 1000, failedBatches: 0, queuedCalls: 0 });
    // Ids ascend (the fake hands them out in reverse; the writer sorts them) and each row links to the last.
    expect(fake.committed.map((row) => Number(row.id))).toEqual(
      Array.from({ length: 1000 }, (_, n) => n + 1),
    );
    expect(fake.committed[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let n = 1; n < 1000; n += 1) expect(fake.committed[n]?.prev_hash).toBe(fake.committed[n - 1]?.hash);
  });

  it('queues what arrives while a batch is being written and sends it together next', async () => {
    const fake = fakeDb();
    const writer = new AuditWriter(fake.db);
    const release = fake.hold();
    const first = writer.record([event(0)]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 50 }, (_, n) => writer.record([event(n + 1)]));
    expect(writer.stats().queuedCalls).toBe(50);
    release();
    await Promise.all([first, ...later]);
    expect(fake.batches).toEqual([1, 50]);
  });

  it("keeps one call's events in one transaction, even past the batch size", async () => {
    const fake = fakeDb();
    const writer = new AuditWriter(fake.db, { maxBatchSize: 10 });
    await Promise.all([
      writer.record(Array.from({ length: 4 }, (_, n) => event(n))),
      writer.record(Array.from({ length: 25 }, (_, n) => event(n))),
      writer.record(Array.from({ length: 4 }, (_, n) => event(n))),
    ]);
    expect(fake.batches).toEqual([4, 25, 4]);
  });

  it('resolves only after the commit, and rejects every call of a failed batch with AUDIT_UNAVAILABLE', async () => {
    const fake = fakeDb();
    const logged: unknown[] = [];
    const writer = new AuditWriter(fake.db, {
      logger: { error: (...args: unknown[]) => logged.push(args) } as never,
    });
    fake.failNextCommit(
      Object.assign(new Error('row (child-secret-1) violates something'), { code: '23514' }),
    );
    const results = await Promise.allSettled([writer.record([event(1)]), writer.record([event(2)])]);
    expect(results.every((result) => result.status === 'rejected' && isAuditUnavailable(result.reason))).toBe(
      true,
    );
    const reason = (results[0] as PromiseRejectedResult).reason as HubError;
    // The cause keeps the code for operators but not the driver's message, which can quote row values.
    expect(String((reason.cause as Error).message)).toBe('access audit write failed (Error, code 23514)');
    expect(fake.committed).toHaveLength(0);
    // The log line has counts and the code: no ids, no driver message.
    expect(logged).toEqual([[{ events: 2, calls: 2, code: '23514' }, expect.any(String)]]);
    expect(JSON.stringify(logged)).not.toMatch(/child-|user-|req-/);
    // The writer carries on with the next batch.
    await writer.record([event(3)]);
    expect(fake.committed.map((row) => row.request_id)).toEqual(['req-3']);
    expect(writer.stats()).toMatchObject({ batches: 2, failedBatches: 1, events: 1 });
  });

  it('refuses a malformed event on its own, without failing the batch it would have joined', async () => {
    const fake = fakeDb();
    const writer = new AuditWriter(fake.db);
    const results = await Promise.allSettled([
      writer.record([event(1)]),
      writer.record([event(2, { childId: null, outcome: 'ALLOWED' })]),
      writer.record([event(3)]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isAuditUnavailable((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(fake.committed).toHaveLength(2);
  });

  it('fails closed when the database does not answer in time, and recovers once it does', async () => {
    const fake = fakeDb();
    const writer = new AuditWriter(fake.db, { timeoutMs: 50 });
    const recover = fake.hang();
    const started = Date.now();
    const stuck = writer.record([event(1)]);
    await new Promise((resolve) => setImmediate(resolve));
    const queued = writer.record([event(2)]); // waits behind the stuck transaction
    const results = await Promise.allSettled([stuck, queued]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(results.every((result) => result.status === 'rejected' && isAuditUnavailable(result.reason))).toBe(
      true,
    );
    // The call still queued was dropped, not written later behind the requester's back.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(fake.committed.map((row) => row.request_id)).not.toContain('req-2');
    // The stuck transaction was abandoned: the writer is not wedged behind it.
    recover();
    await writer.record([event(3)]);
    expect(fake.committed.map((row) => row.request_id)).toEqual(['req-3']);
    expect(writer.stats()).toMatchObject({ failedBatches: 1, events: 1, queuedCalls: 0 });
  });

  it('close() writes what is queued, then refuses new events', async () => {
    const fake = fakeDb();
    const writer = new AuditWriter(fake.db);
    const pending = Array.from({ length: 20 }, (_, n) => writer.record([event(n)]));
    await writer.close();
    expect(fake.committed).toHaveLength(20);
    await Promise.all(pending);
    await expect(writer.record([event(99)])).rejects.toSatisfy(isAuditUnavailable);
    await expect(writer.record([])).rejects.toSatisfy(isAuditUnavailable);
  });

  it('resolves an empty call at once', async () => {
    const fake = fakeDb();
    await new AuditWriter(fake.db).record([]);
    expect(fake.batches).toEqual([]);
  });
});
