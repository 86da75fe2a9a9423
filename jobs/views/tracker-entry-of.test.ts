import { describe, expect, it } from 'vitest';
import { joinedRecord, type RecordOverrides } from '../rules/testing/joined-record-builder.js';
import { at, placement, ssd } from './testing/records.js';
import { trackerEntryOf, type TrackerEntry, type TrackerFinding } from './tracker-entry-of.js';

const finding: TrackerFinding = {
  id: '7',
  rule: 'LONG_WAIT_FOR_PLACEMENT',
  severity: 'high',
  category: 'PLACEMENT',
  status: 'OPEN',
  dueDate: '2026-04-01',
};

function tracked(socialCare: RecordOverrides['socialCare'], date: string, findings: TrackerFinding[] = []) {
  const verdict = trackerEntryOf(joinedRecord({ socialCare }), at(date), findings);
  if (verdict.kind !== 'TRACKED') throw new Error(`expected TRACKED, got ${verdict.kind}`);
  return verdict.entry;
}

describe('trackerEntryOf', () => {
  // Two interim placements in a row, both awaiting a long-term placement: the wait runs from the first.
  const waiting = {
    placements: [
      placement('PL0', '2025-06-01', { endDate: ssd('2026-01-02'), longTerm: true }),
      placement('PL1', '2026-01-02', {
        endDate: ssd('2026-02-01'),
        interim: true,
        awaitingLongTermPlacement: true,
      }),
      placement('PL2', '2026-02-01', {
        type: 'K2',
        interim: true,
        awaitingLongTermPlacement: true,
        intendedEndDate: ssd('2026-05-01'),
        lastPanelReviewDate: ssd('2026-03-15'),
      }),
    ],
  };

  it('counts the wait from the start of the run of placements awaiting a long-term one', () => {
    const entry: TrackerEntry = tracked(waiting, '2026-04-02', [finding]);
    expect(entry).toMatchObject({
      childId: 'child-1',
      waitingSince: '2026-01-02',
      daysWaiting: 90,
      thresholdDays: 90,
      overThreshold: false,
      pastIntendedEnd: false,
      daysPastIntendedEnd: null,
      lastPanelReviewDate: '2026-03-15',
      daysSincePanelReview: 18,
      openFindings: [finding],
    });
    expect(entry.placement).toEqual({
      id: 'PL2',
      type: 'K2',
      provider: 'PR1',
      startDate: '2026-02-01',
      interim: true,
      longTerm: false,
      awaitingLongTermPlacement: true,
      intendedEndDate: '2026-05-01',
    });
  });

  it('is over the panel threshold the day after it is reached (LONG_WAIT_FOR_PLACEMENT)', () => {
    expect(tracked(waiting, '2026-04-03')).toMatchObject({ daysWaiting: 91, overThreshold: true });
    expect(
      trackerEntryOf(joinedRecord({ socialCare: waiting }), at('2026-04-03', { longWaitDays: 91 }), []),
    ).toMatchObject({
      entry: { overThreshold: false },
    });
  });

  it('is past the intended end from the day after it', () => {
    expect(tracked(waiting, '2026-05-01')).toMatchObject({
      pastIntendedEnd: false,
      daysPastIntendedEnd: null,
    });
    expect(tracked(waiting, '2026-05-02')).toMatchObject({ pastIntendedEnd: true, daysPastIntendedEnd: 1 });
  });

  it('restarts the wait after a gap between placements', () => {
    const gap = {
      placements: [
        placement('PL1', '2026-01-02', { endDate: ssd('2026-01-20'), awaitingLongTermPlacement: true }),
        placement('PL2', '2026-02-01', { awaitingLongTermPlacement: true }),
      ],
    };
    expect(tracked(gap, '2026-03-01')).toMatchObject({ waitingSince: '2026-02-01', daysWaiting: 28 });
  });

  it('tracks an interim placement past its intended end even when not marked as awaiting', () => {
    const interim = {
      placements: [placement('PL1', '2026-01-05', { interim: true, intendedEndDate: ssd('2026-02-05') })],
    };
    expect(trackerEntryOf(joinedRecord({ socialCare: interim }), at('2026-02-05'), [])).toEqual({
      kind: 'NOT_TRACKED',
    });
    expect(tracked(interim, '2026-02-06')).toMatchObject({
      waitingSince: '2026-01-05',
      daysWaiting: 32,
      overThreshold: false,
      pastIntendedEnd: true,
    });
  });

  it('does not track a child in a settled placement, out of care, or with no social care record', () => {
    const settled = { placements: [placement('PL1', '2024-01-05', { longTerm: true })] };
    expect(trackerEntryOf(joinedRecord({ socialCare: settled }), at('2026-02-06'), [])).toEqual({
      kind: 'NOT_TRACKED',
    });
    const ended = {
      placements: [
        placement('PL1', '2025-01-05', { awaitingLongTermPlacement: true, endDate: ssd('2025-06-01') }),
      ],
    };
    expect(trackerEntryOf(joinedRecord({ socialCare: ended }), at('2026-02-06'), [])).toEqual({
      kind: 'NOT_TRACKED',
    });
    expect(trackerEntryOf(joinedRecord({ socialCare: 'NOT_LINKED' }), at('2026-02-06'), [])).toEqual({
      kind: 'NOT_TRACKED',
    });
  });

  it('cannot decide when social care could not be read or a placement date is not a date', () => {
    expect(trackerEntryOf(joinedRecord({ socialCare: 'UNAVAILABLE' }), at('2026-02-06'), [])).toEqual({
      kind: 'UNDECIDED',
      reason: 'AGENCY_UNAVAILABLE',
    });
    const broken = {
      placements: [
        placement('PL1', '2026-01-05', { awaitingLongTermPlacement: true }),
        { ...placement('PL0', '2025-01-01'), startDate: 'soon' },
      ],
    };
    expect(trackerEntryOf(joinedRecord({ socialCare: broken }), at('2026-02-06'), [])).toEqual({
      kind: 'UNDECIDED',
      reason: 'MISSING_DATA',
    });
  });
});
