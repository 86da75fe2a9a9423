/**
 * Reconciliation end to end on the real queues: the nightly fan-out (`reconcile-all`) adds one `reconcile-child`
 * job per 100 children, workers read each batch through the connectors, run every registered rule and store the
 * findings; the reads are audited as the hub's own system identity. Running the whole thing again changes no
 * finding.
 */
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import { keyspace } from '../platform/redis.js';
import { AuditWriter } from '../store/audit/audit-writer.js';
import type { JobDefinition } from '../jobs/define-job.js';
import { reconcileAllJob } from '../jobs/reconcile-all/index.js';
import { reconcileChildJob } from '../jobs/reconcile-child/index.js';
import { rules } from '../jobs/rules/registry.js';
import { rulesDefaults } from '../jobs/rules/rules-config.js';
import { createWorkingDayCalendar } from '../jobs/rules/time/working-days.js';
import { createEnqueue, createQueues, startWorkers, type WorkerHost } from '../jobs/worker-host.js';
import { startChildViewHarness, testRedisUrl, type ChildViewHarness } from './support/child-view-harness.js';

let hub: ChildViewHarness;
let workers: WorkerHost;
let queues: Map<string, Queue>;
let audit: AuditWriter;
const definitions = [reconcileChildJob, reconcileAllJob] as JobDefinition[];

beforeAll(async () => {
  hub = await startChildViewHarness({ seed: 20261125, size: 300 });
  const connection = { url: testRedisUrl, maxRetriesPerRequest: null };
  const naming = keyspace(hub.hubEnv);
  queues = createQueues(definitions, connection, naming);
  audit = new AuditWriter(hub.db);
  workers = await startWorkers({
    definitions,
    connection,
    naming,
    logger: createLogger({ service: 'reconcile-pipeline-test', level: 'silent' }),
    deps: {
      db: hub.db,
      logger: createLogger({ service: 'reconcile-pipeline-test', level: 'silent' }),
      now: () => new Date(),
      connectors: hub.gateway.connectors,
      audit,
      enqueue: createEnqueue(queues),
      reconciliation: { rules, calendar: createWorkingDayCalendar(), config: rulesDefaults },
    },
  });
}, 240_000);

afterAll(async () => {
  await workers?.close();
  for (const queue of queues?.values() ?? []) {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  await audit?.close();
  await hub?.close();
}, 60_000);

/** Runs the nightly fan-out and waits until every job it added has finished. */
async function runNightly(runId: string): Promise<{ completed: number; failed: number }> {
  const all = queues.get('reconcile-all')!;
  const children = queues.get('reconcile-child')!;
  const job = await all.add('reconcile-all', { runId });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await job.getState();
    const counts = await children.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const pending = (counts['waiting'] ?? 0) + (counts['active'] ?? 0) + (counts['delayed'] ?? 0);
    if (state === 'completed' && pending === 0)
      return { completed: counts['completed'] ?? 0, failed: counts['failed'] ?? 0 };
    if (state === 'failed') throw new Error('reconcile-all failed');
    if (Date.now() > deadline) throw new Error(`reconciliation did not finish: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function count(sql: string): Promise<number> {
  const { rows } = await hub.db.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

describe('the nightly reconciliation', () => {
  it('reconciles every child once per batch, audits the reads, and a second run changes nothing', async () => {
    const children = await count(`SELECT count(*)::int AS n FROM children`);
    const first = await runNightly('night-1');
    expect(first.failed).toBe(0);
    expect(first.completed).toBe(Math.ceil(children / 100));

    expect(await count(`SELECT count(DISTINCT child_id)::int AS n FROM rule_assessments`)).toBe(children);
    expect(await count(`SELECT count(*)::int AS n FROM rule_assessments`)).toBe(children * rules.length);
    await audit.flush();
    expect(
      await count(
        `SELECT count(*)::int AS n FROM access_audit WHERE user_id = 'system:reconciliation' AND purpose = 'RECONCILIATION'`,
      ),
    ).toBe(children);

    const findings = await count(`SELECT count(*)::int AS n FROM findings`);
    const history = await count(`SELECT count(*)::int AS n FROM finding_history`);
    expect(findings).toBeGreaterThan(0);
    const second = await runNightly('night-2');
    expect(second.failed).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM findings`)).toBe(findings);
    expect(await count(`SELECT count(*)::int AS n FROM finding_history`)).toBe(history);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM findings WHERE status IN ('OPEN', 'ACKNOWLEDGED')
           GROUP BY child_id, rule_id, subject_kind, subject_id HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
  }, 240_000);
});
