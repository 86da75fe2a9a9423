import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { assertSchemaName, type Db, type QueryResult, type Tx } from './db.js';

export interface PgliteDbOptions {
  /** Data directory, so a restart keeps its data; `memory://` for a throwaway database. */
  dataDir: string;
  schema: string;
}

/**
 * Embedded PostgreSQL (PGlite): one connection, so every statement and transaction is serialised here —
 * otherwise a query from elsewhere could run inside someone else's open transaction.
 */
export async function openPgliteDb(options: PgliteDbOptions): Promise<Db> {
  const schema = assertSchemaName(options.schema);
  if (!options.dataDir.startsWith('memory://')) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir);
  await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);

  let tail: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
  const run = async <R>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) => {
    const result = await target.query<R>(sql, params as unknown[] | undefined);
    return {
      rows: result.rows,
      rowCount: result.affectedRows ?? result.rows.length,
    } satisfies QueryResult<R>;
  };

  return {
    engine: 'pglite',
    schema,
    query: (sql, params) => serialise(() => run(pglite, sql, params)),
    transaction: (fn) =>
      serialise(() =>
        pglite.transaction(async (transaction) => {
          const tx: Tx = {
            query: (sql, params) => run(transaction, sql, params),
            exec: async (sql) => void (await transaction.exec(sql)),
          };
          return fn(tx);
        }),
      ),
    exec: (sql) => serialise(async () => void (await pglite.exec(sql))),
    ping: () => serialise(async () => void (await pglite.query('SELECT 1'))),
    close: () => serialise(() => pglite.close()),
  };
}
