import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedStatus } from '../../feeds/ingest/feed-status.js';
import {
  bundleRecords,
  csvRecords,
  insertFeed,
  seedChildren,
  type SeedRecord,
} from '../../feeds/ingest/testing/seed-feeds.js';
import {
  badNhsNumber,
  badUpn,
  encounterEntry,
  nhsNumberFor,
  patientEntry,
  schoolHeaderLine,
  schoolRow,
  upnFor,
} from '../../feeds/records/testing/record-fixtures.js';
import { createLogger } from '../../platform/logger.js';
import { keyspace } from '../../platform/redis.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { reconcileChildJob } from '../reconcile-child/index.js';
import { createEnqueue, createQueues, startWorkers, type WorkerHost } from '../worker-host.js';
import { notifyAlertQueue } from '../notify-alert/alert-data.js';
import { ingestFeedJob } from './index.js';

const connection = {
  url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  maxRetriesPerRequest: null,
};
const now = () => new Date('2026-12-03T12:00:00Z');

/** A deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const children = 1000;
const badKinds = 8;
const perBadKind = 25;

/** 500 Patients, 500 Encounters (every 10th EMER) and 25 records of each of 8 faults, shuffled. */
function gpEntries(): {
  entries: Array<unknown>;
  reasons: Map<string, number>;
  expected: Map<number, string>;
} {
  const good: unknown[] = [];
  for (let n = 1; n <= 500; n += 1) {
    good.push(patientEntry(`p${n}`, nhsNumberFor(n)));
    good.push(
      encounterEntry(`e${n}`, { reference: `Patient/p${n}` }, { classCode: n % 10 === 0 ? 'EMER' : 'AMB' }),
    );
  }
  const bad: Array<[string, (i: number) => unknown]> = [
    ['NHS_NUMBER_CHECKSUM', (i) => patientEntry(`bad-nhs-${i}`, badNhsNumber(2000 + i))],
    ['NO_MATCHING_CHILD', (i) => patientEntry(`stranger-${i}`, nhsNumberFor(5000 + i))],
    ['UNRESOLVED_REFERENCE', (i) => encounterEntry(`lost-${i}`, { reference: `Patient/nobody-${i}` })],
    ['UNSUPPORTED_RESOURCE', (i) => ({ resource: { resourceType: 'Flag', id: `flag-${i}` } })],
    ['UNKNOWN_CODE', (i) => encounterEntry(`odd-${i}`, { reference: 'Patient/p1' }, { classCode: 'ZZ' })],
    [
      'FUTURE_DATE',
      (i) => encounterEntry(`soon-${i}`, { reference: 'Patient/p1' }, { start: '2027-01-01T00:00:00Z' }),
    ],
    [
      'MISSING_FIELD',
      (i) => ({
        resource: { resourceType: 'Condition', id: `c-${i}`, subject: { reference: 'Patient/p1' } },
      }),
    ],
    [
      'BAD_ENCODING',
      (i) =>
        Buffer.concat([
          Buffer.from(`{"resource":{"id":"x${i}"`),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('}}'),
        ]),
    ],
  ];
  const reasons = new Map<string, number>();
  const faulty = bad.flatMap(([reason, make]) => {
    reasons.set(reason, perBadKind);
    return Array.from({ length: perBadKind }, (_, i) => ({ item: make(i), reason }));
  });
  const mixed = shuffled([...good.map((item) => ({ item, reason: null })), ...faulty], 7);
  return {
    entries: mixed.map(({ item }) => item),
    reasons,
    expected: new Map(mixed.flatMap(({ reason }, index) => (reason ? [[index, reason]] : []))),
  };
}

/** 1000 returns (20 with a recent exclusion) and 25 rows of each of 8 faults, shuffled after the header. */
function schoolRows(): {
  rows: Array<string | Buffer>;
  oversize: number[];
  reasons: Map<string, number>;
  expected: Map<number, string>;
} {
  const good = Array.from({ length: children }, (_, i) =>
    schoolRow(
      i < 20
        ? { upn: upnFor(i + 1), suspensions: '1', latest_exclusion_date: '2026-11-25' }
        : { upn: upnFor(i + 1) },
    ),
  );
  const bad: Array<[string, (i: number) => string | Buffer]> = [
    ['UPN_CHECK_LETTER', (i) => schoolRow({ upn: badUpn(i + 1) })],
    ['NO_MATCHING_CHILD', (i) => schoolRow({ upn: upnFor(50_000 + i) })],
    ['UNKNOWN_CODE', (i) => schoolRow({ upn: upnFor(i + 1), year_group: 'Y9', census_date: '2025-01-01' })],
    ['MISSING_FIELD', (i) => schoolRow({ upn: upnFor(i + 1), ehcp: '', census_date: '2025-01-02' })],
    ['FUTURE_DATE', (i) => schoolRow({ upn: upnFor(i + 1), census_date: '2027-01-03' })],
    ['SCHEMA', (i) => schoolRow({ upn: upnFor(i + 1), sessions_attended: '101', census_date: '2025-01-04' })],
    ['BAD_ENCODING', () => Buffer.from([0x41, 0x2c, 0xff, 0xfe])],
    ['OVERSIZE', (i) => `oversize-${i}`],
  ];
  const reasons = new Map<string, number>();
  const faulty = bad.flatMap(([reason, make]) => {
    reasons.set(reason, perBadKind);
    return Array.from({ length: perBadKind }, (_, i) => ({ item: make(i), reason }));
  });
  const mixed = shuffled([...good.map((item) => ({ item, reason: null })), ...faulty], 11);
  const rows = mixed.map(({ item }) => item);
  // Data rows are lines 2.. (the header is line 1).
  const expected = new Map(mixed.flatMap(({ reason }, index) => (reason ? [[index + 2, reason]] : [])));
  const oversize = rows.flatMap((row, index) =>
    typeof row === 'string' && row.startsWith('oversize-') ? [index + 2] : [],
  );
  return { rows, oversize, reasons, expected };
}

describe('ingest-feed on a real BullMQ queue', () => {
  const suffix = randomUUID().replaceAll('-', '').slice(0, 10);
  const naming = keyspace(`t${suffix}`);
  const logger = createLogger({ service: 'test', level: 'silent' });
  let store: TestSchema;
  let db: Db;
  let host: WorkerHost;
  const queues = createQueues([ingestFeedJob, reconcileChildJob], connection, naming);
  const alertQueue = new Queue(notifyAlertQueue, { connection, prefix: naming.queuePrefix('notify') });
  queues.set(notifyAlertQueue, alertQueue);
  const ingestQueue = queues.get(ingestFeedJob.name)!;
  const events = new QueueEvents(ingestFeedJob.name, { connection, prefix: naming.queuePrefix('feeds') });

  beforeAll(async () => {
    store = await migratedSchema({ prefix: 't_ingest_job', poolMax: 6 });
    db = store.db;
    await seedChildren(
      db,
      Array.from({ length: children }, (_, i) => ({
        childId: `child-${i + 1}`,
        upn: upnFor(i + 1),
        ...(i < 500 ? { nhsNumber: nhsNumberFor(i + 1) } : {}),
      })),
    );
    host = await startWorkers({
      definitions: [ingestFeedJob],
      connection,
      naming,
      deps: { db, logger, now, connectors: [], enqueue: createEnqueue(queues) },
      logger,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await host?.close();
    await events.close();
    for (const queue of queues.values()) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await store?.drop();
  });

  async function ingest(feedId: string) {
    const job = await ingestQueue.add('ingest', { feedId }, { jobId: feedId });
    return job.waitUntilFinished(events, 60_000);
  }

  async function reasonCounts(feedId: string) {
    const { rows } = await db.query<{ reason: string; n: string }>(
      `SELECT reason, count(*) AS n FROM feed_dead_letters WHERE feed_id = $1 GROUP BY reason`,
      [feedId],
    );
    return new Map(rows.map((row) => [row.reason, Number(row.n)]));
  }

  async function letterReasons(feedId: string) {
    const { rows } = await db.query<{ position: number; reason: string }>(
      `SELECT position, reason FROM feed_dead_letters WHERE feed_id = $1 ORDER BY position`,
      [feedId],
    );
    return new Map(rows.map((row) => [row.position, row.reason]));
  }

  async function landedCount(table: 'feed_gp_resources' | 'feed_school_returns') {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]!.n);
  }

  async function allJobData(queue: Queue) {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
    return jobs.map((job) => ({ id: job.id, data: job.data as Record<string, unknown> }));
  }

  it('lands a GP feed and a school feed exactly, dead-letters each fault with its reason, and re-sends add nothing', async () => {
    const gp = gpEntries();
    const gpRecords = bundleRecords(gp.entries);
    const gpFeed = await insertFeed(db, { kind: 'GP_FHIR', sender: 'A81001', records: gpRecords });
    expect(await ingest(gpFeed)).toMatchObject({
      outcome: 'PROCESSED',
      accepted: 1000,
      duplicates: 0,
      rejected: 200,
    });
    expect(await reasonCounts(gpFeed)).toEqual(gp.reasons);
    expect(await letterReasons(gpFeed)).toEqual(gp.expected);
    expect(gp.reasons.size).toBe(badKinds);

    const school = schoolRows();
    const schoolRecords: SeedRecord[] = csvRecords(schoolHeaderLine, school.rows).map((record) =>
      school.oversize.includes(record.position) ? { ...record, rawSize: 10_000 } : record,
    );
    const schoolFeed = await insertFeed(db, { kind: 'SCHOOL_CSV', sender: '123456', records: schoolRecords });
    expect(await ingest(schoolFeed)).toMatchObject({ outcome: 'PROCESSED', accepted: 1000, rejected: 200 });
    expect(await reasonCounts(schoolFeed)).toEqual(school.reasons);
    expect(await letterReasons(schoolFeed)).toEqual(school.expected);

    for (const feedId of [gpFeed, schoolFeed])
      expect(await feedStatus(db, feedId)).toMatchObject({
        status: 'PROCESSED',
        pending: 0,
        recordCount: 1200,
      });
    expect(await landedCount('feed_gp_resources')).toBe(1000);
    expect(await landedCount('feed_school_returns')).toBe(1000);
    const alerts = await allJobData(alertQueue);
    expect(alerts.filter((job) => job.data['kind'] === 'UNSCHEDULED_CARE')).toHaveLength(50);
    expect(alerts.filter((job) => job.data['kind'] === 'SCHOOL_EXCLUSION')).toHaveLength(20);
    const reconciliations = await allJobData(queues.get('reconcile-child')!);
    const reconciled = new Set(reconciliations.flatMap((job) => job.data['childIds'] as string[]));
    expect(reconciled.size).toBe(children);

    // The same records again, as three more feeds each, in other orders (a CSV header stays line 1).
    const landedBefore = await db.query(
      `SELECT * FROM feed_gp_resources ORDER BY resource_type, resource_id`,
    );
    for (const seed of [1, 2, 3]) {
      const gpAgain = await insertFeed(db, {
        kind: 'GP_FHIR',
        sender: 'A81001',
        records: shuffled(gpRecords, seed).map((record, index) => ({ ...record, position: index })),
      });
      expect(await ingest(gpAgain)).toMatchObject({ accepted: 0, duplicates: 1000, rejected: 200 });
      const [header, ...rows] = schoolRecords;
      const schoolAgain = await insertFeed(db, {
        kind: 'SCHOOL_CSV',
        sender: '123456',
        records: [
          header!,
          ...shuffled(rows, seed).map((record, index) => ({ ...record, position: index + 2 })),
        ],
      });
      expect(await ingest(schoolAgain)).toMatchObject({ accepted: 0, duplicates: 1000, rejected: 200 });
      expect(await reasonCounts(schoolAgain)).toEqual(school.reasons);
    }
    expect(await landedCount('feed_gp_resources')).toBe(1000);
    expect(await landedCount('feed_school_returns')).toBe(1000);
    expect(
      (await db.query(`SELECT * FROM feed_gp_resources ORDER BY resource_type, resource_id`)).rows,
    ).toEqual(landedBefore.rows);
    expect(await allJobData(alertQueue)).toHaveLength(70);

    // Job data and ids name children by hub id only.
    for (const job of [
      ...(await allJobData(alertQueue)),
      ...(await allJobData(queues.get('reconcile-child')!)),
    ]) {
      const text = JSON.stringify(job);
      expect(text).not.toMatch(/999\d{7}/);
      expect(text).not.toMatch(/[A-Z]999\d{9}/);
    }
  }, 180_000);
});
