import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import { migratedSchema, sampleEvent, testDatabaseUrl, type TestSchema } from './testing/audit-test-db.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('./verify-audit-cli.ts', import.meta.url));

function runCli(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('verify-audit-cli', () => {
  let store: TestSchema;
  let env: Record<string, string>;

  beforeAll(async () => {
    store = await migratedSchema();
    env = { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: store.schema };
    const writer = new AuditWriter(store.db);
    await Promise.all(Array.from({ length: 25 }, () => writer.record([sampleEvent()])));
    await writer.close();
  });
  afterAll(async () => {
    await store.drop();
  });

  // Each spawn starts tsx (seconds on a busy machine), so the cases are split to keep under the test timeout.
  it('prints one line and exits 0 on an intact chain', async () => {
    const intact = await runCli(env, ['--batch-size', '10']);
    expect(intact.status).toBe(0);
    expect(intact.stdout.trim().split('\n')).toHaveLength(1);
    expect(intact.stdout).toMatch(
      /^audit chain OK: 25 rows verified in [\d.]+ s \(postgres, schema t_audit_\w+; head id 25 hash [\da-f]{64}\)\n$/,
    );
  });

  it('exits 1 on a broken chain, naming the first broken id', async () => {
    await store.db.exec(`
      ALTER TABLE access_audit DISABLE TRIGGER access_audit_append_only;
      UPDATE access_audit SET outcome = 'DENIED' WHERE id = 11;
      ALTER TABLE access_audit ENABLE TRIGGER access_audit_append_only;`);
    const broken = await runCli(env);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(
      /^audit chain BROKEN at id 11 \(HASH_MISMATCH; 10 rows intact before it; postgres/,
    );
    expect((await runCli(env, ['--from-id', '12'])).status).toBe(0);
  });

  it('exits 2 when it cannot check', async () => {
    const unreachable = await runCli({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' });
    expect(unreachable.status).toBe(2);
    expect(unreachable.stderr).toMatch(/^audit chain could not be checked: .*ECONNREFUSED/);
    expect((await runCli(env, ['--batch-size', 'lots'])).status).toBe(2);
  });
});
