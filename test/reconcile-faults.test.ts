/**
 * The nightly reconciliation under faults, with the hub's workers in a process of their own
 * (support/reconcile-worker.ts) and the queues on a private redis-server this file may crash
 * (support/private-redis-server.ts). A clean run by one worker process sets the reference; then:
 * - the worker process is SIGKILLed three times while it holds jobs, and restarted each time;
 * - Redis crashes (SIGKILL, AOF as in production) mid-run and comes back on the same port and data;
 * - Redis comes back with nothing, and the run is added again under the same id.
 * Each time every child must end with an assessment for every rule, and the findings must be exactly the clean
 * run's: none lost, none extra, none open twice, none updated by a redelivered batch.
 */
import { QueueEvents, type Job, type Queue } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobDefinition } from '../jobs/define-job.js';
import { reconcileAllJob } from '../jobs/reconcile-all/index.js';
import { reconcileChildJob } from '../jobs/reconcile-child/index.js';
import { rules } from '../jobs/rules/registry.js';
import { createQueues } from '../jobs/worker-host.js';
import { keyspace } from '../platform/redis.js';
import {
  startChildViewHarness,
  testDatabaseUrl,
  type ChildViewHarness,
} from './support/child-view-harness.js';
import { startPrivateRedisServer, type PrivateRedisServer } from './support/private-redis-server.js';
import { startReconcileWorker, workerEnv, type ReconcileWorker } from './support/reconcile-worker.js';

const definitions = [reconcileChildJob, reconcileAllJob] as JobDefinition[];
// A busy two-core machine (a worker restarting beside the simulators) must not turn a slow read into "not
// assessed": this file is about the queues, not the agencies.
const connectorEnv = Object.fromEntries(
  ['SOCIAL_CARE', 'HEALTH', 'EDUCATION', 'ADULT_SERVICES'].flatMap((prefix) => [
    [`${prefix}_TIMEOUT_MS`, '15000'],
    [`${prefix}_BREAKER_THRESHOLD`, '100'],
  ]),
);

let hub: ChildViewHarness;
let redis: PrivateRedisServer;
let queues: Map<string, Queue>;
/** The fan-out's completions, for waiting on one. */
let events: QueueEvents;
let worker: ReconcileWorker | undefined;
let children: number;
/** The clean run's findings and assessments, as comparable rows. */
let reference: { findings: string[]; assessments: string[] };

const startWorker = async () =>
  (worker = await startReconcileWorker({
    env: {
      ...workerEnv({
        hubEnv: hub.hubEnv,
        databaseUrl: testDatabaseUrl,
        databaseSchema: hub.db.schema,
        redisUrl: redis.url,
        agencies: {
          socialCareDatabaseUrl: hub.host.urls.socialCareDatabase,
          socialCareSchema: hub.host.socialCare.schema,
          gpFhirBase: hub.host.urls.gpFhirBase,
          education: hub.host.urls.education,
          adult: hub.host.urls.adult,
        },
      }),
      ...connectorEnv,
      // A killed worker's jobs are taken over within seconds, not BullMQ's default half minute.
      JOB_LOCK_DURATION_MS: '2000',
      JOB_STALLED_CHECK_MS: '1000',
      LOG_LEVEL: 'silent',
    },
  }));

const queue = (name: string) => queues.get(name)!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function count(sql: string): Promise<number> {
  const { rows } = await hub.db.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

/** Every finding and assessment, without the times and ids that differ between runs. */
async function outcome(): Promise<{ findings: string[]; assessments: string[] }> {
  const findings = await hub.db.query<Record<string, unknown> & { evidence: Array<Record<string, unknown>> }>(
    `SELECT child_id, rule_id, subject_kind, subject_id, severity, category, summary, evidence,
            to_char(due_date, 'YYYY-MM-DD') AS due_date, owner_role, owner_person, status
     FROM findings ORDER BY child_id, rule_id, subject_kind, subject_id, id`,
  );
  const assessments = await hub.db.query(
    `SELECT child_id, rule_id, state, reason, agencies, detail FROM rule_assessments ORDER BY child_id, rule_id`,
  );
  return {
    findings: findings.rows.map(({ evidence, ...row }) =>
      JSON.stringify({
        ...row,
        evidence: evidence.map(({ agency, recordId, fact }) => [agency, recordId, fact]),
      }),
    ),
    assessments: assessments.rows.map((row) => JSON.stringify(row)),
  };
}

interface RunCounts {
  completed: number;
  /** Each failed batch, with BullMQ's reason. */
  failed: string[];
}

/** Until the run's fan-out has finished and no batch is waiting, active or delayed. */
async function untilRunDone(job: Job, timeoutMs: number): Promise<RunCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await job.getState().catch(() => 'unknown');
    const counts = await queue('reconcile-child').getJobCounts(
      'waiting',
      'active',
      'delayed',
      'completed',
      'failed',
    );
    const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0);
    if (state === 'completed' && pending === 0) {
      const failed = await queue('reconcile-child').getFailed();
      return { completed: counts.completed ?? 0, failed: failed.map((f) => `${f.id}: ${f.failedReason}`) };
    }
    if (state === 'failed') {
      const failed = await queue('reconcile-all').getJob(job.id!);
      throw new Error(`reconcile-all failed: ${failed?.failedReason}`);
    }
    if (Date.now() > deadline) throw new Error(`the run did not finish: ${state} ${JSON.stringify(counts)}`);
    await sleep(200);
  }
}

/**
 * Until the worker started at `since` holds batches (not ones a killed worker still holds), none of them handed out
 * again after an earlier kill: BullMQ fails a job it finds stalled twice (see jobs/reconcile-all/index.ts), and
 * that limit is not what this file tests. Those batches.
 */
async function untilWorkerBusy(since: number, timeoutMs: number): Promise<Job[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const active = await queue('reconcile-child').getActive();
    const held = active.filter((job) => (job.processedOn ?? 0) >= since);
    if (held.length > 0 && held.every((job) => job.stalledCounter === 0)) return held;
    if (Date.now() > deadline) throw new Error('the worker took no batch');
    await sleep(20);
  }
}

/** Until a few of the run's `batches` are done and most are not: the moment to break something. */
async function untilMidRun(batches: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { completed = 0 } = await queue('reconcile-child').getJobCounts('completed');
    if (completed >= 4) {
      expect(completed).toBeLessThan(batches / 2);
      return;
    }
    if (Date.now() > deadline) throw new Error('the run did not start');
    await sleep(20);
  }
}

async function expectEveryChildReconciledAsTheCleanRun(run: RunCounts, batchSize = 100) {
  expect(run.failed).toEqual([]);
  expect(run.completed).toBe(Math.ceil(children / batchSize));
  expect(await count(`SELECT count(DISTINCT child_id)::int AS n FROM rule_assessments`)).toBe(children);
  expect(await count(`SELECT count(*)::int AS n FROM rule_assessments`)).toBe(children * rules.length);
  expect(
    await count(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM findings WHERE status IN ('OPEN', 'ACKNOWLEDGED')
         GROUP BY child_id, rule_id, subject_kind, subject_id HAVING count(*) > 1) d`,
    ),
  ).toBe(0);
  // A redelivered batch found its findings unchanged: each was opened once and never touched again.
  expect(await count(`SELECT count(*)::int AS n FROM finding_history`)).toBe(
    await count(`SELECT count(*)::int AS n FROM findings`),
  );
  const now = await outcome();
  expect(now.findings.length).toBe(reference.findings.length);
  expect(now.findings).toEqual(reference.findings);
  expect(now.assessments).toEqual(reference.assessments);
}

beforeAll(async () => {
  hub = await startChildViewHarness({ seed: 20261125, size: 2000 });
  expect(hub.sync.unavailable).toEqual([]);
  children = await count(`SELECT count(*)::int AS n FROM children`);
  redis = await startPrivateRedisServer();
  const connection = { url: redis.url, maxRetriesPerRequest: null };
  queues = createQueues(definitions, connection, keyspace(hub.hubEnv));
  events = new QueueEvents('reconcile-all', {
    connection,
    prefix: keyspace(hub.hubEnv).queuePrefix('reconcile'),
  });

  await startWorker();
  const clean = await untilRunDone(
    await queue('reconcile-all').add('reconcile-all', { runId: 'clean' }),
    120_000,
  );
  await worker!.close();
  expect(clean).toEqual({ completed: Math.ceil(children / 100), failed: [] });
  reference = await outcome();
  expect(reference.findings.length).toBeGreaterThan(0);
  expect(reference.assessments.length).toBe(children * rules.length);
  expect(
    await count(`SELECT count(*)::int AS n FROM rule_assessments WHERE state = 'NOT_ASSESSED'
    AND reason = 'AGENCY_UNAVAILABLE'`),
  ).toBe(0);
}, 300_000);

beforeEach(async () => {
  await worker?.close();
  worker = undefined;
  for (const q of queues.values()) await q.obliterate({ force: true });
  await hub.db.exec('TRUNCATE finding_history, findings, rule_assessments');
});

afterAll(async () => {
  await worker?.close();
  await events?.close();
  for (const q of queues?.values() ?? []) await q.close();
  await redis?.close();
  await hub?.close();
}, 60_000);

describe('the nightly run under faults', () => {
  it('survives the worker process being SIGKILLed three times mid-run', async () => {
    // Small batches, so that each restarted worker has fresh ones to take while the killed workers' batches are
    // still locked. The fan-out finishes first, so every kill lands on batches; adding it again is checked last.
    let since = Date.now();
    await startWorker();
    const run = await queue('reconcile-all').add('reconcile-all', { runId: 'killed', batchSize: 25 });
    await run.waitUntilFinished(events, 60_000);
    let caught = 0;
    for (let kill = 0; caught < 3; kill += 1) {
      if (kill === 6) throw new Error(`only ${caught} of 6 kills caught a batch mid-run`);
      await sleep(300 * kill);
      const held = await untilWorkerBusy(since, 60_000);
      await worker!.kill();
      // Caught mid-run: a batch it held is still active (its lock outlives the process), not completed.
      const states = await Promise.all(held.map((job) => job.getState()));
      if (states.includes('active')) caught += 1;
      since = Date.now();
      await startWorker();
    }
    // The killed workers' batches keep their locks until those expire; the live worker's stalled-job check then
    // hands them out again.
    const done = await untilRunDone(run, 180_000);
    await expectEveryChildReconciledAsTheCleanRun(done, 25);

    // The fan-out run again under the same id adds nothing: every batch is already there.
    const again = await queue('reconcile-all').add('reconcile-all', { runId: 'killed', batchSize: 25 });
    expect((await untilRunDone(again, 60_000)).completed).toBe(done.completed);
  }, 300_000);

  it('completes when Redis crashes mid-run and comes back with its AOF', async () => {
    await startWorker();
    const run = await queue('reconcile-all').add('reconcile-all', { runId: 'redis-crash', batchSize: 25 });
    await untilMidRun(Math.ceil(children / 25));
    await redis.restart({ signal: 'SIGKILL' });
    await expectEveryChildReconciledAsTheCleanRun(await untilRunDone(run, 180_000), 25);
  }, 300_000);

  it('completes when Redis comes back empty and the run is added again under the same id', async () => {
    await startWorker();
    await queue('reconcile-all').add('reconcile-all', { runId: 'redis-lost', batchSize: 25 });
    await untilMidRun(Math.ceil(children / 25));
    await redis.restart({ signal: 'SIGKILL', wipe: true });
    const again = await queue('reconcile-all').add('reconcile-all', { runId: 'redis-lost', batchSize: 25 });
    await expectEveryChildReconciledAsTheCleanRun(await untilRunDone(again, 180_000), 25);
  }, 300_000);
});
