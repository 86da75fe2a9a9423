/**
 * The real hub for the feeds end-to-end test, spawned as `npm start` runs it (embedded simulators, demo
 * population, gateway and workers in one process), but on the real PostgreSQL in a schema of its own so the test
 * can look at what the feeds landed, and under its own HUB_ENV so its queues and Redis keys are its own. Tokens
 * are minted for demo users (or any user) with the hub's local key, exactly as mint-token-cli.ts does.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { z } from 'zod';
import { mintTokenFromArgs } from '../../gateway/auth/mint-token.js';
import { keyspace } from '../../platform/redis.js';
import type { Db } from '../../store/db.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { testDatabaseUrl } from '../../store/testing/migrated-schema.js';
import { spawnHub, type SpawnedHub } from './spawn-hub.js';

export interface FeedE2eHub {
  hub: SpawnedHub;
  url: string;
  /** The demo mailbox's HTTP listing (…/messages). */
  mailboxUrl: string;
  /** The hub's own store (its schema on the real PostgreSQL). */
  db: Db;
  populationSeed: number;
  populationSize: number;
  /** A token for a demo user (`--demo ROLE`) or any user (`--role … --email …`), as the CLI mints it. */
  token(args: readonly string[]): Promise<string>;
  stop(): Promise<{ code: number | null }>;
}

const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const uniqueSuffix = () => randomUUID().replaceAll('-', '').slice(0, 10);

export async function startFeedE2eHub(options: {
  populationSeed: number;
  populationSize: number;
}): Promise<FeedE2eHub> {
  const suffix = uniqueSuffix();
  const schema = `t_feeds_e2e_${suffix}`;
  const hubEnv = `feeds-e2e-${suffix}`;
  // The social care simulator's tables go to ssd_<HUB_ENV> on the same server; dropped on a clean exit.
  const simulatorSchema = `ssd_${hubEnv.replaceAll('-', '_')}`;
  const hub = await spawnHub({
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: testRedisUrl,
    HUB_ENV: hubEnv,
    DEMO_POPULATION_SIZE: String(options.populationSize),
    DEMO_SEED: String(options.populationSeed),
  });
  let db: Db | undefined;
  // What the hub leaves behind: its schemas, and its queues' and caches' keys under its HUB_ENV.
  const dropState = async () => {
    const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 1 });
    try {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.query(`DROP SCHEMA IF EXISTS ${simulatorSchema} CASCADE`);
    } finally {
      await pool.end();
    }
    const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${keyspace(hubEnv).key()}:*`, 'COUNT', 500);
        if (found.length > 0) await redis.del(...found);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  };
  try {
    const url = await hub.url;
    const mailbox = /mailbox: (http:\/\/[\d.:]+)\/messages/.exec(hub.stdout());
    if (!mailbox?.[1]) throw new Error('the hub did not print the demo mailbox address');
    db = await openPostgresDb({ url: testDatabaseUrl, schema, poolMax: 2, statementTimeoutMs: 20_000 });
    const keyDir = join(hub.dataDir, 'auth');
    const opened = db;
    return {
      hub,
      url,
      mailboxUrl: `${mailbox[1]}/messages`,
      db: opened,
      populationSeed: options.populationSeed,
      populationSize: options.populationSize,
      token: (args) => mintTokenFromArgs(args, { AUTH_LOCAL_KEY_DIR: keyDir }),
      stop: async () => {
        let code: number | null = null;
        try {
          if (hub.child.exitCode === null && hub.child.signalCode === null) {
            hub.child.kill('SIGTERM');
            code = (await hub.exited).code;
          }
        } finally {
          await opened.close();
          await hub.cleanup();
          await dropState();
        }
        return { code };
      },
    };
  } catch (error) {
    await db?.close();
    await hub.cleanup();
    await dropState();
    throw error;
  }
}

// ─── GraphQL over HTTP ───

const graphQLAnswer = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});
export type GraphQLAnswer = z.output<typeof graphQLAnswer>;

export async function graphql(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return graphQLAnswer.parse(await response.json());
}

/** The error codes of an answer, in order. */
export function errorCodes(answer: GraphQLAnswer): string[] {
  return (answer.errors ?? []).map((error) => String(error.extensions?.['code'] ?? 'NONE'));
}

/** Waits for `probe` to give a value (not undefined), polling; the last probe's failure if it never does. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs, intervalMs = 250, what }: { timeoutMs: number; intervalMs?: number; what: string },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
