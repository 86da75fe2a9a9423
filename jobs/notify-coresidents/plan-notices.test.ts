import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coresidentsJobId } from './coresident-data.js';
import { planCoresidentNotices } from './plan-notices.js';

const admission = { admittedChildId: 'c-new', placementId: 'PL-9', admittedOn: '2026-11-20' };

describe('planning the co-resident notices of one admission', () => {
  it('sends one notice per recipient, naming only their own children in the home', () => {
    const plan = planCoresidentNotices({
      ...admission,
      residents: [
        { childId: 'c-1', socialWorker: 'sw1@council.example', iro: 'iro@council.example' },
        { childId: 'c-2', socialWorker: 'SW2@council.example', iro: 'iro@council.example' },
      ],
    });
    expect(plan.uncovered).toBe(0);
    const byRecipient = Object.fromEntries(
      plan.notices.map((notice) => [
        notice.recipient.channel === 'EMAIL' ? notice.recipient.address : '',
        notice,
      ]),
    );
    expect(Object.keys(byRecipient).sort()).toEqual([
      'iro@council.example',
      'sw1@council.example',
      'sw2@council.example',
    ]);
    expect(byRecipient['iro@council.example']?.content.body).toContain('where children c-1, c-2 live');
    expect(byRecipient['sw1@council.example']?.content.body).toContain('where child c-1 lives');
    expect(byRecipient['sw1@council.example']?.content.body).not.toContain('c-2');
    expect(byRecipient['sw2@council.example']?.dedupeKey).toBe(
      'CORESIDENT_ADMISSION:c-new:PL-9:sw2@council.example',
    );
    for (const notice of plan.notices) {
      expect(notice.event).toEqual({ childId: 'c-new', key: 'PL-9' });
      expect(notice.content.subject + notice.content.body).not.toContain('c-new');
    }
  });

  it('counts residents it cannot cover, and never writes to the admitted child’s own workers about them', () => {
    const plan = planCoresidentNotices({
      ...admission,
      residents: [
        { childId: null, socialWorker: undefined, iro: undefined },
        { childId: 'c-1', socialWorker: 'sw1@council.example', iro: undefined },
        { childId: 'c-new', socialWorker: 'own@council.example', iro: 'own-iro@council.example' },
      ],
    });
    expect(plan.uncovered).toBe(2);
    expect(plan.notices.map((notice) => notice.dedupeKey)).toEqual([
      'CORESIDENT_ADMISSION:c-new:PL-9:sw1@council.example',
    ]);
  });

  it('keys every notice by admission and recipient, whatever the placement id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (placementId) => {
        const plan = planCoresidentNotices({
          ...admission,
          placementId,
          residents: [{ childId: 'c-1', socialWorker: 'a@council.example', iro: 'b@council.example' }],
        });
        const keys = plan.notices.map((notice) => notice.dedupeKey);
        expect(new Set(keys).size).toBe(2);
        expect(keys.every((key) => key.startsWith(`CORESIDENT_ADMISSION:c-new:${placementId}:`))).toBe(true);
        expect(coresidentsJobId(placementId)).not.toContain(':');
      }),
    );
  });
});
