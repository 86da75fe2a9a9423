/**
 * The intake benchmark's receiving side, in its own process so that its memory is the intake's alone: the feed
 * routes on the gateway's HTTP stack, against the real PostgreSQL (a schema of its own), with a caller allowed to
 * send feeds. RSS is sampled every 10 ms; GET /bench/rss answers the peak since POST /bench/rss/reset, and the
 * process's CPU time since then.
 */
import { buildSchema } from 'graphql';
import { openTestAccess } from '../../gateway/access/testing.js';
import { feedIntakeConfigSection } from '../../gateway/feed-intake/feed-intake-config.js';
import { registerFeedIntakeRoutes } from '../../gateway/feed-intake/feed-intake-routes.js';
import { buildGateway } from '../../gateway/server.js';
import { parseConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { serveInChildProcess } from '../child-view/child-process.js';

export interface IntakeServerStart {
  databaseUrl: string;
  schema: string;
  batchRows: number;
}

export interface IntakeServerReady {
  url: string;
}

export interface RssFigures {
  /** RSS when the window was reset, and its highest sample since (bytes). */
  startRss: number;
  peakRss: number;
  /** CPU time (user + system) this process used since the reset, in seconds. */
  cpuSeconds: number;
}

serveInChildProcess<IntakeServerStart, IntakeServerReady>(async ({ databaseUrl, schema, batchRows }) => {
  const db = await openPostgresDb({ url: databaseUrl, schema, poolMax: 4, statementTimeoutMs: 120_000 });
  await migrate(db);
  const logger = createLogger({ service: 'bench-intake', level: 'silent' });
  const config = parseConfig(
    { feedIntake: feedIntakeConfigSection },
    { FEED_INTAKE_BATCH_ROWS: String(batchRows) },
  ).feedIntake;
  let rss = { startRss: process.memoryUsage.rss(), peakRss: process.memoryUsage.rss() };
  let cpuAtReset = process.cpuUsage();
  const sampler = setInterval(() => {
    rss.peakRss = Math.max(rss.peakRss, process.memoryUsage.rss());
  }, 10);
  const access = openTestAccess();
  const app = await buildGateway({
    config: {
      host: '127.0.0.1',
      port: 0,
      shutdownGraceMs: 1000,
      introspection: false,
      bodyLimitBytes: 1_048_576,
      maxBatchSize: 100,
    },
    nodeEnv: 'production',
    logger,
    schema: buildSchema('type Query { ok: Boolean }'),
    readinessChecks: [],
    access,
    routes: [
      (instance) =>
        registerFeedIntakeRoutes(instance, { config, db, logger, access, enqueue: async () => undefined }),
      (instance) => {
        instance.post('/bench/rss/reset', async () => {
          global.gc?.();
          const now = process.memoryUsage.rss();
          rss = { startRss: now, peakRss: now };
          cpuAtReset = process.cpuUsage();
          return { ...rss, cpuSeconds: 0 };
        });
        instance.get('/bench/rss', async (): Promise<RssFigures> => {
          const cpu = process.cpuUsage(cpuAtReset);
          return { ...rss, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
        });
      },
    ],
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    ready: { url },
    close: async () => {
      clearInterval(sampler);
      await app.close();
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await db.close();
    },
  };
});
