import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { Population } from '../../population/model.js';
import { loadPopulation } from '../load/load-population.js';
import { createSsdSchema, dropSsdSchema } from '../ssd-schema/create-schema.js';
import { createReadOnlyRole, dropReadOnlyRole } from '../ssd-schema/read-only-role.js';
import type { SqlClient } from '../sql-client.js';
import { sqlIdentifier } from '../sql-client.js';
import type { SsdDatabase } from './ssd-database.js';
import { SerialQueue } from './ssd-database.js';

export interface PgliteDatabaseOptions {
  /** Keep the database in this directory; in memory when absent. */
  dataDir?: string;
  schema: string;
  population: Population;
  /** Most connections the socket server accepts at once; default 32. */
  maxConnections?: number;
}

const readerRole = 'ssd_reader';
// PGlite ignores the login a client gives (it has one user), so the password is never checked.
const readerPassword = 'pglite-ignores-passwords';

/**
 * PGlite serves every socket connection from ONE backend session: whatever a client sets (role, search path,
 * prepared statements) every later client inherits. So the session is put in the hub's read-only shape up front
 * and put back into it whenever the last hub connection closes.
 */
function readerSessionSql(schema: string): string {
  return `SET ROLE ${readerRole}; SET default_transaction_read_only = on; SET search_path = ${schema}`;
}

/** The SSD in an embedded PGlite, served on a loopback port over the PostgreSQL wire protocol. */
export async function openPgliteDatabase(options: PgliteDatabaseOptions): Promise<SsdDatabase> {
  const schema = sqlIdentifier(options.schema);
  const db = options.dataDir === undefined ? await PGlite.create() : await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 32,
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  // The simulator's own connection (loading, writes, session resets) goes straight to the socket server.
  const owner = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  const serial = new SerialQueue();

  try {
    await owner.connect();
    await owner.query('RESET ROLE');
    await dropSsdSchema(owner, schema);
    await createSsdSchema(owner, schema);
    await loadPopulation(owner, schema, options.population);
    await dropReadOnlyRole(owner, readerRole);
    await createReadOnlyRole(owner, schema, readerRole);
    await owner.query(readerSessionSql(schema));
  } catch (error) {
    await owner.end().catch(() => undefined);
    await server.stop();
    await db.close();
    throw error;
  }

  const withWriteTransaction = <T>(work: (client: SqlClient) => Promise<T>): Promise<T> =>
    serial.run(async () => {
      // READ WRITE overrides the session's read-only default; SET LOCAL ROLE NONE acts as the owner until COMMIT.
      await owner.query('BEGIN READ WRITE');
      try {
        await owner.query('SET LOCAL ROLE NONE');
        const result = await work(owner);
        await owner.query('COMMIT');
        return result;
      } catch (error) {
        await owner.query('ROLLBACK');
        throw error;
      }
    });

  return {
    kind: 'pglite',
    upstream: { host: '127.0.0.1', port },
    databaseName: 'postgres',
    schema,
    reader: { user: readerRole, password: readerPassword },
    withWriteTransaction,
    onClientsIdle: () =>
      serial.run(async () => {
        await owner.query(`CLOSE ALL; DEALLOCATE ALL; RESET ALL; ${readerSessionSql(schema)}`);
      }),
    close: async () => {
      await serial.run(async () => {
        await owner.end().catch(() => undefined);
      });
      await server.stop();
      await db.close();
    },
  };
}
