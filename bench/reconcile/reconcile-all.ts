/**
 * The nightly reconciliation end to end: `reconcile-all` fans out, and the hub's workers reconcile every child of
 * the demo population against every registered rule, reading through the real connectors from the agency
 * simulators, auditing their reads and storing findings in PostgreSQL.
 *
 * Three processes, so each one's cost is its own: the simulators (bench/child-view/simulators-process.ts;
 * RECONCILE_BENCH_SIZE children, default 10,000, seed 20261125, as of now; social care on PostgreSQL at
 * TEST_DATABASE_URL); the hub's workers (test/support/reconcile-worker-process.ts: `startHub` with workers only,
 * NODE_ENV=production, the connectors' default timeouts and retries), whose peak RSS is the kernel's high-water
 * mark for that process alone; and this one, which builds the store and the identity index first (hub-side.ts, as
 * the child-view benchmark does), then adds the run and watches the queues (Redis on 127.0.0.1:6379, a keyspace
 * of its own).
 *
 * Timed: from adding `reconcile-all` to the last `reconcile-child` batch finished. Upstream requests are the
 * simulators' own counters over the run: HTTP requests for GP, education and adult services; SQL statements per
 * Standard Safeguarding Dataset table for social care. RECONCILE_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of
 * the worker process there.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Job, Queue } from 'bullmq';
import { z } from 'zod';
import type { JobDefinition } from '../../jobs/define-job.js';
import { reconcileAllJob } from '../../jobs/reconcile-all/index.js';
import { reconcileChildJob } from '../../jobs/reconcile-child/index.js';
import { reconciliationActor } from '../../jobs/reconcile-child/reconcile-children.js';
import { rules } from '../../jobs/rules/registry.js';
import { createQueues } from '../../jobs/worker-host.js';
import { createRedis, keyspace } from '../../platform/redis.js';
import {
  startReconcileWorker,
  workerEnv,
  type ReconcileWorker,
} from '../../test/support/reconcile-worker.js';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';
import { startProcess, type StartedProcess } from '../child-view/child-process.js';
import { setUpHubSide, type HubSide } from '../child-view/hub-side.js';
import type { SimulatorsReady, SimulatorsStart } from '../child-view/simulators-process.js';

const SEED = 20_261_125;
const REDIS_URL = 'redis://127.0.0.1:6379';

const envSchema = z.object({
  RECONCILE_BENCH_SIZE: z.coerce.number().int().min(100).max(200_000).default(10_000),
  RECONCILE_BENCH_CPU_PROF: z.string().min(1).optional(),
  TEST_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
});

const countersSchema = z.object({ total: z.number(), counts: z.record(z.string(), z.number()) });

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const reconcileAllBenchmark: Benchmark = {
  name: 'reconcile-all',
  description:
    'Nightly reconciliation end to end: every child against every rule, workers in their own process',
  async run(): Promise<BenchmarkResult> {
    const env = envSchema.parse(process.env);
    const profileDir =
      env.RECONCILE_BENCH_CPU_PROF === undefined ? undefined : resolve(env.RECONCILE_BENCH_CPU_PROF);
    if (profileDir !== undefined) await mkdir(profileDir, { recursive: true });
    const hubEnv = `bench-rc-${randomBytes(4).toString('hex')}`;
    const naming = keyspace(hubEnv);
    let simulators: StartedProcess<SimulatorsReady> | undefined;
    let hub: HubSide | undefined;
    let worker: ReconcileWorker | undefined;
    let queues: Map<string, Queue> | undefined;
    try {
      const setUpStarted = performance.now();
      simulators = await startProcess<SimulatorsStart, SimulatorsReady>({
        module: './simulators-process.ts',
        start: {
          seed: SEED,
          size: env.RECONCILE_BENCH_SIZE,
          asOf: new Date().toISOString(),
          databaseUrl: env.TEST_DATABASE_URL,
        },
      });
      const { urls, socialCareSchema } = simulators.ready;
      const agencies = {
        socialCareDatabaseUrl: urls.socialCareDatabase,
        socialCareSchema,
        gpFhirBase: urls.gpFhirBase,
        education: urls.education,
        adult: urls.adult,
      };
      // The store and the identity index, built as the identity-sync job builds it.
      hub = await setUpHubSide({
        databaseUrl: env.TEST_DATABASE_URL,
        redisUrl: REDIS_URL,
        connectorEnv: {
          SOCIAL_CARE_DATABASE_URL: agencies.socialCareDatabaseUrl,
          SOCIAL_CARE_SCHEMA: agencies.socialCareSchema,
          HEALTH_FHIR_BASE_URL: agencies.gpFhirBase,
          EDUCATION_BASE_URL: agencies.education,
          ADULT_SERVICES_BASE_URL: agencies.adult,
        },
      });
      const setUpSeconds = (performance.now() - setUpStarted) / 1000;
      worker = await startReconcileWorker({
        env: {
          ...workerEnv({
            hubEnv,
            databaseUrl: env.TEST_DATABASE_URL,
            databaseSchema: hub.db.schema,
            redisUrl: REDIS_URL,
            agencies,
          }),
          NODE_ENV: 'production',
        },
        ...(profileDir === undefined ? {} : { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] }),
      });
      const atReady = await worker.memory();
      queues = createQueues([reconcileChildJob, reconcileAllJob] as JobDefinition[], connection(), naming);

      const admins = {
        'social-care': urls.socialCareAdmin,
        gp: urls.gpAdmin,
        education: urls.educationAdmin,
        adult: urls.adultAdmin,
      };
      await Promise.all(Object.values(admins).map((url) => post(`${url}/admin/counters/reset`)));
      const load = loadavg()[0] ?? 0;
      const started = performance.now();
      const fanOut = await queues.get('reconcile-all')!.add('reconcile-all', { runId: 'bench' });
      const batches = await untilDone(fanOut, queues.get('reconcile-child')!);
      const seconds = (performance.now() - started) / 1000;
      const memory = await worker.memory();
      const counters = Object.fromEntries(
        await Promise.all(
          Object.entries(admins).map(async ([agency, url]) => [
            agency,
            countersSchema.parse(await (await fetch(`${url}/admin/counters`)).json()),
          ]),
        ),
      ) as Record<keyof typeof admins, z.infer<typeof countersSchema>>;

      const figures = await storeFigures(hub);
      const per100 = (requests: number) => round((requests * 100) / figures.children, 2);
      const socialCareTables = Object.entries(counters['social-care'].counts).sort(([a], [b]) =>
        a.localeCompare(b),
      );
      const busiestTable = Math.max(0, ...socialCareTables.map(([, n]) => n));
      const figure = (name: string, value: number, unit: string): Record<string, Figure> => ({
        figure: name,
        value,
        unit,
      });
      return {
        rows: [
          figure('children', figures.children, 'in the identity index'),
          figure(
            'children reconciled',
            figures.reconciled,
            `with an assessment for each of ${rules.length} rules`,
          ),
          figure('seconds', round(seconds, 2), 'reconcile-all added → last batch done (target ≤ 30)'),
          figure('children/s', round(figures.children / seconds), ''),
          figure('batches', batches.completed, `reconcile-child jobs completed (${batches.failed} failed)`),
          figure('GP per 100 children', per100(counters.gp.total), 'HTTP requests (target 1)'),
          figure('education per 100 children', per100(counters.education.total), 'HTTP requests (target 1)'),
          figure('adult per 100 children', per100(counters.adult.total), 'HTTP requests (target 1)'),
          figure(
            'social care per 100 children',
            per100(busiestTable),
            'SQL statements on the busiest SSD table (target 1)',
          ),
          figure('findings opened', figures.findings, 'open findings after the run'),
          figure('not assessed', figures.notAssessed, 'rule assessments a rule could not decide'),
          figure('worker peak RSS MB', round(memory.peakRssMb), `at ready ${round(atReady.peakRssMb)} MB`),
          figure('audit rows', figures.auditRows, `${reconciliationActor.userId}, purpose RECONCILIATION`),
        ],
        notes: [
          `population ${env.RECONCILE_BENCH_SIZE} (seed ${SEED}); identity index ${JSON.stringify(hub.identity.records)}; ` +
            `set-up (simulators, store, identity sync) ${round(setUpSeconds)} s; 1-min load average at start ${round(load, 2)}`,
          `social care SQL statements per SSD table over the run: ${socialCareTables.map(([t, n]) => `${t} ${n}`).join(', ')}`,
          `GP ${JSON.stringify(counters.gp.counts)}; education ${JSON.stringify(counters.education.counts)}; ` +
            `adult ${JSON.stringify(counters.adult.counts)}`,
          `not assessed by reason: ${JSON.stringify(figures.notAssessedByReason)}; findings by severity ` +
            `${JSON.stringify(figures.findingsBySeverity)}`,
          ...(profileDir === undefined ? [] : [`worker CPU profile written to ${profileDir} on exit`]),
        ],
      };
    } finally {
      await worker?.close();
      for (const queue of queues?.values() ?? []) {
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      await deleteKeys(naming.key('*'));
      await hub?.close();
      await simulators?.close();
    }
  },
};

function connection() {
  return { url: REDIS_URL, maxRetriesPerRequest: null };
}

async function post(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status}`);
}

/** Until the fan-out has finished and no batch is waiting, active or delayed. */
async function untilDone(fanOut: Job, batches: Queue): Promise<{ completed: number; failed: number }> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const state = await fanOut.getState();
    const counts = await batches.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0);
    if (state === 'completed' && pending === 0)
      return { completed: counts.completed ?? 0, failed: counts.failed ?? 0 };
    if (state === 'failed') throw new Error('reconcile-all failed');
    if (Date.now() > deadline) throw new Error(`the run did not finish in 30 min: ${JSON.stringify(counts)}`);
    await sleep(100);
  }
}

async function storeFigures(hub: HubSide) {
  const one = async (sql: string, params: unknown[] = []) =>
    (await hub.db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
  const grouped = async (sql: string) =>
    Object.fromEntries((await hub.db.query<{ k: string; n: number }>(sql)).rows.map((row) => [row.k, row.n]));
  return {
    children: await one('SELECT count(*)::int AS n FROM children'),
    reconciled: await one(
      `SELECT count(*)::int AS n FROM (SELECT child_id FROM rule_assessments GROUP BY child_id
         HAVING count(*) = $1) c`,
      [rules.length],
    ),
    findings: await one(`SELECT count(*)::int AS n FROM findings WHERE status = 'OPEN'`),
    findingsBySeverity: await grouped(
      `SELECT severity AS k, count(*)::int AS n FROM findings WHERE status = 'OPEN' GROUP BY severity`,
    ),
    notAssessed: await one(`SELECT count(*)::int AS n FROM rule_assessments WHERE state = 'NOT_ASSESSED'`),
    notAssessedByReason: await grouped(
      `SELECT reason AS k, count(*)::int AS n FROM rule_assessments WHERE state = 'NOT_ASSESSED' GROUP BY reason`,
    ),
    auditRows: await one(
      `SELECT count(*)::int AS n FROM access_audit WHERE user_id = $1 AND purpose = 'RECONCILIATION'`,
      [reconciliationActor.userId],
    ),
  };
}

async function deleteKeys(pattern: string): Promise<void> {
  const redis = createRedis(
    { url: REDIS_URL, autostart: false, connectTimeoutMs: 2000 },
    { connectionName: 'bench-reconcile-all', failFast: true },
  );
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (found.length > 0) await redis.del(...found);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
