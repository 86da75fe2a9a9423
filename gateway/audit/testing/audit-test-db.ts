/**
 * Test support for the audit: a freshly migrated schema of its own on the real PostgreSQL per test, sample events,
 * and a Db over a plain pool for connecting as a restricted role (openPostgresDb creates its schema, which a
 * role without CREATE on the database may not do).
 */
import pg from 'pg';
import type { Db, QueryResult, Tx } from '../../../store/db.js';
import {
  migratedSchema as migratedStoreSchema,
  type TestSchema,
} from '../../../store/testing/migrated-schema.js';
import type { AuditEvent } from '../../../store/audit/audit-event.js';

export { testDatabaseUrl, uniqueName, type TestSchema } from '../../../store/testing/migrated-schema.js';

export function migratedSchema(options: { poolMax?: number } = {}): Promise<TestSchema> {
  return migratedStoreSchema({ ...options, prefix: 't_audit' });
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
