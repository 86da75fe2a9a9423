/**
 * What the durable access audit costs the child view's throughput (target: at most 10%). One hub process (the
 * child-view benchmark's processes, population and queries) serves the stitched gateway twice, identical but for
 * where each request's audit events go: `discard`, a sink that accepts them at once and keeps none, and `durable`,
 * the hub's AuditWriter committing them to the hub side's PostgreSQL store before the response leaves (group
 * commit, one transaction in flight). Both admit every child (admitEveryChild over the store) for a caller who sees
 * every category, so every request records one event per child it answers about.
 *
 * Per query (one child with every section; a page of 100 children): one request to each server checks the answer
 * and how many children it holds, and that the durable one committed exactly that many rows. Then ROUNDS pairs of
 * runs in ABBA order (discard, durable, durable, discard, ...), so drift on this loaded machine falls on both modes
 * alike; every run follows a warm-up, with the hub process idle and no request in flight. After each run the
 * benchmark waits for the requests autocannon abandoned to be answered, then counts what the run left in the audit.
 *
 * Figures per row: `req/s` is answers sent during the run per second, `p50/p99` autocannon's latencies (both the
 * mean over the mode's runs), `hub cpu ms/req` the hub process's CPU per answer, `errors` autocannon's errors,
 * non-2xx answers and 200 answers carrying GraphQL errors, `cost %` = 1 - durable req/s / discard req/s (means),
 * `answered` every answer of the measured runs (including the abandoned requests'), `audit events` the events the
 * sink took (durable: rows added to access_audit), `expected` answered × children per answer, and the writer's
 * transactions (`batches`), `events/batch` and `ms/batch` (a transaction's mean duration) over the durable runs.
 *
 * Knobs (env): AUDIT_COST_BENCH_SIZE (children in the population, default 2000); AUDIT_COST_BENCH_ROUNDS (pairs
 * per query, default 4); AUDIT_COST_BENCH_PAGE_CONNECTIONS (default 4, see child-view.ts: a page costs ~100x a
 * child); AUDIT_COST_BENCH_EXECUTOR (default graphql-js, what the hub serves); TEST_DATABASE_URL.
 */
import { z } from 'zod';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';
import {
  benchGet,
  cpuSchema,
  graphql,
  startChildViewProcesses,
  waitUntilQuiet,
  type ChildViewProcesses,
} from '../child-view/child-view.js';
import type { AuditMode, HubServer } from '../child-view/hub-process.js';
import { childViewQueries, type MeasuredQuery } from '../child-view/queries.js';
import { loadTest, type LoadFigures } from '../load.js';

const envSchema = z.object({
  AUDIT_COST_BENCH_SIZE: z.coerce.number().int().min(100).max(200_000).default(2000),
  AUDIT_COST_BENCH_ROUNDS: z.coerce.number().int().min(1).max(20).default(4),
  AUDIT_COST_BENCH_PAGE_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(4),
  AUDIT_COST_BENCH_EXECUTOR: z.enum(['graphql-js', 'jit']).default('graphql-js'),
  TEST_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
});

const MODES = ['discard', 'durable'] as const satisfies readonly AuditMode[];
type Mode = (typeof MODES)[number];

const countsSchema = z.object({ received: z.number(), responses: z.number(), errors: z.number() });
const auditSchema = z.object({
  events: z.number(),
  batches: z.number().nullable(),
  failedBatches: z.number().nullable(),
  batchMs: z.number().nullable(),
  rows: z.number().nullable(),
});
type AuditFigures = z.infer<typeof auditSchema>;

/** The children an answer holds: the one child, or the page's nodes. */
const answerSchema = z.object({
  child: z.object({ id: z.string() }).nullable().optional(),
  children: z.object({ edges: z.array(z.object({ node: z.object({ id: z.string() }) })) }).optional(),
});

interface Run {
  query: string;
  mode: Mode;
  connections: number;
  load: LoadFigures;
  answeredPerSecond: number;
  hubCpuMsPerRequest: number;
  graphqlErrors: number;
  /** Answers sent from the start of the run until nothing was in flight. */
  answered: number;
  /** What the sink took over the same span (its events; rows and batches for the durable writer). */
  audit: { events: number; rows: number; batches: number; failedBatches: number; batchMs: number };
}

export const auditCost: Benchmark = {
  name: 'audit-cost',
  description:
    'Throughput cost of the durable access audit on the stitched child view (1 child and 100): discard vs AuditWriter',
  async run({ durationSeconds, connections }): Promise<BenchmarkResult> {
    const env = envSchema.parse(process.env);
    const notes: string[] = [];
    let processes: ChildViewProcesses | undefined;
    try {
      processes = await startChildViewProcesses({
        size: env.AUDIT_COST_BENCH_SIZE,
        databaseUrl: env.TEST_DATABASE_URL,
        serve: { executors: [env.AUDIT_COST_BENCH_EXECUTOR], variants: ['stitched'], audits: [...MODES] },
      });
      const ready = processes.hub;
      notes.push(...processes.notes, `executor ${env.AUDIT_COST_BENCH_EXECUTOR}`);
      const servers = Object.fromEntries(
        MODES.map((mode) => [mode, ready.servers.find((server) => server.audit === mode)!]),
      ) as Record<Mode, HubServer>;

      const queries = childViewQueries(ready.agencies, ready.childId);
      const childrenPer = new Map<string, number>();
      for (const query of queries) {
        const children = await checkQuery(servers, query);
        childrenPer.set(query.name, children);
        notes.push(
          `"${query.name}": each answer holds ${childrenCount(children)}; the durable check request wrote as many rows`,
        );
      }

      const warmUpSeconds = Math.max(1, Math.round(durationSeconds / 5));
      const runs: Run[] = [];
      for (const query of queries) {
        const queryConnections =
          query.name === '1 child'
            ? connections
            : Math.min(connections, env.AUDIT_COST_BENCH_PAGE_CONNECTIONS);
        const load = (server: HubServer, seconds: number) =>
          loadTest({
            url: `${server.url}/graphql`,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(query.body),
            connections: queryConnections,
            durationSeconds: seconds,
          });
        // Neither mode's first run should be the one that warms up the process.
        for (const mode of MODES) await load(servers[mode], warmUpSeconds);
        for (let round = 0; round < env.AUDIT_COST_BENCH_ROUNDS; round += 1) {
          const order = round % 2 === 0 ? MODES : [...MODES].reverse();
          for (const mode of order) {
            const server = servers[mode];
            await settle(server);
            await load(server, warmUpSeconds);
            await settle(server);
            const countsBefore = await benchGet(server, 'counts', countsSchema);
            const cpuBefore = await benchGet(server, 'cpu', cpuSchema);
            const auditBefore = await benchGet(server, 'audit', auditSchema);
            const figures = await load(server, durationSeconds);
            const cpuAtEnd = await benchGet(server, 'cpu', cpuSchema);
            const countsAtEnd = await benchGet(server, 'counts', countsSchema);
            await settle(server);
            const countsAfter = await benchGet(server, 'counts', countsSchema);
            const auditAfter = await benchGet(server, 'audit', auditSchema);
            const answeredInRun = countsAtEnd.responses - countsBefore.responses;
            const cpuMs = (cpuAtEnd.user + cpuAtEnd.system - cpuBefore.user - cpuBefore.system) / 1000;
            runs.push({
              query: query.name,
              mode,
              connections: queryConnections,
              load: figures,
              answeredPerSecond: answeredInRun / durationSeconds,
              hubCpuMsPerRequest: cpuMs / Math.max(answeredInRun, 1),
              graphqlErrors: countsAfter.errors - countsBefore.errors,
              answered: countsAfter.responses - countsBefore.responses,
              audit: auditDelta(auditBefore, auditAfter),
            });
          }
        }
      }
      return { rows: rowsOf(queries, runs, childrenPer, notes), notes };
    } finally {
      await processes?.close();
    }
  },
};

/**
 * One request per server: both answer without errors and hold the same number of children, and the durable one
 * commits exactly one audit row per child before answering. Returns the children per answer.
 */
async function checkQuery(servers: Record<Mode, HubServer>, query: MeasuredQuery): Promise<number> {
  const held: number[] = [];
  for (const mode of MODES) {
    const server = servers[mode];
    await settle(server);
    const before = await benchGet(server, 'audit', auditSchema);
    const answer = answerSchema.parse(await graphql(server.url, query));
    const after = await benchGet(server, 'audit', auditSchema);
    const children = (answer.child ? 1 : 0) + (answer.children?.edges.length ?? 0);
    const recorded =
      mode === 'durable' ? (after.rows ?? 0) - (before.rows ?? 0) : after.events - before.events;
    if (children === 0) throw new Error(`"${query.name}" answered with no child (${mode})`);
    if (recorded !== children) {
      throw new Error(`"${query.name}" (${mode}) recorded ${recorded} audit events for ${children} children`);
    }
    held.push(children);
  }
  if (new Set(held).size !== 1) throw new Error(`"${query.name}": the modes answered different children`);
  return held[0]!;
}

/**
 * Waits (at most 60 s) until every /graphql request the server received has been answered — autocannon leaves some
 * in flight when it stops, and their audit events belong to the run — and then until the hub process is idle.
 */
async function settle(server: HubServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const counts = await benchGet(server, 'counts', countsSchema);
    if (counts.received === counts.responses) break;
    if (Date.now() > deadline) {
      throw new Error(`${counts.received - counts.responses} requests still unanswered after 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await waitUntilQuiet(server);
}

function auditDelta(before: AuditFigures, after: AuditFigures): Run['audit'] {
  const delta = (pick: (figures: AuditFigures) => number | null) => (pick(after) ?? 0) - (pick(before) ?? 0);
  return {
    events: delta((f) => f.events),
    rows: delta((f) => f.rows),
    batches: delta((f) => f.batches),
    failedBatches: delta((f) => f.failedBatches),
    batchMs: delta((f) => f.batchMs),
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const mean = (values: number[]) => sum(values) / Math.max(values.length, 1);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : mean(sorted.slice(middle - 1, middle + 1));
};
const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const childrenCount = (n: number) => `${n} ${n === 1 ? 'child' : 'children'}`;

/** A row per query and mode; the durable row carries the cost and the audit's own figures. Notes the checks. */
function rowsOf(
  queries: MeasuredQuery[],
  runs: Run[],
  childrenPer: Map<string, number>,
  notes: string[],
): Array<Record<string, Figure>> {
  const rows: Array<Record<string, Figure>> = [];
  for (const query of queries) {
    const children = childrenPer.get(query.name) ?? 0;
    const of = (mode: Mode) => runs.filter((run) => run.query === query.name && run.mode === mode);
    const rate = (mode: Mode) => mean(of(mode).map((run) => run.answeredPerSecond));
    const cost = 1 - rate('durable') / Math.max(rate('discard'), 0.01);
    for (const mode of MODES) {
      const measured = of(mode);
      const answered = sum(measured.map((run) => run.answered));
      const events = sum(measured.map((run) => (mode === 'durable' ? run.audit.rows : run.audit.events)));
      const batches = sum(measured.map((run) => run.audit.batches));
      const batchMs = sum(measured.map((run) => run.audit.batchMs));
      rows.push({
        query: query.name,
        audit: mode,
        connections: measured[0]?.connections ?? 0,
        runs: measured.length,
        'req/s': round2(rate(mode)),
        'p50 ms': round2(mean(measured.map((run) => run.load.p50Ms))),
        'p99 ms': round2(mean(measured.map((run) => run.load.p99Ms))),
        'hub cpu ms/req': round2(mean(measured.map((run) => run.hubCpuMsPerRequest))),
        errors: sum(measured.map((run) => run.load.errors + run.load.non2xx + run.graphqlErrors)),
        'cost %': mode === 'durable' ? round2(cost * 100) : '',
        answered,
        'audit events': events,
        expected: answered * children,
        batches: mode === 'durable' ? batches : '',
        'events/batch': mode === 'durable' ? round2(events / Math.max(batches, 1)) : '',
        'ms/batch': mode === 'durable' ? round2(batchMs / Math.max(batches, 1)) : '',
      });
    }

    const discard = of('discard');
    const durable = of('durable');
    const pairCosts = durable.map(
      (run, i) => 1 - run.answeredPerSecond / Math.max(discard[i]!.answeredPerSecond, 0.01),
    );
    const cpu = (runs: Run[]) => mean(runs.map((run) => run.hubCpuMsPerRequest));
    notes.push(
      `"${query.name}": durable audit costs ${percent(cost)} of throughput (target ≤ 10%: ` +
        `${cost <= 0.1 ? 'within' : 'OVER'}); per pair, in run order ${pairCosts.map(percent).join(', ')} ` +
        `(median ${percent(median(pairCosts))}); hub CPU per answer ${percent(cpu(durable) / Math.max(cpu(discard), 0.001) - 1)} ` +
        `(PostgreSQL's own work on the commits not included)`,
    );
    const answered = sum(durable.map((run) => run.answered));
    const written = sum(durable.map((run) => run.audit.rows));
    const committed = sum(durable.map((run) => run.audit.events));
    const failed = sum(durable.map((run) => run.audit.failedBatches));
    const ok = written === answered * children && committed === written && failed === 0;
    notes.push(
      `"${query.name}" durable runs: ${written} access_audit rows written, ${answered} requests answered × ` +
        `${childrenCount(children)} = ${answered * children}; writer committed ${committed} events, ${failed} failed ` +
        `batches: ${ok ? 'OK' : 'MISMATCH'}`,
    );
  }
  return rows;
}
