/**
 * One feed through the real intake (`splitFeedBody` + `receiveFeed`, as POST /feeds/* stores it), then through
 * `ingestFeed` called directly (no queue; afterChunk only counts), timed, with this process's CPU time and peak
 * RSS over the ingest alone, and checked: the report and the dead letters must be what the feed was built to
 * give.
 */
import { performance } from 'node:perf_hooks';
import { ingestFeed, type IngestReport } from '../../feeds/ingest/ingest-feed.js';
import { receiveFeed, splitFeedBody, type FeedKind, type FeedLimits } from '../../feeds/intake/index.js';
import type { Db } from '../../store/db.js';
import { chunkTimer } from './ingest-chunk-timing.js';
import type { FeedVariant, PlannedFeed } from './ingest-feeds.js';

export interface IngestRunOptions {
  db: Db;
  kind: FeedKind;
  sender: string;
  limits: FeedLimits;
  chunkSize: number;
  /**
   * ANALYZE feed_records once the feed is stored, before ingest: a what-if, to see what the planner's estimates
   * for a freshly stored feed cost (not what the hub does).
   */
  analyzeAfterIntake: boolean;
}

export interface IngestRunFigures {
  intakeSeconds: number;
  report: IngestReport;
  ingestSeconds: number;
  cpuSeconds: number;
  /** Highest RSS sampled every 10 ms during the ingest, and RSS when it began (bytes). */
  peakRss: number;
  startRss: number;
  /**
   * Records/s over the first tenth of the chunks and over the last tenth (the final, partial chunk left out):
   * whether ingest slows as a feed's settled records pile up behind the pending ones.
   */
  firstTenthRate: number;
  lastTenthRate: number;
  /** Wall milliseconds summed over the chunks, by statement or phase (ingest-chunk-timing.ts). */
  phases: ReadonlyMap<string, number>;
  /** What afterChunk heard: children touched and alerts raised, summed over chunks. */
  childIdsHeard: number;
  alertsHeard: number;
}

async function store(options: IngestRunOptions, feed: PlannedFeed, variant: FeedVariant): Promise<string> {
  const { records, content } = splitFeedBody(options.kind, feed.body(variant), options.limits);
  const received = await receiveFeed(options.db, {
    kind: options.kind,
    submittedBy: 'svc-bench-feeds',
    sender: options.sender,
    records,
    content,
    now: () => new Date(),
  });
  if (received.status !== 'RECEIVED' || received.duplicateOf !== undefined)
    throw new Error(`intake answered ${received.status}${received.duplicateOf ? ' (a duplicate)' : ''}`);
  if (received.recordCount !== feed.records)
    throw new Error(`intake stored ${received.recordCount} records, expected ${feed.records}`);
  return received.feedId;
}

export async function storeAndIngest(
  options: IngestRunOptions,
  feed: PlannedFeed,
  variant: FeedVariant,
): Promise<IngestRunFigures> {
  let started = performance.now();
  const feedId = await store(options, feed, variant);
  if (options.analyzeAfterIntake) await options.db.exec('ANALYZE feed_records');
  const intakeSeconds = (performance.now() - started) / 1000;

  let childIdsHeard = 0;
  let alertsHeard = 0;
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 10);
  const timer = chunkTimer(options.db);
  const cpuBefore = process.cpuUsage();
  started = performance.now();
  let report: IngestReport;
  try {
    report = await ingestFeed(
      {
        db: timer.db,
        now: () => new Date(),
        chunkSize: options.chunkSize,
        afterChunk: async (chunk) => {
          childIdsHeard += chunk.childIds.length;
          alertsHeard += chunk.alerts.length;
        },
      },
      feedId,
    );
  } finally {
    clearInterval(sampler);
  }
  const ingestSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await check(options.db, feedId, report, feed, variant);
  return {
    ...tenthRates(timer.chunks, options.chunkSize),
    phases: timer.phases,
    intakeSeconds,
    report,
    ingestSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRss,
    startRss,
    childIdsHeard,
    alertsHeard,
  };
}

function tenthRates(chunks: ReadonlyArray<{ start: number; end: number }>, chunkSize: number) {
  const full = chunks.slice(0, -1);
  const tenth = Math.max(1, Math.floor(full.length / 10));
  const rate = (window: typeof full) =>
    window.length === 0
      ? 0
      : Math.round((window.length * chunkSize) / ((window.at(-1)!.end - window[0]!.start) / 1000));
  return { firstTenthRate: rate(full.slice(0, tenth)), lastTenthRate: rate(full.slice(-tenth)) };
}

/** The first send lands every good record; the re-send finds each a DUPLICATE; the bad are rejected both times. */
async function check(
  db: Db,
  feedId: string,
  report: IngestReport,
  feed: PlannedFeed,
  variant: FeedVariant,
): Promise<void> {
  const expected = {
    status: 'PROCESSED',
    accepted: variant === 'first' ? feed.accepted : 0,
    duplicates: variant === 'first' ? 0 : feed.accepted,
    rejected: feed.rejected,
  };
  const got = {
    status: report.status,
    accepted: report.accepted,
    duplicates: report.duplicates,
    rejected: report.rejected,
  };
  if (JSON.stringify(got) !== JSON.stringify(expected))
    throw new Error(`ingest reported ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
  const { rows } = await db.query<{ reason: string; n: number }>(
    `SELECT reason, count(*)::int AS n FROM feed_dead_letters WHERE feed_id = $1 GROUP BY reason`,
    [feedId],
  );
  const letters = Object.fromEntries(rows.map((row) => [row.reason, row.n]));
  const sorted = (value: Record<string, number>) => JSON.stringify(Object.entries(value).sort());
  if (sorted(letters) !== sorted(feed.rejectedByReason))
    throw new Error(
      `dead letters ${JSON.stringify(letters)}, expected ${JSON.stringify(feed.rejectedByReason)}`,
    );
}
