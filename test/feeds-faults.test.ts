/**
 * Feeds under faults. A 10,000-row school census (support/feed-school-census.ts: bad rows of ten kinds, returns
 * that raise exclusion alerts, its exact outcome worked out while it is built) is stored through the real intake
 * (`splitFeedBody` + `receiveFeed`, as POST /feeds/school stores it) and ingested by the real `ingest-feed` job in
 * worker processes of their own (support/feed-ingest-worker.ts), with the queues on a private redis-server this
 * file may crash (support/private-redis-server.ts):
 * - the worker holding the job is SIGKILLed 20 times, spread across the feed, and a fresh one takes over each time;
 * - Redis crashes mid-feed and comes back with its AOF;
 * - Redis comes back empty, and the hub's sweep queues the feed again (`enqueueReceivedFeeds`) and hands on the
 *   alerts Redis lost (`redispatchUnsettledAlerts`).
 * Each time every record must be settled exactly once, as built: none lost, none landed or dead-lettered twice,
 * every alert queued once. Then the edges of "at least once": a feed whose job BullMQ failed for good (a 21st
 * worker death, attempts used up) must be queued again by the sweep; the alerts of a chunk whose worker died
 * between its commit and queueing them must still be queued; and a poison record must not hold up its feed.
 */
import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedStatus } from '../feeds/ingest/feed-status.js';
import { ingestFeed } from '../feeds/ingest/ingest-feed.js';
import { validateEach } from '../feeds/ingest/ingest-chunk.js';
import type { RecordOutcome } from '../feeds/ingest/record-outcome.js';
import { seedChildren } from '../feeds/ingest/testing/seed-feeds.js';
import { enqueueReceivedFeeds, receiveFeed, splitFeedBody } from '../feeds/intake/index.js';
import { reject } from '../feeds/records/dead-letter-reasons.js';
import { schoolHeaderLine, schoolRow, upnFor } from '../feeds/records/testing/record-fixtures.js';
import { feedIntakeConfigSection } from '../gateway/feed-intake/feed-intake-config.js';
import { ingestFeedJob } from '../jobs/ingest-feed/index.js';
import { redispatchUnsettledAlerts } from '../jobs/ingest-feed/redispatch-alerts.js';
import { notifyAlertQueue } from '../jobs/notify-alert/alert-data.js';
import { reconcileChildJob } from '../jobs/reconcile-child/index.js';
import { createEnqueue, createQueues } from '../jobs/worker-host.js';
import { parseConfig } from '../platform/config.js';
import { keyspace } from '../platform/redis.js';
import type { Db } from '../store/db.js';
import { migratedSchema, testDatabaseUrl, type TestSchema } from '../store/testing/migrated-schema.js';
import { spawnIngestWorker, type IngestWorker } from './support/feed-ingest-worker.js';
import { buildCensusFeed, censusUrn, expectedCounts } from './support/feed-school-census.js';
import { startPrivateRedisServer, type PrivateRedisServer } from './support/private-redis-server.js';

const now = new Date('2026-12-03T12:00:00Z');
const rows = 10_000;
const kills = 20;
const census = buildCensusFeed(rows);
const counts = expectedCounts(census.expected);
const intake = parseConfig({ feedIntake: feedIntakeConfigSection }, {}).feedIntake;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

/** Stores a CSV exactly as the intake route does: split while it streams, stored record by record. */
async function receiveCsv(db: Db, bytes: Buffer): Promise<string> {
  async function* body() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
  }
  const { records, content } = splitFeedBody('SCHOOL_CSV', body(), intake.limits.SCHOOL_CSV);
  const received = await receiveFeed(db, {
    kind: 'SCHOOL_CSV',
    submittedBy: 'svc-feeds',
    sender: censusUrn,
    records,
    content,
    now: () => now,
    batch: { rows: intake.batchRows, bytes: 4 * 1024 * 1024 },
  });
  expect(received.status).toBe('RECEIVED');
  return received.feedId;
}

let redis: PrivateRedisServer;

beforeAll(async () => {
  redis = await startPrivateRedisServer();
  expect(counts.accepted + counts.duplicates + counts.rejected).toBe(rows);
}, 60_000);

afterAll(async () => {
  await redis?.close();
});

/** One feed in a schema and a keyspace of its own, with the queues the job uses. */
interface FeedRun {
  db: Db;
  feedId: string;
  enqueue: ReturnType<typeof createEnqueue>;
  startWorker(): IngestWorker;
  /** Fails the queued ingest job for good, as BullMQ does at a job's 21st worker death or last attempt. */
  failJob(): Promise<void>;
  /** Settled and PENDING records (the header counts), and whether a chunk's transaction holds the feed row. */
  progress(): Promise<{ settled: number; pending: number; chunkOpen: boolean }>;
  /** Where the job is: its state, how often it was found stalled, when it last became active. */
  job(): Promise<{ state: string; stalled: number; activeSince: number }>;
  /** The event keys of the alert jobs queued, and the children of the reconciliations queued. */
  followUps(): Promise<{ alerts: string[]; reconciled: string[] }>;
  close(): Promise<void>;
}

async function prepareFeed(prefix: string): Promise<FeedRun> {
  const store: TestSchema = await migratedSchema({ prefix, poolMax: 4 });
  const { db } = store;
  await seedChildren(db, census.children);
  const feedId = await receiveCsv(db, census.bytes);
  const hubEnv = `t${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const connection = { url: redis.url, maxRetriesPerRequest: null };
  const naming = keyspace(hubEnv);
  const queues = createQueues([ingestFeedJob, reconcileChildJob], connection, naming);
  queues.set(
    notifyAlertQueue,
    new Queue(notifyAlertQueue, { connection, prefix: naming.queuePrefix('notify') }),
  );
  // Redis is crashed on purpose: a connection reset while it is down is expected, and reconnecting is automatic.
  for (const queue of queues.values()) queue.on('error', () => undefined);
  const workers: IngestWorker[] = [];
  const all = [
    'active',
    'waiting',
    'delayed',
    'completed',
    'failed',
    'prioritized',
    'waiting-children',
  ] as const;
  const job = async () => {
    const found = await queues.get(ingestFeedJob.name)!.getJob(feedId);
    if (!found) return { state: 'missing', stalled: 0, activeSince: 0 };
    return {
      state: await found.getState(),
      stalled: found.stalledCounter,
      activeSince: found.processedOn ?? 0,
    };
  };
  return {
    db,
    feedId,
    enqueue: createEnqueue(queues),
    startWorker() {
      const worker = spawnIngestWorker({
        redisUrl: redis.url,
        hubEnv,
        databaseUrl: testDatabaseUrl,
        schema: store.schema,
        now,
      });
      workers.push(worker);
      return worker;
    },
    async failJob() {
      const failing = new Worker(
        ingestFeedJob.name,
        () => Promise.reject(new UnrecoverableError('job stalled more than allowable limit')),
        { connection, prefix: naming.queuePrefix(ingestFeedJob.domain) },
      );
      try {
        // A failed ingest job is removed (the feed's state is in the store), so "failed" may already be "missing".
        await until(
          'the job has failed',
          async () => ['failed', 'missing'].includes((await job()).state),
          20_000,
        );
      } finally {
        await failing.close();
      }
    },
    async progress() {
      const {
        rows: [row],
      } = await db.query<{ settled: number; pending: number; chunk_open: boolean }>(
        `SELECT count(*) FILTER (WHERE state <> 'PENDING')::int AS settled,
                count(*) FILTER (WHERE state = 'PENDING')::int AS pending,
                EXISTS (SELECT 1 FROM pg_locks l
                          JOIN pg_class c ON c.oid = l.relation
                          JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = $2 AND c.relname = 'feeds' AND l.mode = 'RowShareLock'
                           AND l.granted) AS chunk_open
           FROM feed_records WHERE feed_id = $1`,
        [feedId, store.schema],
      );
      return { settled: row!.settled, pending: row!.pending, chunkOpen: row!.chunk_open };
    },
    job,
    async followUps() {
      const alerts = await queues.get(notifyAlertQueue)!.getJobs([...all]);
      const reconciliations = await queues.get(reconcileChildJob.name)!.getJobs([...all]);
      return {
        alerts: alerts.map((job) => (job.data as { eventKey: string }).eventKey),
        reconciled: reconciliations.flatMap((job) => (job.data as { childIds: string[] }).childIds),
      };
    },
    async close() {
      for (const worker of workers) await worker.kill();
      for (const queue of queues.values()) {
        await queue.obliterate({ force: true });
        await queue.close();
      }
      await store.drop();
    },
  };
}

interface Kill {
  /** A chunk's transaction was open when the worker died, and nothing was committed between: it was rolled back. */
  midChunk: boolean;
  /** Records still PENDING once the worker was dead. */
  pending: number;
}

/**
 * SIGKILLs the worker while one of its chunks is in its transaction (the feed row locked), or after 20 s whatever
 * it is doing; then, once its connections are gone, says whether that chunk was rolled back.
 */
async function killMidChunk(run: FeedRun, worker: IngestWorker): Promise<Kill> {
  const deadline = Date.now() + 20_000;
  let before = await run.progress();
  while (!before.chunkOpen && Date.now() < deadline) {
    await sleep(2);
    before = await run.progress();
  }
  await worker.kill();
  await until(
    'the transaction of the killed worker is gone',
    async () => !(await run.progress()).chunkOpen,
    20_000,
  );
  const after = await run.progress();
  return { midChunk: before.chunkOpen && after.settled === before.settled, pending: after.pending };
}

async function untilFeedDone(run: FeedRun, timeoutMs: number): Promise<void> {
  await until(
    'the feed is PROCESSED and its job completed',
    async () =>
      // A completed ingest job is removed at once: gone, with its feed PROCESSED, is completed.
      ['completed', 'missing'].includes((await run.job()).state) &&
      (await feedStatus(run.db, run.feedId))?.status === 'PROCESSED',
    timeoutMs,
  );
}

/**
 * Every record settled once as built, every landed row exactly the accepted ones, every letter once, and the
 * follow-ups of the positions in `queuedFrom` (all of them unless Redis lost some) queued exactly once.
 */
async function expectExactOutcome(
  run: FeedRun,
  queuedFrom: (position: number) => boolean = () => true,
  alertsFrom: (position: number) => boolean = queuedFrom,
  /** AT_MOST: reconciliations Redis may have lost are left to the nightly run (none twice, none extra). */
  reconciliations: 'EXACT' | 'AT_MOST' = 'EXACT',
) {
  const { db, feedId } = run;
  expect(await feedStatus(db, feedId)).toMatchObject({
    status: 'PROCESSED',
    recordCount: rows,
    accepted: counts.accepted,
    duplicates: counts.duplicates,
    rejected: counts.rejected,
    pending: 0,
  });

  const settled = await db.query<{ position: number; state: string; child_id: string | null }>(
    `SELECT position, state, child_id FROM feed_records WHERE feed_id = $1 AND position > 1 ORDER BY position`,
    [feedId],
  );
  const letters = await db.query<{ position: number; reason: string; replay: number }>(
    `SELECT position, reason, replay FROM feed_dead_letters WHERE feed_id = $1 ORDER BY position, replay`,
    [feedId],
  );
  const letterAt = new Map(letters.rows.map((letter) => [letter.position, letter.reason]));
  expect(letterAt.size).toBe(letters.rows.length);
  const actual = new Map(
    settled.rows.map((row) => [
      row.position,
      row.state === 'REJECTED'
        ? { state: row.state, reason: letterAt.get(row.position) }
        : { state: row.state, childId: row.child_id },
    ]),
  );
  expect(actual).toEqual(census.expected);
  const lettersByReason: Record<string, number> = {};
  for (const letter of letters.rows)
    lettersByReason[letter.reason] = (lettersByReason[letter.reason] ?? 0) + 1;
  expect(lettersByReason).toEqual(counts.letters);

  // Landed: exactly the accepted rows, each once (the table's key is the return's key), and nothing else.
  const landed = await db.query<{ position: number; child_id: string; feed_id: string }>(
    `SELECT position, child_id, feed_id FROM feed_school_returns ORDER BY position`,
  );
  const accepted = [...census.expected].filter(([, outcome]) => outcome.state === 'ACCEPTED');
  expect(landed.rows.length).toBe(counts.accepted);
  expect(landed.rows.map((row) => row.position)).toEqual(accepted.map(([position]) => position));
  expect(new Set(landed.rows.map((row) => row.feed_id))).toEqual(new Set([feedId]));

  // Follow-ups: one alert job per alert raised, one reconciliation per child whose data changed.
  const { alerts, reconciled } = await run.followUps();
  expect(alerts.length).toBe(new Set(alerts).size);
  expect(new Set(alerts)).toEqual(
    new Set([...census.alerts].filter(([position]) => alertsFrom(position)).map(([, key]) => key)),
  );
  expect(reconciled.length).toBe(new Set(reconciled).size);
  const dueReconciliations = new Set(
    accepted
      .filter(([position]) => queuedFrom(position))
      .map(([, outcome]) => (outcome as { childId: string }).childId),
  );
  if (reconciliations === 'EXACT') expect(new Set(reconciled)).toEqual(dueReconciliations);
  else expect(reconciled.filter((childId) => !dueReconciliations.has(childId))).toEqual([]);
}

describe('a 10,000-record school feed under faults', () => {
  it('loses and repeats nothing when the worker holding it is SIGKILLed 20 times', async () => {
    const run = await prepareFeed('t_feed_kills');
    try {
      const started = Date.now();
      let holder = run.startWorker();
      await holder.ready;
      expect(await enqueueReceivedFeeds(run.db, run.enqueue)).toBe(1);
      const done: Array<Kill & { settledAt: number }> = [];
      let killedAt = 0;
      // Read while the job exists: a completed ingest job is removed at once.
      let stalledBeforeLastKill = 0;
      for (let k = 1; k <= kills; k += 1) {
        // The live worker has taken the job over (a kill leaves it active until its lock expires).
        await until(
          `worker ${k} holds the job`,
          async () => {
            const job = await run.job();
            return job.state === 'active' && job.activeSince > killedAt;
          },
          30_000,
        );
        const { settled } = await run.progress();
        stalledBeforeLastKill = (await run.job()).stalled;
        const spare = run.startWorker();
        // Two kills in three come after the worker committed a chunk of its own, so the kills walk through the feed;
        // the third catches it in the first chunk it takes.
        if (k % 3 !== 0)
          await until(
            `worker ${k} commits a chunk`,
            async () => (await run.progress()).settled > settled,
            30_000,
          );
        await sleep(Math.floor(Math.random() * 60));
        const kill = await killMidChunk(run, holder);
        killedAt = Date.now();
        done.push({ ...kill, settledAt: rows + 1 - kill.pending });
        await spare.ready;
        holder = spare;
      }
      await untilFeedDone(run, 120_000);
      const elapsed = Date.now() - started;

      expect(done.length).toBe(kills);
      expect(done.filter((kill) => kill.pending > 0).length).toBe(kills);
      const midChunk = done.filter((kill) => kill.midChunk).length;
      // Spread across the feed: the first kills early, the last ones past its middle.
      expect(done[0]!.settledAt).toBeLessThan(rows * 0.15);
      expect(done.at(-1)!.settledAt).toBeGreaterThan(rows * 0.5);
      // eslint-disable-next-line no-console -- the figures the closing note reports
      console.info(
        `feed faults: ${done.length} SIGKILLs with records PENDING, ${midChunk} inside a chunk's transaction; ` +
          `job found stalled ${stalledBeforeLastKill} times before the last kill; settled at each kill ${done.map((kill) => kill.settledAt).join(' ')}; ` +
          `${(elapsed / 1000).toFixed(1)} s from enqueue to PROCESSED`,
      );
      expect(midChunk).toBeGreaterThan(kills / 2);
      await expectExactOutcome(run);
    } finally {
      await run.close();
    }
  }, 170_000);

  it('finishes with nothing lost when Redis crashes mid-feed and comes back with its AOF', async () => {
    const run = await prepareFeed('t_feed_redis_crash');
    try {
      const started = Date.now();
      const worker = run.startWorker();
      await worker.ready;
      expect(await enqueueReceivedFeeds(run.db, run.enqueue)).toBe(1);
      await until('half the feed is settled', async () => (await run.progress()).settled > rows / 2, 60_000);
      const { pending } = await run.progress();
      await redis.restart({ signal: 'SIGKILL' });
      await untilFeedDone(run, 90_000);
      // eslint-disable-next-line no-console -- the figures the closing note reports
      console.info(
        `feed faults: Redis SIGKILLed with ${pending} records PENDING, back with its AOF; ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s from enqueue to PROCESSED`,
      );
      expect(pending).toBeGreaterThan(0);
      // AOF with fsync every second (as in production) may lose the jobs queued in the crash's last second. The
      // alerts among them were never settled, so the sweep's alert step hands them on again (the hub runs it
      // every 5 minutes for alerts 10 minutes old; here at once); reconciliations are left to the nightly run.
      await redispatchUnsettledAlerts(run.db, run.enqueue, new Date(Date.now() + 24 * 3600_000), 0);
      await expectExactOutcome(
        run,
        () => true,
        () => true,
        'AT_MOST',
      );
    } finally {
      await run.close();
    }
  }, 150_000);

  it('finishes exactly once the sweep queues it again when Redis comes back empty', async () => {
    const run = await prepareFeed('t_feed_redis_lost');
    try {
      const worker = run.startWorker();
      await worker.ready;
      expect(await enqueueReceivedFeeds(run.db, run.enqueue)).toBe(1);
      await until('half the feed is settled', async () => (await run.progress()).settled > rows / 2, 60_000);
      // The host goes: the worker dies mid-chunk and Redis comes back with nothing.
      const kill = await killMidChunk(run, worker);
      const before = await run.db.query<{ position: number }>(
        `SELECT position FROM feed_records WHERE feed_id = $1 AND state <> 'PENDING'`,
        [run.feedId],
      );
      const settledBefore = new Set(before.rows.map((row) => row.position));
      await redis.restart({ signal: 'SIGKILL', wipe: true });
      const fresh = run.startWorker();
      await fresh.ready;

      // Nothing in Redis, so nothing happens until the sweep looks at the store.
      expect((await run.job()).state).toBe('missing');
      await sleep(3_000);
      expect((await run.progress()).pending).toBe(kill.pending);
      const started = Date.now();
      expect(await enqueueReceivedFeeds(run.db, run.enqueue)).toBe(1);
      await untilFeedDone(run, 90_000);
      const lostAlerts = [...census.alerts.keys()].filter((position) => settledBefore.has(position)).length;
      // eslint-disable-next-line no-console -- the figures the closing note reports
      console.info(
        `feed faults: Redis lost with ${kill.pending} records PENDING (worker killed mid-chunk: ${kill.midChunk}); ` +
          `the sweep's job finished the feed in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `${lostAlerts} of ${census.alerts.size} alert jobs were queued before Redis lost them`,
      );
      expect(kill.pending).toBeGreaterThan(0);
      // The alerts Redis lost were never settled by notify-alert (none runs here): the sweep's second half hands
      // every one of them on again (at any later sweep; here at once), so no alert is lost. Reconciliations Redis
      // lost are not handed on again: the nightly run covers every child.
      const redispatched = await redispatchUnsettledAlerts(
        run.db,
        run.enqueue,
        new Date(Date.now() + 24 * 3600_000),
        0,
      );
      expect(redispatched).toBeGreaterThanOrEqual(lostAlerts);
      await expectExactOutcome(
        run,
        (position) => !settledBefore.has(position),
        () => true,
      );
    } finally {
      await run.close();
    }
  }, 150_000);
});

describe('a feed whose ingest job failed', () => {
  it('is queued again by the sweep and finishes', async () => {
    const run = await prepareFeed('t_feed_failed_job');
    try {
      expect(await enqueueReceivedFeeds(run.db, run.enqueue)).toBe(1);
      await run.failJob();
      expect((await feedStatus(run.db, run.feedId))?.status).toBe('RECEIVED');

      // What the hub's sweep does at start-up and every 5 minutes.
      expect(await enqueueReceivedFeeds(run.db, run.enqueue)).toBe(1);
      expect((await run.job()).state).not.toBe('failed');
      const worker = run.startWorker();
      await worker.ready;
      await untilFeedDone(run, 60_000);
      await expectExactOutcome(run);
    } finally {
      await run.close();
    }
  }, 90_000);
});

describe('the follow-ups of a committed chunk', () => {
  it('are queued by the next run when the worker died between the commit and queueing them', async () => {
    const store = await migratedSchema({ prefix: 't_feed_followups', poolMax: 2 });
    try {
      const children = Array.from({ length: 1200 }, (_, i) => ({
        childId: `child-${i + 1}`,
        upn: upnFor(i + 1),
      }));
      await seedChildren(store.db, children);
      const excluded = (i: number) => i % 50 === 0;
      const lines = children.map((child, i) =>
        schoolRow({
          upn: child.upn,
          ...(excluded(i) ? { suspensions: '1', latest_exclusion_date: '2026-11-20' } : {}),
        }),
      );
      const feedId = await receiveCsv(store.db, Buffer.from([schoolHeaderLine, ...lines].join('\n')));
      const raised = children.filter((_, i) => excluded(i)).map((child) => child.childId);

      // The first run commits its first chunk and dies before its follow-ups reach Redis (a SIGKILL there leaves
      // exactly this behind); BullMQ then hands the job to another worker.
      const died = new Error('the worker died');
      await expect(
        ingestFeed({ db: store.db, now: () => now, afterChunk: () => Promise.reject(died) }, feedId),
      ).rejects.toBe(died);
      expect((await feedStatus(store.db, feedId))?.pending).toBeGreaterThan(0);
      const queued: string[] = [];
      await ingestFeed(
        {
          db: store.db,
          now: () => now,
          afterChunk: async (chunk) => void queued.push(...chunk.alerts.map((alert) => alert.childId)),
        },
        feedId,
      );
      expect((await feedStatus(store.db, feedId))?.status).toBe('PROCESSED');
      expect(new Set(queued)).toEqual(new Set(raised));
    } finally {
      await store.drop();
    }
  });
});

describe('a poison record', () => {
  it('is dead-lettered alone when its validator throws, and the others go on to landing', () => {
    const records = [2, 3, 4, 5, 6].map((position) => ({
      position,
      bytes: Buffer.from(`row ${position}`),
      rawSize: 5,
      corrected: false,
      replays: 0,
    }));
    const outcomes: RecordOutcome[] = [];
    const valid = validateEach(
      records,
      (text) => {
        if (text === 'row 4') throw new RangeError('Maximum call stack size exceeded');
        return text === 'row 6' ? reject('SCHEMA', 'upn') : { ok: true, value: text };
      },
      outcomes,
    );
    expect(valid.map((item) => item.position)).toEqual([2, 3, 5]);
    expect(outcomes).toEqual([
      {
        position: 4,
        state: 'REJECTED',
        childId: null,
        letter: { reason: 'INTERNAL_ERROR', detail: '(record)' },
      },
      { position: 6, state: 'REJECTED', childId: null, letter: { reason: 'SCHEMA', detail: 'upn' } },
    ]);
  });

  it('does not hold up the rest of its feed when it breaks landing (a census date in year 0)', async () => {
    // Year 0 is a calendar date to JavaScript but not to PostgreSQL: validation dead-letters it (SCHEMA), and a
    // value the store refuses although validation passed is isolated and dead-lettered alone (ingest-feed.ts;
    // feeds/ingest/unstorable-record.pg.test.ts). Either way the rest of the feed lands.
    const store = await migratedSchema({ prefix: 't_feed_poison', poolMax: 2 });
    try {
      const children = Array.from({ length: 1200 }, (_, i) => ({
        childId: `child-${i + 1}`,
        upn: upnFor(i + 1),
      }));
      await seedChildren(store.db, children);
      const poisonAt = 300;
      const lines = children.map((child, i) =>
        schoolRow({ upn: child.upn, ...(i + 2 === poisonAt ? { census_date: '0000-06-01' } : {}) }),
      );
      const feedId = await receiveCsv(store.db, Buffer.from([schoolHeaderLine, ...lines].join('\n')));

      const report = await ingestFeed({ db: store.db, now: () => now }, feedId).catch((error: unknown) => ({
        failed: (error as { code?: string }).code ?? 'error',
      }));
      expect(report).toMatchObject({ outcome: 'PROCESSED' });
      expect(await feedStatus(store.db, feedId)).toMatchObject({
        status: 'PROCESSED',
        accepted: children.length - 1,
        rejected: 1,
        pending: 0,
      });
      const { rows: letters } = await store.db.query<{ position: number }>(
        `SELECT position FROM feed_dead_letters WHERE feed_id = $1`,
        [feedId],
      );
      expect(letters).toEqual([{ position: poisonAt }]);
    } finally {
      await store.drop();
    }
  });
});
