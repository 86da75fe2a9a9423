/**
 * The access audit's write path: committed events per second through one AuditWriter on the real PostgreSQL, with
 * 1 and 50 concurrent writers (callers each awaiting record() of one event, then recording the next — a request
 * that waits for its audit row before answering). A third row turns group commit off (one transaction per event)
 * to show what it buys. Then the whole chain is verified and timed. Database: AUDIT_BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else the local test database; a throwaway schema is created and dropped.
 */
import { performance } from 'node:perf_hooks';
import { verifyAuditChain } from '../../store/audit/audit-chain.js';
import type { AuditEvent } from '../../store/audit/audit-event.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';

const databaseUrl =
  process.env.AUDIT_BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

const variants = [
  { variant: 'group commit', writers: 1, maxBatchSize: 500 },
  { variant: 'group commit', writers: 50, maxBatchSize: 500 },
  { variant: 'one tx per event', writers: 50, maxBatchSize: 1 },
];

function event(writer: number, n: number): AuditEvent {
  return {
    requestId: `bench-${writer}-${n}`,
    userId: `user-${writer}`,
    role: 'SOCIAL_WORKER',
    organisation: 'org-la-1',
    purpose: 'SAFEGUARDING_ENQUIRY',
    childId: `child-${n % 997}`,
    categories: ['education.attendance', 'health.immunisations', 'social-care.plans'],
    fields: [
      'child.education.attendance.sessions',
      'child.health.immunisations.vaccine',
      'child.health.immunisations.date',
      'child.socialCare.plans.category',
    ],
    outcome: 'ALLOWED',
    reason: null,
    grant: 'RELATIONSHIP',
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function measure(db: Db, writers: number, maxBatchSize: number, seconds: number) {
  const writer = new AuditWriter(db, { maxBatchSize });
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; performance.now() < deadline; n += 1) {
        const before = performance.now();
        await writer.record([event(w, n)]);
        latencies.push(performance.now() - before);
      }
    }),
  );
  await writer.close();
  const elapsed = (performance.now() - started) / 1000;
  const stats = writer.stats();
  latencies.sort((a, b) => a - b);
  return {
    'events/s': Math.round(stats.events / elapsed),
    'events/tx': round(stats.events / Math.max(1, stats.batches)),
    'p50 ms': round(percentile(latencies, 0.5)),
    'p99 ms': round(percentile(latencies, 0.99)),
    events: stats.events,
  };
}

export const auditThroughput: Benchmark = {
  name: 'audit-throughput',
  description: 'Access audit on PostgreSQL: committed events/s for 1 and 50 concurrent writers, chain verify',
  async run({ durationSeconds }): Promise<BenchmarkResult> {
    const schema = `bench_audit_${process.pid}`;
    const db = await openPostgresDb({ url: databaseUrl, schema, poolMax: 4, statementTimeoutMs: 30_000 });
    try {
      await migrate(db);
      const rows: Array<Record<string, Figure>> = [];
      for (const { variant, writers, maxBatchSize } of variants) {
        rows.push({
          variant,
          'concurrent writers': writers,
          ...(await measure(db, writers, maxBatchSize, durationSeconds)),
        });
      }
      const started = performance.now();
      const report = await verifyAuditChain(db, { batchSize: 5000 });
      const seconds = (performance.now() - started) / 1000;
      if (!report.ok) throw new Error(`audit chain broken at id ${report.firstBrokenId}`);
      return {
        rows,
        notes: [
          `verified the chain of ${report.rows} rows in ${round(seconds, 2)} s (${Math.round(report.rows / seconds)} rows/s)`,
          'each writer awaits its event before recording the next; one AuditWriter, one transaction in flight',
        ],
      };
    } finally {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await db.close();
    }
  },
};
