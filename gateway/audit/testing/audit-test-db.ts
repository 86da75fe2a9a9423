/**
 * Test support for the audit: a freshly migrated schema of its own on the real PostgreSQL per test, sample events,
 * and a Db over a plain pool for connecting as a restricted role (openPostgresDb creates its schema, which a
 * role without CREATE on the database may not do).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Db, QueryResult, Tx } from '../../../store/db.js';
import { migrate } from '../../../store/migrate.js';
import { openPostgresDb } from '../../../store/postgres-db.js';
import type { AuditEvent } from '../audit-event.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export interface TestSchema {
  db: Db;
  schema: string;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

export async function migratedSchema(options: { poolMax?: number } = {}): Promise<TestSchema> {
  const schema = uniqueName('t_audit');
  const db = await openPostgresDb({
    url: testDatabaseUrl,
    schema,
    poolMax: options.poolMax ?? 4,
    statementTimeoutMs: 20_000,
  });
  await migrate(db);
  return {
    db,
    schema,
    async drop() {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** A Db on an existing schema through a plain pool (no CREATE SCHEMA at start). */
export function poolDb(url: string, schema: string, poolMax = 4): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    options: `-c search_path=${schema},public`,
  });
  pool.on('error', () => undefined);
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const result = await client.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<R>;
  };
  return {
    engine: 'postgres',
    schema,
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Tx = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => void (await client.query(sql)),
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => pool.end(),
  };
}

let counter = 0;

/** A valid event with made-up ids (no personal data anywhere in these tests). */
export function sampleEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  counter += 1;
  return {
    requestId: `req-${counter}`,
    userId: 'user-1',
    role: 'SOCIAL_WORKER',
    organisation: 'org-la-1',
    purpose: 'SAFEGUARDING_ENQUIRY',
    childId: `child-${counter % 7}`,
    categories: ['education.attendance', 'health.immunisations'],
    fields: ['child.education.attendance.sessions', 'child.health.immunisations.vaccine'],
    outcome: 'ALLOWED',
    reason: null,
    grant: 'RELATIONSHIP',
    ...overrides,
  };
}
