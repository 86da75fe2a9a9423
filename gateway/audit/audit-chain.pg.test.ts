import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import {
  auditRecordColumns,
  auditRowHash,
  rowToAuditRecord,
  verifyAuditChain,
  type AuditRow,
} from '../../store/audit/audit-chain.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import {
  migratedSchema,
  poolDb,
  sampleEvent,
  testDatabaseUrl,
  type TestSchema,
} from './testing/audit-test-db.js';

let store: TestSchema;
let db: Db;

beforeEach(async () => {
  store = await migratedSchema({ poolMax: 6 });
  db = store.db;
});
afterEach(async () => {
  await store.drop();
});

async function writeEvents(count: number, batchSize = 7): Promise<void> {
  const writer = new AuditWriter(db, { maxBatchSize: batchSize });
  await Promise.all(Array.from({ length: count }, () => writer.record([sampleEvent()])));
  await writer.close();
}

async function rowCount(target: Db = db): Promise<number> {
  const { rows } = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM access_audit');
  return rows[0]?.n ?? 0;
}

const isAuditUnavailable = (error: unknown) =>
  error instanceof HubError && error.code === 'AUDIT_UNAVAILABLE';

describe('the hash chain', () => {
  it('verifies, in one pass or in pages, from the start or from an id', async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 0, head: null });
    await writeEvents(40);
    const whole = await verifyAuditChain(db);
    expect(whole).toMatchObject({ ok: true, rows: 40, head: { id: '40' } });
    expect(await verifyAuditChain(db, { batchSize: 3 })).toEqual(whole);
    expect(await verifyAuditChain(db, { fromId: 25, batchSize: 4 })).toMatchObject({ ok: true, rows: 16 });
    // The stored rows read back exactly as they were hashed.
    const { rows } = await db.query<AuditRow>(`SELECT ${auditRecordColumns} FROM access_audit WHERE id = 1`);
    const first = rowToAuditRecord(rows[0] as AuditRow);
    expect(first.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}000Z$/);
    expect(first.categories).toEqual(['education.attendance', 'health.immunisations']);
  });

  it('detects a row edited by the owner with the trigger disabled, at exactly that row', async () => {
    await writeEvents(30);
    await db.exec(`
      ALTER TABLE access_audit DISABLE TRIGGER access_audit_append_only;
      UPDATE access_audit SET purpose = 'SOMETHING_ELSE' WHERE id = 17;
      ALTER TABLE access_audit ENABLE TRIGGER access_audit_append_only;`);
    expect(await verifyAuditChain(db, { batchSize: 5 })).toEqual({
      ok: false,
      firstBrokenId: '17',
      problem: 'HASH_MISMATCH',
      rows: 16,
    });
    // Checking only what came after the edit still passes: the break is in the row, not after it.
    expect(await verifyAuditChain(db, { fromId: 18 })).toMatchObject({ ok: true, rows: 13 });
  });

  it('detects a superuser rewriting a row and its hash, at the next row', async () => {
    await writeEvents(30);
    const { rows } = await db.query<AuditRow>(`SELECT ${auditRecordColumns} FROM access_audit WHERE id = 9`);
    const original = rowToAuditRecord(rows[0] as AuditRow);
    const forged = { ...original, fields: ['child.education.attendance.sessions'] };
    const forgedHash = auditRowHash(original.prevHash, original.id, forged);
    await db.transaction(async (tx) => {
      // Superuser only: turns every trigger off for this transaction.
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE access_audit SET fields = $1, hash = $2 WHERE id = 9`, [
        forged.fields,
        forgedHash,
      ]);
    });
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      firstBrokenId: '10',
      problem: 'PREV_HASH_MISMATCH',
      rows: 9,
    });
  });

  it('detects a deleted row at the row after it, and a changed hash at its own row', async () => {
    await writeEvents(20);
    await db.exec(`
      ALTER TABLE access_audit DISABLE TRIGGER access_audit_append_only;
      DELETE FROM access_audit WHERE id = 5;
      UPDATE access_audit SET hash = repeat('a', 64) WHERE id = 12;
      ALTER TABLE access_audit ENABLE TRIGGER access_audit_append_only;`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: '6', rows: 4 });
    expect(await verifyAuditChain(db, { fromId: 7 })).toMatchObject({
      ok: false,
      firstBrokenId: '12',
      problem: 'HASH_MISMATCH',
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows, even for the owner', async () => {
    await writeEvents(3);
    await expect(db.query(`UPDATE access_audit SET reason = 'x' WHERE id = 1`)).rejects.toThrow(
      /access_audit is append-only: UPDATE is not allowed/,
    );
    await expect(db.query(`DELETE FROM access_audit WHERE id = 2`)).rejects.toThrow(
      /access_audit is append-only: DELETE is not allowed/,
    );
    await expect(db.query(`TRUNCATE access_audit`)).rejects.toThrow(
      /access_audit is append-only: TRUNCATE is not allowed/,
    );
    expect(await rowCount()).toBe(3);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
  });

  it('refuses a second row claiming the same predecessor (a fork)', async () => {
    await writeEvents(3);
    await expect(
      db.query(
        `INSERT INTO access_audit (occurred_at, request_id, user_id, role, organisation, purpose, child_id,
           outcome, grant_kind, prev_hash, hash)
         SELECT occurred_at, request_id, user_id, role, organisation, purpose, child_id, outcome, grant_kind,
           prev_hash, repeat('b', 64)
         FROM access_audit WHERE id = 2`,
      ),
    ).rejects.toThrow(/access_audit_no_fork/);
  });
});

describe('AuditWriter on PostgreSQL', () => {
  it('group commit: 1,000 concurrent record() calls become 1,000 rows in far fewer transactions', async () => {
    const writer = new AuditWriter(db);
    await Promise.all(Array.from({ length: 1000 }, () => writer.record([sampleEvent()])));
    const stats = writer.stats();
    expect(await rowCount()).toBe(1000);
    expect(stats.events).toBe(1000);
    expect(stats.batches).toBeLessThan(1000);
    expect(stats.batches).toBeLessThanOrEqual(3);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1000 });
    await writer.close();
  });

  it('several processes (pools) writing at once still form one chain', async () => {
    const others = [0, 1, 2].map(() => poolDb(testDatabaseUrl, store.schema, 2));
    const writers = [db, ...others].map((target) => new AuditWriter(target, { maxBatchSize: 40 }));
    // Calls trickle in from every writer over many ticks, so their batches interleave.
    await Promise.all(
      writers.map(async (writer, w) => {
        const calls: Array<Promise<void>> = [];
        for (let n = 0; n < 250; n += 1) {
          calls.push(writer.record([sampleEvent({ userId: `user-${w}` })]));
          if (n % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(calls);
      }),
    );
    expect(await rowCount()).toBe(1000);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1000 });
    // Batches from the different writers really did interleave in the one chain.
    const { rows } = await db.query<{ user_id: string }>(`SELECT user_id FROM access_audit ORDER BY id`);
    const runs = rows.filter((row, n) => n === 0 || rows[n - 1]?.user_id !== row.user_id).length;
    expect(new Set(rows.map((row) => row.user_id)).size).toBe(4);
    expect(runs).toBeGreaterThan(4);
    for (const other of others) await other.close();
  });

  it('a batch that fails rolls back whole; the next continues the chain', async () => {
    let failures = 1;
    const flaky: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction(async (tx) => {
          const result = await fn(tx);
          if (failures-- > 0) throw new Error('connection lost before commit');
          return result;
        }),
    };
    const writer = new AuditWriter(flaky);
    await expect(writer.record([sampleEvent(), sampleEvent()])).rejects.toSatisfy(isAuditUnavailable);
    expect(await rowCount()).toBe(0);
    await writer.record([sampleEvent(), sampleEvent()]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('fails closed: a closed database rejects with AUDIT_UNAVAILABLE and writes nothing', async () => {
    const separate = await openPostgresDb({
      url: testDatabaseUrl,
      schema: store.schema,
      poolMax: 2,
      statementTimeoutMs: 5000,
    });
    const writer = new AuditWriter(separate);
    await writer.record([sampleEvent()]);
    await separate.close();
    await expect(writer.record([sampleEvent()])).rejects.toSatisfy(isAuditUnavailable);
    expect(await rowCount()).toBe(1);
  });

  it('fails closed: an unreachable database rejects with AUDIT_UNAVAILABLE', async () => {
    const unreachable = poolDb('postgres://postgres@127.0.0.1:1/test', store.schema);
    const writer = new AuditWriter(unreachable);
    const error = await writer.record([sampleEvent()]).catch((caught: unknown) => caught);
    expect(isAuditUnavailable(error)).toBe(true);
    expect((error as HubError).httpStatus).toBe(503);
    await unreachable.close();
  });
});
