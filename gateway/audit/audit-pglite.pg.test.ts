import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPgliteDb } from '../../store/pglite-db.js';
import { startAccessGrant } from './access-grants.js';
import { verifyAuditChain } from '../../store/audit/audit-chain.js';
import { detectUnusualVolume, whoViewedChild } from './audit-queries.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import { sampleEvent } from './testing/audit-test-db.js';

// The embedded engine `npm start` uses with no DATABASE_URL: same migration, same chain, same triggers (PGlite
// has no roles, so the trigger is the only guard there).
describe('the audit on PGlite', () => {
  let dataDir: string;
  let db: Db;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cvh-audit-pglite-'));
    db = await openPgliteDb({ dataDir, schema: 'hub' });
    await migrate(db);
  });

  afterAll(async () => {
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, group-commits, verifies, refuses changes and detects tampering', async () => {
    const writer = new AuditWriter(db, { maxBatchSize: 50 });
    await Promise.all(Array.from({ length: 300 }, () => writer.record([sampleEvent()])));
    expect(writer.stats()).toMatchObject({ events: 300 });
    expect(writer.stats().batches).toBeLessThan(300);
    await startAccessGrant(db, {
      actor: { userId: 'user-1', role: 'SOCIAL_WORKER', organisation: 'org-la-1' },
      childId: 'child-1',
      kind: 'SELF_CLAIMED',
      reason: 'Covering for an absent colleague.',
      purpose: 'SAFEGUARDING_ENQUIRY',
      requestId: 'req-grant',
      durationMinutes: 15,
    });
    await writer.close();
    expect(await verifyAuditChain(db, { batchSize: 64 })).toMatchObject({ ok: true, rows: 301 });
    expect((await whoViewedChild(db, 'child-1', { limit: 5 })).items).toHaveLength(5);
    expect(await detectUnusualVolume(db, { threshold: 3 })).toMatchObject([
      { userId: 'user-1', newAlert: true },
    ]);

    await expect(db.query(`UPDATE access_audit SET reason = 'x' WHERE id = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM access_audit WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE access_audit`)).rejects.toThrow(/append-only/);

    await db.exec(`
      ALTER TABLE access_audit DISABLE TRIGGER access_audit_append_only;
      UPDATE access_audit SET child_id = 'child-other' WHERE id = 123;
      ALTER TABLE access_audit ENABLE TRIGGER access_audit_append_only;`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      firstBrokenId: '123',
      problem: 'HASH_MISMATCH',
      rows: 122,
    });
  });
});
