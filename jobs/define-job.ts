/**
 * A background job: its queue, its data schema and a `run` function that tests can call without a queue.
 * Data is validated with zod before `run` sees it; data that does not parse fails at once, unrecoverably, with
 * the reason (retrying bad data only hides it).
 */
import { UnrecoverableError, type JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { Connector } from '../connectors/connector.js';
import type { AuditSink } from '../store/audit/audit-writer.js';
import type { Rule } from './rules/rule.js';
import type { RulesConfig } from './rules/rules-config.js';
import type { WorkingDayCalendar } from './rules/time/working-days.js';
import type { Db } from '../store/db.js';
import type { Logger } from '../platform/logger.js';

export interface JobDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** The agency connectors, for jobs that read the agencies (through the same batched clients as the gateway). */
  connectors: readonly Connector[];
  /** The access audit, for jobs that read child data (reconciliation audits its reads as the hub itself). */
  audit?: AuditSink;
  /** Adds jobs to the hub's queues (fan-out, debounced and delayed follow-ups). */
  enqueue?: Enqueue;
  /** What reconciliation evaluates with: the rules, the working-day calendar, the local-practice windows. */
  reconciliation?: ReconciliationSetup;
}

export interface EnqueueOptions {
  /** Same id, same job: BullMQ adds it once (idempotent fan-out). */
  jobId?: string;
  /** Milliseconds before the job may run. */
  delay?: number;
  /** Debounce: while a job with this id waits, adding another replaces it and restarts the wait. */
  debounce?: { id: string; ms: number };
}

export type Enqueue = (
  queue: string,
  jobs: ReadonlyArray<{ data: unknown; options?: EnqueueOptions }>,
) => Promise<void>;

export interface ReconciliationSetup {
  rules: readonly Rule[];
  calendar: WorkingDayCalendar;
  config: RulesConfig;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first delivery; BullMQ delivers at least once, so runs must be idempotent (see idempotency.ts). */
  attempt: number;
  deps: JobDeps;
}

export interface JobDefinition<Data = unknown, Result = unknown> {
  /** Queue name, e.g. 'reconcile-child'. */
  name: string;
  /** Hash-tag domain: queues of one domain share a Redis Cluster slot, so a flow stays in one tag. */
  domain: string;
  data: z.ZodType<Data>;
  concurrency: number;
  jobOptions: JobsOptions;
  /**
   * How often a job whose worker died (SIGKILL, lost lock) may be picked up again before BullMQ fails it outright,
   * whatever attempts remain. 1 is BullMQ's default; jobs that are safe to re-run can allow more.
   */
  maxStalledCount?: number;
  run(data: Data, context: JobContext): Promise<Result>;
}

export function defineJob<Data, Result>(
  definition: Omit<JobDefinition<Data, Result>, 'concurrency' | 'jobOptions'> &
    Partial<Pick<JobDefinition<Data, Result>, 'concurrency' | 'jobOptions'>>,
): JobDefinition<Data, Result> {
  return {
    concurrency: 4,
    ...definition,
    jobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      ...definition.jobOptions,
    },
  };
}

/** Parses job data, turning a schema failure into BullMQ's UnrecoverableError with a readable reason. */
export function parseJobData<Data>(definition: JobDefinition<Data>, raw: unknown): Data {
  const parsed = definition.data.safeParse(raw);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new UnrecoverableError(`invalid job data for ${definition.name}: ${reason}`);
}
