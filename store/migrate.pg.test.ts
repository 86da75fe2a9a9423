import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from './db.js';
import { loadMigrations, migrate } from './migrate.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function tableNames(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [db.schema],
  );
  return rows.map((row) => row.table_name);
}

describe('migrations run the same on PostgreSQL and PGlite', async () => {
  const migrations = await loadMigrations();
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'cvh-pglite-'));
  const postgres = await openPostgresDb({ url: databaseUrl, schema, poolMax: 4, statementTimeoutMs: 10_000 });
  let pglite = await openPgliteDb({ dataDir, schema: 'hub' });

  afterAll(async () => {
    await postgres.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await postgres.close();
    await pglite.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('applies every migration once, then none', async () => {
    const versions = migrations.map((migration) => migration.version);
    expect(versions.length).toBeGreaterThan(0);
    for (const db of [postgres, pglite]) {
      expect(await migrate(db, migrations)).toEqual({ applied: versions, alreadyApplied: [] });
      expect(await migrate(db, migrations)).toEqual({ applied: [], alreadyApplied: versions });
    }
    expect(await tableNames(pglite)).toEqual(await tableNames(postgres));
    expect(await tableNames(postgres)).toContain('job_runs');
  });

  it('two concurrent runs on PostgreSQL apply nothing twice', async () => {
    const second = await openPostgresDb({ url: databaseUrl, schema, poolMax: 2, statementTimeoutMs: 10_000 });
    const extra = {
      version: 9999,
      name: 'concurrency-probe',
      sql: 'CREATE TABLE probe (id int);',
      checksum: 'x',
    };
    const reports = await Promise.all([
      migrate(postgres, [...migrations, extra]),
      migrate(second, [...migrations, extra]),
    ]);
    expect(reports.map((report) => report.applied).flat()).toEqual([9999]);
    await second.close();
  });

  it('refuses to start when an applied migration was edited', async () => {
    const edited = migrations.map((migration, index) =>
      index === 0 ? { ...migration, checksum: 'edited' } : migration,
    );
    await expect(migrate(postgres, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('PGlite keeps its data across a restart from its directory', async () => {
    await pglite.query(`INSERT INTO job_runs (idempotency_key, queue, job_name) VALUES ('k1', 'q', 'j')`);
    await pglite.close();
    pglite = await openPgliteDb({ dataDir, schema: 'hub' });
    const { rows } = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM job_runs');
    expect(rows[0]?.n).toBe(1);
  });

  it('rolls a failed transaction back on both engines', async () => {
    for (const db of [postgres, pglite]) {
      await expect(
        db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO job_runs (idempotency_key, queue, job_name) VALUES ('rollback', 'q', 'j')`,
          );
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const { rows } = await db.query(`SELECT 1 FROM job_runs WHERE idempotency_key = 'rollback'`);
      expect(rows).toHaveLength(0);
    }
  });
});
