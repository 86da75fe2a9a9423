import type { Db } from './db.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';
import type { StoreConfig } from './store-config.js';

/** Opens the configured engine: PostgreSQL when a URL is configured, embedded PGlite otherwise. */
export function openStore(config: StoreConfig): Promise<Db> {
  if (config.databaseUrl !== undefined) {
    return openPostgresDb({
      url: config.databaseUrl,
      schema: config.schema,
      poolMax: config.poolMax,
      statementTimeoutMs: config.statementTimeoutMs,
    });
  }
  return openPgliteDb({ dataDir: config.pgliteDir, schema: config.schema });
}
