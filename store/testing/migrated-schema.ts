/**
 * For tests that need the hub's tables on the real PostgreSQL: a freshly migrated schema of their own, dropped
 * afterwards. Only tests import this.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { migrate } from '../migrate.js';
import { openPostgresDb } from '../postgres-db.js';

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

export async function migratedSchema(
  options: { poolMax?: number; prefix?: string } = {},
): Promise<TestSchema> {
  const schema = uniqueName(options.prefix ?? 't_store');
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
