import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markAlertFollowUpsDone } from '../../feeds/ingest/follow-ups-store.js';
import { ingestFeed } from '../../feeds/ingest/ingest-feed.js';
import type { FeedAlert } from '../../feeds/ingest/record-outcome.js';
import { bundleRecords, insertFeed, seedChild } from '../../feeds/ingest/testing/seed-feeds.js';
import { encounterEntry, nhsNumberFor, patientEntry } from '../../feeds/records/testing/record-fixtures.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import type { Enqueue } from '../define-job.js';
import { notifyAlertQueue } from '../notify-alert/alert-data.js';
import { redispatchUnsettledAlerts, unsettledAlertAgeMs } from './redispatch-alerts.js';

let store: TestSchema;
let db: Db;
const t0 = new Date('2026-12-03T12:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_feed_alert_sweep' });
  db = store.db;
  await seedChild(db, 'child-1', { nhsNumber: nhsNumberFor(1) });
  await seedChild(db, 'child-2', { nhsNumber: nhsNumberFor(2) });
});
afterAll(async () => {
  await store.drop();
});

/** An Enqueue that records what it was given: the injected dependency, standing in for the hub's queues. */
function recordingEnqueue() {
  const added: Array<{ queue: string; data: unknown; jobId: string | undefined }> = [];
  const enqueue: Enqueue = async (queue, jobs) => {
    for (const job of jobs) added.push({ queue, data: job.data, jobId: job.options?.jobId });
  };
  return { enqueue, added };
}

describe("a feed's alerts are not lost with the worker or the queue", () => {
  it('hands on, at the next run, follow-ups a dead worker committed but never queued', async () => {
    const feedId = await insertFeed(db, {
      kind: 'GP_FHIR',
      sender: 'K1',
      records: bundleRecords([
        patientEntry('p1', nhsNumberFor(1)),
        encounterEntry('e1', { reference: 'Patient/p1' }, { classCode: 'EMER' }),
      ]),
    });
    const died = new Error('the worker died before the queue heard');
    await expect(
      ingestFeed({ db, now: () => t0, afterChunk: () => Promise.reject(died) }, feedId),
    ).rejects.toBe(died);

    const handed: FeedAlert[] = [];
    await ingestFeed({ db, now: () => t0, afterChunk: async (c) => void handed.push(...c.alerts) }, feedId);
    expect(handed).toEqual([expect.objectContaining({ kind: 'UNSCHEDULED_CARE', childId: 'child-1' })]);
  });

  it('hands on again alerts the queue lost, until notify-alert settles them', async () => {
    const feedId = await insertFeed(db, {
      kind: 'GP_FHIR',
      sender: 'K2',
      records: bundleRecords([
        patientEntry('p2', nhsNumberFor(2)),
        encounterEntry('e2', { reference: 'Patient/p2' }, { classCode: 'EMER' }),
      ]),
    });
    const lost: FeedAlert[] = [];
    // Handed to a queue that then forgot it (Redis back empty).
    await ingestFeed({ db, now: () => t0, afterChunk: async (c) => void lost.push(...c.alerts) }, feedId);
    expect(lost).toHaveLength(1);

    const soon = recordingEnqueue();
    expect(await redispatchUnsettledAlerts(db, soon.enqueue, later(unsettledAlertAgeMs - 1000))).toBe(0);
    expect(soon.added).toEqual([]);

    const sweep = recordingEnqueue();
    const atSweep = later(unsettledAlertAgeMs + 1000);
    const handedOn = await redispatchUnsettledAlerts(db, sweep.enqueue, atSweep);
    const mine = sweep.added.filter((job) => (job.data as { childId: string }).childId === 'child-2');
    expect(handedOn).toBeGreaterThanOrEqual(1);
    expect(mine).toEqual([
      {
        queue: notifyAlertQueue,
        data: expect.objectContaining({ kind: 'UNSCHEDULED_CARE', eventKey: lost[0]!.eventKey }),
        jobId: expect.any(String),
      },
    ]);
    // Just handed on: the next sweep waits another period.
    const again = recordingEnqueue();
    await redispatchUnsettledAlerts(db, again.enqueue, later(unsettledAlertAgeMs + 2000));
    expect(again.added.filter((job) => (job.data as { childId: string }).childId === 'child-2')).toEqual([]);

    await markAlertFollowUpsDone(db, lost[0]!, atSweep);
    const settled = recordingEnqueue();
    await redispatchUnsettledAlerts(db, settled.enqueue, later(3 * unsettledAlertAgeMs));
    expect(settled.added.filter((job) => (job.data as { childId: string }).childId === 'child-2')).toEqual(
      [],
    );
  });
});
