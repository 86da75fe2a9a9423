import pg from 'pg';
import type { Population } from '../../population/model.js';
import { loadPopulation } from '../load/load-population.js';
import { createSsdSchema, dropSsdSchema } from '../ssd-schema/create-schema.js';
import { createReadOnlyRole, dropReadOnlyRole } from '../ssd-schema/read-only-role.js';
import type { SqlClient } from '../sql-client.js';
import { sqlIdentifier } from '../sql-client.js';
import { randomHex } from './random-secret.js';
import type { SsdDatabase } from './ssd-database.js';

export interface PostgresDatabaseOptions {
  /** Owner connection: must be allowed to create schemas and roles. */
  url: string;
  /** The schema the simulator owns: dropped and rebuilt at start. */
  schema: string;
  population: Population;
  /** Cluster-wide, so unique per simulator; default `ssd_reader_<random>`. */
  readerRole?: string;
  /** The read-only role's password; random by default (set it when another container must log in). */
  readerPassword?: string;
  /** Drop the schema on close (tests); default false, so the data stays for inspection. */
  dropSchemaOnClose?: boolean;
}

function upstreamOf(url: string): { host: string; port: number; database: string } {
  const parsed = new URL(url);
  if (parsed.hostname === '') throw new Error('the PostgreSQL url must name a TCP host');
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}

async function inTransaction<T>(client: pg.PoolClient, work: (client: SqlClient) => Promise<T>): Promise<T> {
  await client.query('BEGIN READ WRITE');
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The SSD in a schema of a real PostgreSQL server, with a read-only login for the hub. */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<SsdDatabase> {
  const schema = sqlIdentifier(options.schema);
  const readerRole = sqlIdentifier(options.readerRole ?? `ssd_reader_${randomHex(6)}`);
  const password = options.readerPassword ?? randomHex(16);
  const upstream = upstreamOf(options.url);
  const pool = new pg.Pool({ connectionString: options.url, max: 4 });

  const setup = await pool.connect();
  try {
    await dropSsdSchema(setup, schema);
    await createSsdSchema(setup, schema);
    await loadPopulation(setup, schema, options.population);
    await dropReadOnlyRole(setup, readerRole);
    await createReadOnlyRole(setup, schema, readerRole, password);
  } catch (error) {
    // Leave nothing half-built behind on a shared server.
    await dropReadOnlyRole(setup, readerRole).catch(() => undefined);
    await dropSsdSchema(setup, schema).catch(() => undefined);
    setup.release();
    await pool.end();
    throw error;
  }
  setup.release();

  return {
    kind: 'postgres',
    upstream: { host: upstream.host, port: upstream.port },
    databaseName: upstream.database,
    schema,
    reader: { user: readerRole, password },
    withWriteTransaction: async (work) => {
      const client = await pool.connect();
      try {
        return await inTransaction(client, work);
      } finally {
        client.release();
      }
    },
    onClientsIdle: async () => {},
    close: async () => {
      try {
        await dropReadOnlyRole(pool, readerRole);
        if (options.dropSchemaOnClose) await dropSsdSchema(pool, schema);
      } finally {
        await pool.end();
      }
    },
  };
}
