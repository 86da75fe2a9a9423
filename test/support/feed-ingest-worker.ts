/**
 * The ingest-feed worker in a process of its own (jobs/ingest-feed/testing/ingest-worker-process.ts: the real
 * job, a 2 s lock so another worker takes a dead one's job over within seconds), started against a test's store
 * and Redis, for the fault tests to SIGKILL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { logCaptureDirVariable } from '../../platform/log-capture.js';

const entry = fileURLToPath(
  new URL('../../jobs/ingest-feed/testing/ingest-worker-process.ts', import.meta.url),
);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface IngestWorkerTarget {
  redisUrl: string;
  /** Names the queues' keyspace. */
  hubEnv: string;
  databaseUrl: string;
  schema: string;
  /** The worker's clock. */
  now: Date;
}

export interface IngestWorker {
  /** Resolves once it listens; rejects if it exits first. */
  ready: Promise<void>;
  /** SIGKILL: no shutdown, the job it holds keeps its lock until the lock expires. Resolves once it has exited. */
  kill(): Promise<void>;
}

export function spawnIngestWorker(target: IngestWorkerTarget): IngestWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      [logCaptureDirVariable]: process.env[logCaptureDirVariable],
      INGEST_TEST_REDIS_URL: target.redisUrl,
      INGEST_TEST_HUB_ENV: target.hubEnv,
      INGEST_TEST_DATABASE_URL: target.databaseUrl,
      INGEST_TEST_SCHEMA: target.schema,
      INGEST_TEST_NOW: target.now.toISOString(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('ready')) resolve();
    });
    void exited.then(() =>
      reject(new Error(`the ingest worker exited (${child.exitCode}, ${child.signalCode})`)),
    );
  });
  // A worker killed before it was ready must not leave an unhandled rejection behind.
  ready.catch(() => undefined);
  return {
    ready,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
