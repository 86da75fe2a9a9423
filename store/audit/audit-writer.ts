/**
 * The one way to write the access audit (the gateway for requests, reconciliation for its system reads).
 * `record(events)` resolves only once the events are committed;
 * if they cannot be (database down, closed, too slow) it rejects with HubError AUDIT_UNAVAILABLE and the gateway
 * returns no data — it fails closed.
 *
 * Group commit: one writer per process keeps at most one transaction in flight. Events recorded while it runs
 * queue up and go together in the next transaction (up to `maxBatchSize` events; one call's events always share
 * a transaction), which starts as soon as the previous one finishes. Under load each commit carries many events,
 * so throughput is bounded by batches per second rather than events per second. Across processes the chain's
 * advisory lock serialises the batches (see audit-chain.ts).
 */
import type { Db } from '../db.js';
import { HubError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { appendAuditEvents } from './audit-chain.js';
import { toCanonicalEvent, type AuditEvent, type CanonicalAuditEvent } from './audit-event.js';

/** What the gateway depends on (tests and other wiring can supply their own). */
export interface AuditSink {
  record(events: readonly AuditEvent[]): Promise<void>;
}

export interface AuditWriterOptions {
  /** Most events per transaction (a single call larger than this still goes in one). Default 500. */
  maxBatchSize?: number;
  /**
   * A call not committed within this many ms rejects with AUDIT_UNAVAILABLE (default 10 000). If it was still
   * queued it is dropped; if its transaction was already running, that transaction may still commit — the audit
   * then records an access whose data was withheld, never the other way round. A transaction still running after
   * twice this is abandoned and the next batch goes ahead.
   */
  timeoutMs?: number;
  /** Failures are logged here: error code and batch size only, never event contents. */
  logger?: Pick<Logger, 'error'>;
  /** Called after every batch, for metrics. */
  onBatch?: (batch: { events: number; calls: number; ms: number; ok: boolean }) => void;
  /** Clock for events without `occurredAt`. */
  now?: () => Date;
}

export interface AuditWriterStats {
  /** Transactions attempted. */
  batches: number;
  failedBatches: number;
  /** Events committed. */
  events: number;
  queuedCalls: number;
}

interface PendingCall {
  events: CanonicalAuditEvent[];
  resolve: () => void;
  reject: (error: HubError) => void;
  settled: boolean;
  timer: NodeJS.Timeout | undefined;
}

export class AuditWriter implements AuditSink {
  private readonly db: Db;
  private readonly maxBatchSize: number;
  private readonly timeoutMs: number;
  private readonly options: AuditWriterOptions;
  private readonly now: () => Date;
  private queue: PendingCall[] = [];
  private writing = false;
  private scheduled = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly counters: Omit<AuditWriterStats, 'queuedCalls'> = {
    batches: 0,
    failedBatches: 0,
    events: 0,
  };

  constructor(db: Db, options: AuditWriterOptions = {}) {
    this.db = db;
    this.options = options;
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    if (!Number.isInteger(this.maxBatchSize) || this.maxBatchSize < 1) {
      throw new Error('maxBatchSize must be a positive integer');
    }
  }

  record(events: readonly AuditEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(unavailable('The access audit writer is closed.'));
    let canonical: CanonicalAuditEvent[];
    try {
      canonical = events.map((event) => toCanonicalEvent(event, this.now));
    } catch (error) {
      // A programming error in the caller, but the rule is the same: nothing audited, nothing returned.
      return Promise.reject(unavailable(undefined, error));
    }
    if (canonical.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const call: PendingCall = { events: canonical, resolve, reject, settled: false, timer: undefined };
      call.timer = setTimeout(() => {
        this.queue = this.queue.filter((queued) => queued !== call);
        settle(call, unavailable('The access audit did not commit in time, so no data was returned.'));
        this.notifyIfIdle();
      }, this.timeoutMs);
      this.queue.push(call);
      this.schedule();
    });
  }

  /** Writes everything queued, then refuses new events. Does not close the database. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Resolves once everything recorded so far has been written (or has failed). */
  flush(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): AuditWriterStats {
    return { ...this.counters, queuedCalls: this.queue.length };
  }

  private isIdle(): boolean {
    return !this.writing && !this.scheduled && this.queue.length === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  // A microtask, not a timer: calls made in the same tick as the first one join its batch.
  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.writeNext();
    });
  }

  private takeBatch(): PendingCall[] {
    const batch: PendingCall[] = [];
    let size = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0] as PendingCall;
      if (batch.length > 0 && size + next.events.length > this.maxBatchSize) break;
      this.queue.shift();
      batch.push(next);
      size += next.events.length;
    }
    return batch;
  }

  private async writeNext(): Promise<void> {
    const batch = this.takeBatch();
    if (batch.length === 0) {
      this.notifyIfIdle();
      return;
    }
    this.writing = true;
    const events = batch.flatMap((call) => call.events);
    const started = performance.now();
    this.counters.batches += 1;
    let failure: unknown;
    try {
      await this.stallGuard(this.db.transaction((tx) => appendAuditEvents(tx, events)));
      this.counters.events += events.length;
    } catch (error) {
      failure = error;
      this.counters.failedBatches += 1;
      this.options.logger?.error(
        { events: events.length, calls: batch.length, code: errorCode(error) },
        'access audit write failed; the requests waiting on it get no data',
      );
    }
    const ms = performance.now() - started;
    const error = failure === undefined ? undefined : unavailable(undefined, safeCause(failure));
    for (const call of batch) settle(call, error);
    this.writing = false;
    this.options.onBatch?.({ events: events.length, calls: batch.length, ms, ok: failure === undefined });
    if (this.queue.length > 0) void this.writeNext();
    else this.notifyIfIdle();
  }

  /**
   * A transaction that has not finished within twice the timeout (a connection gone silent) is abandoned so the
   * writer is not wedged behind it: its callers have already been failed (and calls queued behind it dropped),
   * and the chain's lock keeps the abandoned transaction and the next one apart should it ever commit.
   */
  private async stallGuard(work: Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StalledError('audit transaction stalled')), 2 * this.timeoutMs);
    });
    try {
      await Promise.race([work, stalled]);
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined);
    }
  }
}

class StalledError extends Error {
  override readonly name = 'StalledError';
  readonly code = 'AUDIT_WRITE_STALLED';
}

function settle(call: PendingCall, error: HubError | undefined): void {
  if (call.settled) return;
  call.settled = true;
  clearTimeout(call.timer);
  if (error === undefined) call.resolve();
  else call.reject(error);
}

function unavailable(safeMessage?: string, cause?: unknown): HubError {
  return new HubError('AUDIT_UNAVAILABLE', {
    ...(safeMessage === undefined ? {} : { safeMessage }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * The failure as a cause for the HubError: its class and error code only. A database error's message or detail can
 * quote the row it refused, and the cause reaches the gateway's logs.
 */
function safeCause(error: unknown): Error {
  const name = error instanceof Error ? error.name : typeof error;
  const code = errorCode(error);
  return new Error(`access audit write failed (${name}${code === undefined ? '' : `, code ${code}`})`);
}

/** The SQLSTATE or system error code (ECONNREFUSED), if any: safe to log (a driver's message or detail can quote row values). */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
