import { describe, expect, it } from 'vitest';
import type { Enqueue } from '../define-job.js';
import { enqueueFollowUps } from './follow-ups.js';

function recorder(failures = 0) {
  const added: Array<{ queue: string; data: unknown; options: unknown }> = [];
  let calls = 0;
  const enqueue: Enqueue = async (queue, jobs) => {
    calls += 1;
    if (calls <= failures) throw new Error('redis blip');
    for (const job of jobs) added.push({ queue, data: job.data, options: job.options });
  };
  return { added, enqueue };
}

const alert = {
  kind: 'UNSCHEDULED_CARE' as const,
  childId: 'c1',
  eventKey: 'A81001/Encounter/e1',
  occurredAt: '2026-11-01T10:00:00.000Z',
};

describe('ingest follow-ups', () => {
  it('adds one notify-alert job per alert and reconciles each changed child, debounced per child', async () => {
    const { added, enqueue } = recorder();
    await enqueueFollowUps(enqueue, { childIds: ['c1', 'c2'], alerts: [alert] });
    expect(added).toEqual([
      {
        queue: 'notify-alert',
        data: alert,
        options: { jobId: 'alert-UNSCHEDULED_CARE-A81001/Encounter/e1' },
      },
      {
        queue: 'reconcile-child',
        data: { childIds: ['c1'], trigger: 'FEED' },
        options: { debounce: { id: 'child-c1', ms: 5000 } },
      },
      {
        queue: 'reconcile-child',
        data: { childIds: ['c2'], trigger: 'FEED' },
        options: { debounce: { id: 'child-c2', ms: 5000 } },
      },
    ]);
  });

  it('retries a failed add, then gives up with the error', async () => {
    const blip = recorder(1);
    await enqueueFollowUps(blip.enqueue, { childIds: [], alerts: [alert] });
    expect(blip.added).toHaveLength(1);
    const down = recorder(99);
    await expect(enqueueFollowUps(down.enqueue, { childIds: ['c1'], alerts: [] })).rejects.toThrow(
      'redis blip',
    );
  }, 15_000);

  it('refuses an alert notify-alert could not read, before adding anything', async () => {
    const { added, enqueue } = recorder();
    await expect(
      enqueueFollowUps(enqueue, { childIds: ['c1'], alerts: [{ ...alert, eventKey: 'has spaces' }] }),
    ).rejects.toThrow();
    expect(added).toEqual([]);
  });
});
