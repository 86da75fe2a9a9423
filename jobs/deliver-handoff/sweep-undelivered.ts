/**
 * Lost delivery jobs. A handoff is written to PostgreSQL before its deliver-handoff job is added to Redis, so a
 * request whose enqueue failed, or whose job Redis lost (a restart without persistence, a flushed instance), would
 * stay REQUESTED for ever. The sweep enqueues every REQUESTED handoff older than a few minutes again under its
 * own id as the job id: BullMQ adds nothing while that job still exists (waiting, delayed for a retry, running),
 * and the job itself is idempotent on the handoff id, so sweeping too often costs a lookup, never a second package.
 *
 * Not covered: a job BullMQ itself failed without the hub recording FAILED (it stalled more often than allowed)
 * is still held in Redis as failed under that id until it expires (seven days), so enqueueing adds nothing until
 * then.
 */
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import type { Enqueue } from '../define-job.js';
import { applyStoredAcknowledgements } from './acknowledge-handoff.js';
import { deliverHandoffQueue } from './deliver-handoff.js';
import { undeliveredHandoffIds } from './handoff-store.js';
import type { HandoffSweepConfig } from './handoff-sweep-config.js';

export interface SweepOptions {
  /** A handoff younger than this may still be between its insert and its enqueue: left alone. */
  minAgeMs?: number;
  /** At most this many handoffs a sweep (the oldest first; the next sweep takes the rest). */
  limit?: number;
}

export const defaultSweepMinAgeMs = 5 * 60_000;

/** Enqueues deliver-handoff again for old REQUESTED handoffs; answers the handoff ids it enqueued. */
export async function sweepUndeliveredHandoffs(
  db: Db,
  enqueue: Enqueue,
  now: Date,
  options: SweepOptions = {},
): Promise<string[]> {
  const before = new Date(now.getTime() - (options.minAgeMs ?? defaultSweepMinAgeMs));
  const ids = await undeliveredHandoffIds(db, before, options.limit ?? 1000);
  if (ids.length === 0) return [];
  await enqueue(
    deliverHandoffQueue,
    ids.map((handoffId) => ({ data: { handoffId }, options: { jobId: handoffId } })),
  );
  return ids;
}

export interface HandoffSweep {
  /** Resolves when the running sweep (if any) has finished; no sweep starts after. */
  stop(): Promise<void>;
}

/**
 * Sweeps now and then every `config.intervalMs` (also catching up on stored acknowledgements that were not
 * applied). A failed sweep is logged by its code and tried again on the next tick.
 */
export function startHandoffSweep(deps: {
  db: Db;
  enqueue: Enqueue;
  now: () => Date;
  logger: Logger;
  config: HandoffSweepConfig;
}): HandoffSweep {
  let running: Promise<void> | null = null;
  let stopped = false;
  const sweep = async (): Promise<void> => {
    try {
      const requeued = await sweepUndeliveredHandoffs(deps.db, deps.enqueue, deps.now(), {
        minAgeMs: deps.config.minAgeMs,
      });
      const acknowledged = await applyStoredAcknowledgements(deps.db, deps.now);
      if (requeued.length > 0 || acknowledged > 0)
        deps.logger.info({ requeued: requeued.length, acknowledged }, 'transition handoff sweep');
    } catch (error) {
      deps.logger.error(
        { code: (error as { code?: unknown } | null)?.code ?? 'UNEXPECTED_ERROR' },
        'transition handoff sweep failed',
      );
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = sweep().finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, deps.config.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
