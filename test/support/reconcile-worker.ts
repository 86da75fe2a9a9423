/**
 * Starts the hub's workers as a child process (reconcile-worker-process.ts) pointed at a given store, Redis and set
 * of agencies, and lets the caller SIGKILL it, stop it in order, or read its peak memory. Used by the fault tests
 * (kill the workers mid-run) and the reconciliation benchmark (workers' peak RSS on their own).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { logCaptureDirVariable } from '../../platform/log-capture.js';

const entry = fileURLToPath(new URL('./reconcile-worker-process.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const workerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('stats'), peakRssMb: z.number(), rssMb: z.number() }),
]);
export type WorkerMessage = z.infer<typeof workerMessage>;

/** This process's peak resident set so far (the kernel's high-water mark), in MiB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Where the workers find everything: the variables `startHub` reads for a worker-only hub. */
export interface WorkerTarget {
  /** Names the queues' keyspace (`cvh:<hubEnv>:{reconcile}`). */
  hubEnv: string;
  databaseUrl: string;
  databaseSchema: string;
  redisUrl: string;
  agencies: {
    socialCareDatabaseUrl: string;
    socialCareSchema: string;
    gpFhirBase: string;
    education: string;
    adult: string;
  };
}

export function workerEnv(target: WorkerTarget): Record<string, string> {
  return {
    HUB_ENV: target.hubEnv,
    DATABASE_URL: target.databaseUrl,
    DATABASE_SCHEMA: target.databaseSchema,
    REDIS_URL: target.redisUrl,
    // A Redis that is down is the test's business, not a reason to start another.
    REDIS_AUTOSTART: 'false',
    SIMULATORS: 'off',
    // The caller adds the nightly run itself; the workers must not schedule one of their own.
    RECONCILE_SCHEDULE: 'off',
    SOCIAL_CARE_DATABASE_URL: target.agencies.socialCareDatabaseUrl,
    SOCIAL_CARE_SCHEMA: target.agencies.socialCareSchema,
    HEALTH_FHIR_BASE_URL: target.agencies.gpFhirBase,
    EDUCATION_BASE_URL: target.agencies.education,
    ADULT_SERVICES_BASE_URL: target.agencies.adult,
  };
}

export interface ReconcileWorker {
  pid: number;
  /** Peak and current resident set of the worker process, in MiB. */
  memory(): Promise<{ peakRssMb: number; rssMb: number }>;
  /** SIGKILL: no shutdown, jobs in progress are abandoned with their locks held. Resolves once it has exited. */
  kill(): Promise<void>;
  /** Stops it as the hub stops (workers finish their jobs first); SIGKILL after 30 s. */
  close(): Promise<void>;
}

export async function startReconcileWorker(options: {
  env: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
}): Promise<ReconcileWorker> {
  const child = fork(entry, [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // The suite's log audit captures the worker's lines too.
      [logCaptureDirVariable]: process.env[logCaptureDirVariable],
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const messages: Array<(message: WorkerMessage) => void> = [];
  child.on('message', (raw) => {
    const parsed = workerMessage.safeParse(raw);
    if (parsed.success) for (const listener of messages.splice(0)) listener(parsed.data);
  });
  const next = (timeoutMs: number) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker process did not answer')), timeoutMs);
      messages.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the worker process exited (code ${child.exitCode}, ${child.signalCode})`));
      });
    });
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (running()) child.kill('SIGKILL');
    await exited;
  };

  const first = await next(120_000).catch(async (error: unknown) => {
    await kill();
    throw error;
  });
  if (first.type !== 'ready') {
    await kill();
    throw new Error(
      `the worker process did not start: ${first.type === 'failed' ? first.message : first.type}`,
    );
  }
  return {
    pid: child.pid ?? -1,
    memory: async () => {
      const answer = next(10_000);
      child.send({ type: 'stats' });
      const message = await answer;
      if (message.type !== 'stats') throw new Error(`unexpected ${message.type} from the worker process`);
      return { peakRssMb: message.peakRssMb, rssMb: message.rssMb };
    },
    kill,
    close: async () => {
      if (!running()) return;
      const timer = setTimeout(() => void kill(), 30_000);
      if (child.connected) child.send({ type: 'close' });
      else child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
