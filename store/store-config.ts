import { z } from 'zod';
import { defineConfigSection, envInt, envUrl } from '../platform/config.js';

export interface StoreConfig {
  /** Real PostgreSQL; when absent the hub uses embedded PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  schema: string;
  poolMax: number;
  statementTimeoutMs: number;
}

export const storeConfigSection = defineConfigSection(
  'store',
  {
    DATABASE_URL: envUrl(['postgres', 'postgresql']).optional(),
    PGLITE_DIR: z.string().default('.data/pglite'),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
      .default('hub'),
    DATABASE_POOL_MAX: envInt(10, { min: 1, max: 200 }),
    DATABASE_STATEMENT_TIMEOUT_MS: envInt(10_000, { min: 100, max: 600_000 }),
  },
  (env): StoreConfig => ({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    schema: env.DATABASE_SCHEMA,
    poolMax: env.DATABASE_POOL_MAX,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
  }),
);
