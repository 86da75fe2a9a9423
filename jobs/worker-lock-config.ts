/**
 * How quickly a dead worker's jobs are taken over. A worker holds a lock on each job it runs and renews it every
 * half lock; a job whose lock lapsed is found stalled at the next check and handed to another worker. Shorter
 * means a crash costs less time, longer means a worker starved of CPU is less often mistaken for a dead one (every
 * job here is safe to re-run, so a mistake costs work, not correctness). BullMQ's defaults are 30 s each.
 */
import { z } from 'zod';
import { defineConfigSection } from '../platform/config.js';

export interface WorkerLockConfig {
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export const workerLockConfigSection = defineConfigSection(
  'workerLock',
  {
    JOB_LOCK_DURATION_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
    JOB_STALLED_CHECK_MS: z.coerce.number().int().min(250).max(600_000).default(30_000),
  },
  (env): WorkerLockConfig => ({
    lockDurationMs: env.JOB_LOCK_DURATION_MS,
    stalledIntervalMs: env.JOB_STALLED_CHECK_MS,
  }),
);
