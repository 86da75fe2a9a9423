import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { applyAppRole } from '../../store/roles/app-role.js';
import { endAccessGrant, startAccessGrant } from './access-grants.js';
import { verifyAuditChain } from '../../store/audit/audit-chain.js';
import { acknowledgeAlert, detectUnusualVolume, openAlerts } from './audit-queries.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import {
  migratedSchema,
  poolDb,
  sampleEvent,
  testDatabaseUrl,
  uniqueName,
  type TestSchema,
} from './testing/audit-test-db.js';

// The deployment shape: tables owned by the migrating role (here the superuser the tests use), the hub running as
// a separate login role set up by store/roles/app-role.sql.
describe('the hub running as the app role (store/roles/app-role.sql)', () => {
  const role = uniqueName('t_app');
  let owner: TestSchema;
  let app: Db;

  beforeAll(async () => {
    owner = await migratedSchema();
    await owner.db.exec(`CREATE ROLE ${role} LOGIN`);
    await applyAppRole(owner.db, role);
    const url = new URL(testDatabaseUrl);
    url.username = role;
    url.password = '';
    app = poolDb(url.toString(), owner.schema);
  });

  afterAll(async () => {
    await app?.close();
    await owner.drop();
    const cleanup = poolDb(testDatabaseUrl, 'public', 1);
    await cleanup.exec(`DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`);
    await cleanup.close();
  });

  it('appends and reads the audit, and verifies the chain', async () => {
    const writer = new AuditWriter(app);
    await Promise.all(Array.from({ length: 50 }, () => writer.record([sampleEvent()])));
    await writer.close();
    expect(await verifyAuditChain(app)).toMatchObject({ ok: true, rows: 50 });
    const { rows } = await app.query<{ user: string }>('SELECT current_user AS user');
    expect(rows[0]?.user).toBe(role);
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit rows, nor switch the trigger off', async () => {
    await expect(app.query(`UPDATE access_audit SET reason = 'x' WHERE id = 1`)).rejects.toThrow(
      /permission denied for table access_audit/,
    );
    await expect(app.query(`DELETE FROM access_audit WHERE id = 1`)).rejects.toThrow(
      /permission denied for table access_audit/,
    );
    await expect(app.query(`TRUNCATE access_audit`)).rejects.toThrow(
      /permission denied for table access_audit/,
    );
    await expect(
      app.query(`ALTER TABLE access_audit DISABLE TRIGGER access_audit_append_only`),
    ).rejects.toThrow(/must be owner of table access_audit/);
    await expect(app.query(`SELECT setval('access_audit_id_seq', 1)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied for schema/);
    expect(await verifyAuditChain(owner.db)).toMatchObject({ ok: true, rows: 50 });
  });

  it('has ordinary rights elsewhere, and may end grants and acknowledge alerts but not delete them', async () => {
    await app.query(`INSERT INTO job_runs (idempotency_key, queue, job_name) VALUES ('k', 'q', 'j')`);
    await app.query(`UPDATE job_runs SET result = '{}' WHERE idempotency_key = 'k'`);
    await app.query(`DELETE FROM job_runs WHERE idempotency_key = 'k'`);
    await expect(
      app.query(`INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'x', 'y')`),
    ).rejects.toThrow(/permission denied/);

    const actor = { userId: 'user-9', role: 'GP', organisation: 'org-gp-1' };
    const grant = await startAccessGrant(app, {
      actor,
      childId: 'child-9',
      kind: 'SELF_CLAIMED',
      reason: 'New referral allocated to me today.',
      purpose: 'SAFEGUARDING_ENQUIRY',
      requestId: 'req-grant',
      durationMinutes: 30,
    });
    expect(await endAccessGrant(app, { grantId: grant.id, actor, requestId: 'req-end' })).toMatchObject({
      endedBy: 'user-9',
    });
    await expect(app.query(`UPDATE access_grants SET reason = 'rewritten'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`DELETE FROM access_grants`)).rejects.toThrow(/permission denied/);

    const [alert] = (await openAlerts(app)).items;
    expect(alert?.kind).toBe('SELF_CLAIMED_ACCESS');
    expect(await acknowledgeAlert(app, { alertId: alert?.id ?? '', by: 'privacy-officer-1' })).toMatchObject({
      status: 'ACKNOWLEDGED',
    });
    await expect(app.query(`DELETE FROM privacy_alerts`)).rejects.toThrow(/permission denied/);
    await expect(detectUnusualVolume(app, { threshold: 1000 })).resolves.toEqual([]);
    expect(await verifyAuditChain(app)).toMatchObject({ ok: true, rows: 52 });
  });

  it('keeps panel lists and alert notes as history: members and children are marked removed, never deleted', async () => {
    await owner.db.query(`INSERT INTO panels (code, name, created_by) VALUES ('P1', 'Panel', 'owner')`);
    await owner.db.query(`INSERT INTO children (id) VALUES ('child-1')`);
    await app.query(
      `INSERT INTO panel_members (panel_code, email, added_by) VALUES ('P1', 'a@council.example', 'm')`,
    );
    await app.query(
      `INSERT INTO panel_children (panel_code, child_id, added_by) VALUES ('P1', 'child-1', 'm')`,
    );
    await app.query(
      `UPDATE panel_children SET removed_by = 'm', removed_at = now() WHERE child_id = 'child-1'`,
    );
    await expect(app.query(`UPDATE panel_children SET child_id = 'child-2'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`DELETE FROM panel_members`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM privacy_alert_notes`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE privacy_alert_notes SET note = 'x'`)).rejects.toThrow(/permission denied/);
  });

  it('refuses to set up a superuser as the app role', async () => {
    await expect(applyAppRole(owner.db, 'postgres')).rejects.toThrow(/superuser/);
  });
});
