import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlacementValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { longWaitForPlacement as rule } from './long-wait-for-placement.js';
import { at } from './testing/at.js';
import { placement } from './testing/records.js';

const waiting = (overrides: Partial<PlacementValue> = {}) =>
  placement({ id: 'PL2', startDate: '2026-01-01', awaitingLongTermPlacement: true, ...overrides });

const child = (...placements: PlacementValue[]) => joinedRecord({ socialCare: { placements } });

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('LONG_WAIT_FOR_PLACEMENT', () => {
  it('waiting longer than 90 days: nothing on day 90, a finding on day 91', () => {
    expect(findings(rule.evaluate(child(waiting()), at('2026-04-01')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child(waiting()), at('2026-04-02')));
    expect(finding?.subject).toEqual({ kind: 'PLACEMENT', id: 'PL2' });
    expect(finding?.owner).toBeUndefined();
    expect(rule.owner).toBe('PANEL');
    expect(finding?.dueDate).toBe('2026-04-01');
    expect(finding?.summary).toBe(
      'Waiting longer than the tracking panel threshold for a long-term placement.',
    );
  });

  it('counts the wait from the first of an unbroken run of placements awaiting a long-term one', () => {
    const before = (awaiting: boolean | null, endDate = '2026-01-01') =>
      placement({ id: 'PL1', startDate: '2025-11-01', endDate, awaitingLongTermPlacement: awaiting });
    expect(findings(rule.evaluate(child(before(true), waiting()), at('2026-02-01')))[0]?.dueDate).toBe(
      '2026-01-30',
    );
    expect(findings(rule.evaluate(child(before(false), waiting()), at('2026-02-01')))).toEqual([]);
    expect(findings(rule.evaluate(child(before(true, '2025-12-20'), waiting()), at('2026-02-01')))).toEqual(
      [],
    );
  });

  it('an interim placement past its intended end: nothing on that day, a finding after', () => {
    const interim = waiting({ awaitingLongTermPlacement: false, intendedEndDate: '2026-02-15' });
    expect(findings(rule.evaluate(child(interim), at('2026-02-15')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child(interim), at('2026-02-16')));
    expect(finding?.summary).toBe('In an interim placement past its intended end.');
    expect(finding?.dueDate).toBe('2026-02-15');
  });

  it('both at once: one finding, due at the earlier date, with the panel’s last review in evidence', () => {
    const both = waiting({ intendedEndDate: '2026-02-15', lastPanelReviewDate: '2026-03-01' });
    const [finding, ...rest] = findings(rule.evaluate(child(both), at('2026-05-01')));
    expect(rest).toEqual([]);
    expect(finding?.dueDate).toBe('2026-02-15');
    expect(finding?.summary).toContain('past its intended end');
    expect(finding?.evidence.map((e) => e.fact)).toContain('last reviewed by the tracking panel 2026-03-01');
  });

  it('uses the local threshold and looks only at the current placement', () => {
    expect(findings(rule.evaluate(child(waiting()), at('2026-02-01', { longWaitDays: 30 })))).toHaveLength(1);
    expect(findings(rule.evaluate(child(waiting({ endDate: '2026-05-01' })), at('2026-06-01')))).toEqual([]);
    expect(findings(rule.evaluate(joinedRecord({ socialCare: 'NOT_LINKED' }), at('2026-06-01')))).toEqual([]);
  });

  it('cannot decide when the placement does not say whether the child is waiting', () => {
    expect(
      rule.evaluate(child(waiting({ awaitingLongTermPlacement: null })), at('2026-06-01')),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(
      findings(
        rule.evaluate(child(waiting({ awaitingLongTermPlacement: null, longTerm: true })), at('2026-06-01')),
      ),
    ).toEqual([]);
    expect(rule.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), at('2026-06-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });

  it('for any start: no finding for 90 days, one after (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2016-01-01'), max: dayOf('2030-01-01') }),
        fc.integer({ min: 0, max: 200 }),
        (start, after) => {
          const today = addDays(start as DayNumber, after);
          const result = findings(
            rule.evaluate(child(waiting({ startDate: dateOf(start as DayNumber) })), at(dateOf(today))),
          );
          expect(result.length).toBe(after > 90 ? 1 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
