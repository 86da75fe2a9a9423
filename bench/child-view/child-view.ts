/**
 * The child view over HTTP: the stitched gateway (exactly what the hub serves) against a monolithic ceiling (one
 * plain schema with the same fields calling the same connector code, see monolith.ts), both on the same stack,
 * both reading the agency simulators through the real connectors.
 *
 * One run: starts the simulators (demo population, seed 20261125, CHILD_VIEW_BENCH_SIZE children, default 2000;
 * social care on PostgreSQL at TEST_DATABASE_URL in its own schema) in one process, and the hub side (store in its
 * own schema, every registered connector, the identity index, the servers under test) in another, so neither
 * shares an event loop with autocannon. Then, for one child with every section and for a page of 100 children:
 * checks every server answers the same without errors, counts the upstream requests one query makes per agency
 * (per SSD table for social care), and measures each server with autocannon, monolith then stitched, alternating,
 * each run after a warm-up and with the hub process idle first.
 *
 * Figures per row: `req/s` is GraphQL answers the server sent during the run per second (autocannon's own figure,
 * also shown, is rounded to whole requests by bench/load.ts); `errors` adds autocannon's errors, non-2xx answers
 * and 200 answers carrying GraphQL errors; `hub cpu ms/req` is the hub process's CPU time per answer, the cost of
 * the gateway and connectors whatever the agencies' own speed. Ratio rows are stitched/monolith per back-to-back
 * pair, averaged.
 *
 * Knobs (env): CHILD_VIEW_BENCH_SIZE; CHILD_VIEW_BENCH_EXECUTORS (default `graphql-js,jit`: the gateway's
 * executor; both variants are served with each); CHILD_VIEW_BENCH_ROUNDS (pairs per query and executor, default
 * 1); CHILD_VIEW_BENCH_PAGE_CONNECTIONS (default 4: a page costs the hub ~100x a child, and at 50 connections its
 * queue outlasts autocannon's 10 s timeout, so every request would time out); CHILD_VIEW_BENCH_CPU_PROF=<dir>
 * writes a V8 CPU profile (.cpuprofile) of the hub process for each measured run.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';
import { loadTest, type LoadFigures } from '../load.js';
import { startProcess, type StartedProcess } from './child-process.js';
import type { Executor, HubReady, HubServer, HubStart, Variant } from './hub-process.js';
import { childViewQueries, type MeasuredQuery } from './queries.js';
import type { SimulatorsReady, SimulatorsStart } from './simulators-process.js';

const SEED = 20_261_125;
const AS_OF = '2026-11-25T09:00:00.000Z';

const envSchema = z.object({
  CHILD_VIEW_BENCH_SIZE: z.coerce.number().int().min(100).max(200_000).default(2000),
  CHILD_VIEW_BENCH_EXECUTORS: z
    .string()
    .default('graphql-js,jit')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(['jit', 'graphql-js'])).min(1)),
  CHILD_VIEW_BENCH_ROUNDS: z.coerce.number().int().min(1).max(10).default(1),
  CHILD_VIEW_BENCH_PAGE_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(4),
  CHILD_VIEW_BENCH_CPU_PROF: z.string().min(1).optional(),
  TEST_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
});

interface AdminTarget {
  agency: string;
  url: string;
  sql: boolean;
}

interface Measurement {
  query: string;
  variant: Variant;
  executor: Executor;
  connections: number;
  load: LoadFigures;
  /**
   * GraphQL answers the server sent during the run, per second: autocannon's own rate is rounded to whole
   * requests per second (bench/load.ts), too coarse for a page at a few per second.
   */
  answeredPerSecond: number;
  graphqlErrors: number;
  /** CPU time of the whole hub process over the run, per answer sent. */
  hubCpuMsPerRequest: number;
}

export const childViewBenchmark: Benchmark = {
  name: 'child-view',
  description:
    'Child view over HTTP: stitched gateway vs a monolithic ceiling on the same stack and connectors, 1 child and 100',
  async run({ durationSeconds, connections }): Promise<BenchmarkResult> {
    const env = envSchema.parse(process.env);
    const profileDir =
      env.CHILD_VIEW_BENCH_CPU_PROF === undefined ? undefined : resolve(env.CHILD_VIEW_BENCH_CPU_PROF);
    if (profileDir !== undefined) await mkdir(profileDir, { recursive: true });
    const notes: string[] = [];
    let processes: ChildViewProcesses | undefined;
    try {
      processes = await startChildViewProcesses({
        size: env.CHILD_VIEW_BENCH_SIZE,
        databaseUrl: env.TEST_DATABASE_URL,
        serve: {
          ...(profileDir === undefined ? {} : { profileDir }),
          executors: env.CHILD_VIEW_BENCH_EXECUTORS,
        },
      });
      const { urls } = processes.simulators;
      const ready = processes.hub;
      notes.push(...processes.notes);

      const queries = childViewQueries(ready.agencies, ready.childId);
      const admins: AdminTarget[] = [
        { agency: 'social-care', url: urls.socialCareAdmin, sql: true },
        { agency: 'gp', url: urls.gpAdmin, sql: false },
        { agency: 'education', url: urls.educationAdmin, sql: false },
        { agency: 'adult', url: urls.adultAdmin, sql: false },
      ];

      // Same answers, no errors, and what one query costs upstream, per server.
      const upstream = new Map<string, string>();
      for (const query of queries) {
        const answers = new Map<HubServer, unknown>();
        const detail = new Map<string, string[]>();
        for (const server of ready.servers) {
          await Promise.all(admins.map((admin) => post(`${admin.url}/admin/counters/reset`)));
          const answer = await graphql(server.url, query);
          const counts = await Promise.all(admins.map((admin) => counters(admin)));
          answers.set(server, withoutReadTimes(answer));
          upstream.set(key(query.name, server), summarise(admins, counts));
          const spelled = admins.map((admin, i) => `${admin.agency} ${JSON.stringify(counts[i])}`).join('; ');
          detail.set(spelled, [...(detail.get(spelled) ?? []), `${server.variant} (${server.executor})`]);
        }
        for (const [spelled, servers] of detail) {
          notes.push(`upstream requests for one "${query.name}" via ${servers.join(', ')}: ${spelled}`);
        }
        const [reference, ...others] = [...answers.entries()];
        for (const [server, answer] of others) {
          if (!isDeepStrictEqual(answer, reference![1])) {
            notes.push(
              `DIFFERENT ANSWER for "${query.name}": ${server.variant} (${server.executor}) vs ` +
                `${reference![0].variant} (${reference![0].executor}): ${firstDifference(reference![1], answer)}`,
            );
          }
        }
        notes.push(`"${query.name}" answer: ${JSON.stringify(reference![1]).length} bytes of JSON`);
      }

      // A page costs the hub ~100x a single child: at 50 connections its queue outlasts autocannon's 10 s timeout
      // and every request times out, so the page runs at fewer connections (still saturating the hub process).
      const connectionsFor = (query: MeasuredQuery) =>
        query.name === '1 child' ? connections : Math.min(connections, env.CHILD_VIEW_BENCH_PAGE_CONNECTIONS);
      const measurements: Measurement[] = [];
      const warmUp = Math.max(1, Math.round(durationSeconds / 5));
      for (const query of queries) {
        for (let round = 0; round < env.CHILD_VIEW_BENCH_ROUNDS; round += 1) {
          for (const executor of env.CHILD_VIEW_BENCH_EXECUTORS) {
            for (const variant of ['monolith', 'stitched'] as const) {
              const server = ready.servers.find((s) => s.variant === variant && s.executor === executor)!;
              const request = {
                url: `${server.url}/graphql`,
                method: 'POST' as const,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(query.body),
                connections: connectionsFor(query),
              };
              // Both variants share the hub process: start each run with it idle, not finishing the last one's
              // abandoned requests.
              await waitUntilQuiet(server);
              await loadTest({ ...request, durationSeconds: warmUp });
              await waitUntilQuiet(server);
              const countsBefore = await benchGet(server, 'counts', countsSchema);
              const cpuBefore = await benchGet(server, 'cpu', cpuSchema);
              if (profileDir !== undefined) await benchPost(server, 'profile/start', {});
              const load = await loadTest({ ...request, durationSeconds });
              if (profileDir !== undefined) {
                await benchPost(server, 'profile/stop', {
                  name: `${query.name}-${variant}-${executor}-${round + 1}`,
                });
              }
              const cpuAfter = await benchGet(server, 'cpu', cpuSchema);
              const countsAfter = await benchGet(server, 'counts', countsSchema);
              const cpuMs = (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000;
              const answered = countsAfter.responses - countsBefore.responses;
              measurements.push({
                query: query.name,
                variant,
                executor,
                connections: request.connections,
                load,
                answeredPerSecond: answered / durationSeconds,
                graphqlErrors: countsAfter.errors - countsBefore.errors,
                hubCpuMsPerRequest: cpuMs / Math.max(answered, 1),
              });
            }
          }
        }
      }
      return { rows: rowsOf(queries, env.CHILD_VIEW_BENCH_EXECUTORS, measurements, upstream), notes };
    } finally {
      await processes?.close();
    }
  },
};

/** The agency simulators and the hub side, each in its own process. */
export interface ChildViewProcesses {
  simulators: SimulatorsReady;
  hub: HubReady;
  /** What was set up: the population, the identity index, and the child and page the queries read. */
  notes: string[];
  close(): Promise<void>;
}

/**
 * Starts the simulators (the demo population, seed SEED, `size` children; social care on PostgreSQL) and then the
 * hub side pointed at them, serving what `serve` asks for.
 */
export async function startChildViewProcesses(options: {
  size: number;
  databaseUrl: string;
  serve: Pick<HubStart, 'executors' | 'variants' | 'audits' | 'profileDir'>;
}): Promise<ChildViewProcesses> {
  const simulators = await startProcess<SimulatorsStart, SimulatorsReady>({
    module: './simulators-process.ts',
    start: { seed: SEED, size: options.size, asOf: AS_OF, databaseUrl: options.databaseUrl },
  });
  let hub: StartedProcess<HubReady>;
  try {
    const { urls } = simulators.ready;
    hub = await startProcess<HubStart, HubReady>({
      module: './hub-process.ts',
      env: { ...process.env, NODE_ENV: 'production' },
      start: {
        ...options.serve,
        databaseUrl: options.databaseUrl,
        redisUrl: 'redis://127.0.0.1:6379',
        connectorEnv: {
          SOCIAL_CARE_DATABASE_URL: urls.socialCareDatabase,
          SOCIAL_CARE_SCHEMA: simulators.ready.socialCareSchema,
          HEALTH_FHIR_BASE_URL: urls.gpFhirBase,
          EDUCATION_BASE_URL: urls.education,
          ADULT_SERVICES_BASE_URL: urls.adult,
        },
      },
    });
  } catch (error) {
    await simulators.close();
    throw error;
  }
  const ready = hub.ready;
  return {
    simulators: simulators.ready,
    hub: ready,
    notes: [
      `population ${options.size} children (seed ${SEED}), ${ready.identity.children} children in the identity ` +
        `index from ${JSON.stringify(ready.identity.records)}; connectors: ${ready.connectors.join(', ')}`,
      `1 child = ${ready.childId} (${ready.childRecords} linked records, the most agencies); page = ` +
        `children(first: 100), children linked per agency there ${JSON.stringify(ready.identity.firstPageLinked)} ` +
        `(an agency with none is not called); gateway maxBatchSize ${ready.maxBatchSize}; hub process ` +
        `NODE_ENV=production`,
    ],
    close: async () => {
      await hub.close();
      await simulators.close();
    },
  };
}

function key(query: string, server: { variant: Variant; executor: Executor }): string {
  return `${query}\u0000${server.variant}\u0000${server.executor}`;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
const round2 = (value: number) => Math.round(value * 100) / 100;

function rowsOf(
  queries: MeasuredQuery[],
  executors: Executor[],
  measurements: Measurement[],
  upstream: Map<string, string>,
): Array<Record<string, Figure>> {
  const rows: Array<Record<string, Figure>> = [];
  for (const query of queries) {
    for (const executor of executors) {
      const of = (variant: Variant) =>
        measurements.filter(
          (m) => m.query === query.name && m.variant === variant && m.executor === executor,
        );
      for (const variant of ['monolith', 'stitched'] as const) {
        const runs = of(variant);
        rows.push({
          query: query.name,
          variant,
          executor,
          connections: runs[0]?.connections ?? 0,
          'req/s': round2(mean(runs.map((m) => m.answeredPerSecond))),
          'autocannon req/s': Math.round(mean(runs.map((m) => m.load.requestsPerSecond))),
          'p50 ms': round2(mean(runs.map((m) => m.load.p50Ms))),
          'p99 ms': round2(mean(runs.map((m) => m.load.p99Ms))),
          errors: runs.reduce((sum, m) => sum + m.load.errors + m.load.non2xx + m.graphqlErrors, 0),
          'hub cpu ms/req': round2(mean(runs.map((m) => m.hubCpuMsPerRequest))),
          'upstream per query': upstream.get(key(query.name, { variant, executor })) ?? '',
        });
      }
      // Ratio per monolith-then-stitched pair, then the mean: pairs ran back to back, so they share the noise.
      const monolith = of('monolith');
      const stitched = of('stitched');
      const pairs = monolith.map((m, i) => [m, stitched[i]!] as const);
      rows.push({
        query: query.name,
        variant: 'stitched/monolith',
        executor,
        connections: monolith[0]?.connections ?? 0,
        'req/s': round2(
          mean(pairs.map(([m, s]) => s.answeredPerSecond / Math.max(m.answeredPerSecond, 0.01))),
        ),
        'autocannon req/s': '',
        'p50 ms': round2(mean(pairs.map(([m, s]) => s.load.p50Ms / Math.max(m.load.p50Ms, 1)))),
        'p99 ms': round2(mean(pairs.map(([m, s]) => s.load.p99Ms / Math.max(m.load.p99Ms, 1)))),
        errors: '',
        'hub cpu ms/req': round2(
          mean(
            monolith.map((m, i) => stitched[i]!.hubCpuMsPerRequest / Math.max(m.hubCpuMsPerRequest, 0.001)),
          ),
        ),
        'upstream per query': '',
      });
    }
  }
  return rows;
}

async function post(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  await response.arrayBuffer();
}

const countersSchema = z.object({ total: z.number(), counts: z.record(z.string(), z.number()) });

async function counters(admin: AdminTarget): Promise<Record<string, number>> {
  const response = await fetch(`${admin.url}/admin/counters`);
  return countersSchema.parse(await response.json()).counts;
}

/** e.g. `social-care 1 × 17 tables · gp 1 · education 1 · adult 1`; anything not 1 per table is spelled out. */
function summarise(admins: AdminTarget[], counts: Array<Record<string, number>>): string {
  return admins
    .map((admin, i) => {
      const entries = Object.entries(counts[i] ?? {});
      const total = entries.reduce((sum, [, n]) => sum + n, 0);
      if (admin.sql) {
        if (entries.length > 0 && entries.every(([, n]) => n === 1))
          return `${admin.agency} 1 × ${entries.length} tables`;
        return `${admin.agency} ${JSON.stringify(counts[i])}`;
      }
      return `${admin.agency} ${total}`;
    })
    .join(' · ');
}

export async function graphql(url: string, query: MeasuredQuery): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(query.body),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors) {
    throw new Error(
      `${url} answered "${query.name}" with ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`,
    );
  }
  return body.data;
}

export const cpuSchema = z.object({ user: z.number(), system: z.number() });
const countsSchema = z.object({ responses: z.number(), errors: z.number() });

/** Waits (at most 60 s) until the hub process uses under 5% of a core over a quarter of a second. */
export async function waitUntilQuiet(server: HubServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = await benchGet(server, 'cpu', cpuSchema);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await benchGet(server, 'cpu', cpuSchema);
    if ((now.user + now.system - last.user - last.system) / 1000 < 12.5) return;
    last = now;
  }
}

export async function benchGet<T>(server: HubServer, path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${server.url}/bench/${path}`);
  return schema.parse(await response.json());
}

async function benchPost(server: HubServer, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}/bench/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${server.url}/bench/${path} answered ${response.status}`);
  await response.arrayBuffer();
}

/** The answer without `asOf` (when each agency was read), which differs between any two requests. */
function withoutReadTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReadTimes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => name !== 'asOf')
      .map(([name, inner]) => [name, withoutReadTimes(inner)]),
  );
}

function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (isDeepStrictEqual(a, b)) return '(none)';
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const name of names) {
      const left = (a as Record<string, unknown>)[name];
      const right = (b as Record<string, unknown>)[name];
      if (!isDeepStrictEqual(left, right)) return firstDifference(left, right, `${path}.${name}`);
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}
