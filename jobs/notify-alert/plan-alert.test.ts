import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotifyAlertData } from './alert-data.js';
import { alertJobId, notifyAlertData } from './alert-data.js';
import { planAlert } from './plan-alert.js';

const alert = (kind: NotifyAlertData['kind'], occurredAt = '2026-11-20T23:30:00.000Z'): NotifyAlertData => ({
  kind,
  childId: 'c-9',
  eventKey: 'enc-1',
  occurredAt,
});
const people = { socialWorker: 'Sam.Carter@council.example', virtualSchoolHead: 'vsh@council.example' };

describe('planning an alert', () => {
  it('tells the social worker of an A&E attendance only for a child on a plan or looked after', () => {
    const plan = planAlert({
      alert: alert('UNSCHEDULED_CARE'),
      ...people,
      status: { childProtectionPlan: true, lookedAfter: true },
    });
    expect(plan.skipped).toBeNull();
    expect(plan.notices).toHaveLength(1);
    expect(plan.notices[0]).toMatchObject({
      recipient: { channel: 'EMAIL', address: 'Sam.Carter@council.example' },
      dedupeKey: 'UNSCHEDULED_CARE:enc-1:sam.carter@council.example',
      event: { childId: 'c-9', key: 'enc-1' },
    });
    // The plan is named (the more urgent reason); the date is England's (23:30 UTC in November is the same day).
    expect(plan.notices[0]?.content.body).toContain('is subject to a child protection plan');
    expect(plan.notices[0]?.content.body).toContain('on 2026-11-20');
    const looked = planAlert({
      alert: alert('UNSCHEDULED_CARE'),
      ...people,
      status: { childProtectionPlan: false, lookedAfter: true },
    });
    expect(looked.notices[0]?.content.body).toContain('is looked after');
    expect(
      planAlert({
        alert: alert('UNSCHEDULED_CARE'),
        ...people,
        status: { childProtectionPlan: false, lookedAfter: false },
      }),
    ).toEqual({ notices: [], skipped: 'NOT_ON_PLAN_OR_LOOKED_AFTER' });
  });

  it('dates a summer attendance just before midnight UTC on the next day in England', () => {
    const plan = planAlert({
      alert: alert('UNSCHEDULED_CARE', '2026-07-01T23:30:00.000Z'),
      ...people,
      status: { childProtectionPlan: true, lookedAfter: false },
    });
    expect(plan.notices[0]?.content.body).toContain('on 2026-07-02');
  });

  it('gives an exclusion to the social worker and the virtual school head, once if they are one person', () => {
    const both = planAlert({ alert: alert('SCHOOL_EXCLUSION'), ...people });
    expect(both.notices.map((notice) => notice.dedupeKey)).toEqual([
      'SCHOOL_EXCLUSION:enc-1:sam.carter@council.example',
      'SCHOOL_EXCLUSION:enc-1:vsh@council.example',
    ]);
    const same = planAlert({
      alert: alert('SCHOOL_EXCLUSION'),
      socialWorker: 'one@council.example',
      virtualSchoolHead: 'ONE@council.example',
    });
    expect(same.notices).toHaveLength(1);
    expect(same.notices[0]?.content.body).toContain('contact the school and the virtual school');
  });

  it('says when nobody is on record to tell', () => {
    expect(
      planAlert({
        alert: alert('MISSING_EPISODE'),
        socialWorker: undefined,
        virtualSchoolHead: 'vsh@council.example',
      }),
    ).toEqual({ notices: [], skipped: 'NO_RECIPIENT' });
  });

  it('puts the return interview 72 hours after any return, under a key unique to episode and recipient', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 0, 1), noInvalidDate: true }),
        fc.stringMatching(/^[\w:./-]{1,150}$/),
        (returned, eventKey) => {
          const data = notifyAlertData.parse({
            kind: 'MISSING_EPISODE',
            childId: 'c-1',
            eventKey,
            occurredAt: returned.toISOString(),
          });
          const { notices } = planAlert({ alert: data, ...people });
          expect(notices[0]?.dedupeKey).toBe(`MISSING_EPISODE:${eventKey}:sam.carter@council.example`);
          const due = new Date(returned.getTime() + 72 * 3600_000).toISOString();
          expect(notices[0]?.content.body).toContain(`by ${due}.`);
          expect(alertJobId(data)).not.toContain(':');
        },
      ),
    );
  });

  it('refuses job data that is not exactly the alert shape', () => {
    expect(() => notifyAlertData.parse({ ...alert('MISSING_EPISODE'), childId: 'Ellie Marsh' })).toThrow();
    expect(() => notifyAlertData.parse({ ...alert('MISSING_EPISODE'), occurredAt: 'yesterday' })).toThrow();
    expect(() => notifyAlertData.parse({ ...alert('MISSING_EPISODE'), kind: 'OTHER' })).toThrow();
  });
});
