import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import type { Enqueue } from '../define-job.js';
import { debounceMs, reconcileOnAgencyEvent } from './reconcile-on-event.js';

let store: TestSchema;
let db: Db;

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_reconcile_event' });
  db = store.db;
  await db.query(`INSERT INTO children (id) VALUES ('c1')`);
  await db.query(
    `INSERT INTO agency_records (agency, local_id, child_id, given_name, family_name, date_of_birth, sex)
     VALUES ('social-care', 'P1', 'c1', 'A', 'B', '2012-01-01', 'F')`,
  );
});
afterAll(async () => {
  await store.drop();
});

function recorder() {
  const added: Array<{ queue: string; data: unknown; options: unknown }> = [];
  const enqueue: Enqueue = async (queue, jobs) => {
    for (const job of jobs) added.push({ queue, data: job.data, options: job.options });
  };
  return { added, enqueue };
}

const event = (type: string, value: string, data: Record<string, unknown> = {}) => ({
  id: `e-${type}`,
  type,
  agency: 'social-care' as const,
  occurredAt: '2026-11-25T10:00:00Z',
  subject: { system: 'social-care-person-id', value },
  data,
});

describe('an agency event starts reconciliation', () => {
  const now = () => new Date('2026-11-25T10:00:05Z');

  it('of the child it is about, debounced per child', async () => {
    const { added, enqueue } = recorder();
    await reconcileOnAgencyEvent({ db, enqueue, now, placementMeetingHours: 72 })(
      event('assessment.completed', 'P1'),
    );
    expect(added).toEqual([
      {
        queue: 'reconcile-child',
        data: { childIds: ['c1'], trigger: 'WEBHOOK' },
        options: { debounce: { id: 'child-c1', ms: debounceMs } },
      },
    ]);
  });

  it('and, for a return from a missing episode, one alert to the social worker per episode', async () => {
    const { added, enqueue } = recorder();
    await reconcileOnAgencyEvent({ db, enqueue, now, placementMeetingHours: 72 })(
      event('missing.ended', 'P1', { missingEpisodeId: 'MISS-7', endDate: '2026-11-25T09:30:00+01:00' }),
    );
    expect(added.map((job) => job.queue)).toEqual(['reconcile-child', 'notify-alert']);
    expect(added[1]).toEqual({
      queue: 'notify-alert',
      data: {
        kind: 'MISSING_EPISODE',
        childId: 'c1',
        eventKey: 'MISS-7',
        occurredAt: '2026-11-25T08:30:00.000Z',
      },
      options: { jobId: 'alert-MISSING_EPISODE-MISS-7' },
    });
  });

  it('and, for a placement start, once more when the placement meeting window has closed', async () => {
    const { added, enqueue } = recorder();
    await reconcileOnAgencyEvent({ db, enqueue, now, placementMeetingHours: 72 })(
      event('placement.started', 'P1', { placementId: 'PL9', startDate: '2026-11-25T10:00:00Z' }),
    );
    expect(added.map((job) => job.queue)).toEqual([
      'reconcile-child',
      'reconcile-child',
      'notify-coresidents',
    ]);
    expect(added[2]).toEqual({
      queue: 'notify-coresidents',
      data: { childId: 'c1', placementId: 'PL9', admittedAt: '2026-11-25T10:00:00.000Z' },
      options: { jobId: 'coresidents-PL9' },
    });
    const fostered = recorder();
    await reconcileOnAgencyEvent({ db, enqueue: fostered.enqueue, now, placementMeetingHours: 72 })(
      event('placement.started', 'P1', {
        placementId: 'PL8',
        startDate: '2026-11-25T10:00:00Z',
        residentialUnitId: null,
      }),
    );
    expect(fostered.added.map((job) => job.queue)).toEqual(['reconcile-child', 'reconcile-child']);
    expect(added[1]).toEqual({
      queue: 'reconcile-child',
      data: { childIds: ['c1'], trigger: 'PLACEMENT_MEETING' },
      options: { jobId: 'placement-meeting-PL9', delay: 72 * 3_600_000 - 5_000 + 60_000 },
    });
  });

  it('adds nothing for a record the identity index does not hold yet', async () => {
    const { added, enqueue } = recorder();
    await reconcileOnAgencyEvent({ db, enqueue, now, placementMeetingHours: 72 })(
      event('missing.ended', 'P404'),
    );
    expect(added).toEqual([]);
  });
});
