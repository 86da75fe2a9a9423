import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord, type RecordOverrides } from '../testing/joined-record-builder.js';
import { year9Start } from '../time/ages.js';
import { addDays, addMonths, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { lateEntryTransition as rule } from './late-entry-transition.js';
import { at } from './testing/at.js';
import { careEpisode, careLeaver, meeting } from './testing/records.js';

// Turns 14 on 15 October 2024: Year 9 starts on 1 September 2024.
const dateOfBirth = '2010-10-15';

function inCareFrom(startDate: string, overrides: RecordOverrides = {}) {
  return joinedRecord({
    child: { dateOfBirth },
    socialCare: { careEpisodes: [careEpisode({ startDate })] },
    adultServices: 'NOT_LINKED',
    ...overrides,
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('LATE_ENTRY_TRANSITION', () => {
  it('applies from the first day of Year 9, not the day before', () => {
    expect(findings(rule.evaluate(inCareFrom('2024-08-31'), at('2025-06-01')))).toEqual([]);
    const [finding] = findings(rule.evaluate(inCareFrom('2024-09-01'), at('2025-06-01')));
    expect(finding?.subject).toEqual({ kind: 'CHILD', id: 'child-1' });
    expect(finding?.dueDate).toBe('2024-12-01');
    expect(finding?.summary).toContain('local rule');
  });

  it('falls due three months after entering care: nothing on the due day, a finding the day after', () => {
    expect(findings(rule.evaluate(inCareFrom('2024-09-01'), at('2024-12-01')))).toEqual([]);
    expect(findings(rule.evaluate(inCareFrom('2024-09-01'), at('2024-12-02')))).toHaveLength(1);
  });

  it('places Year 9 by the 31 August / 1 September cut-off', () => {
    // Born 31 Aug 2010: turns 14 on 31 Aug 2024, so Year 9 began 1 Sept 2023.
    const record = (dob: string) => inCareFrom('2024-01-15', { child: { dateOfBirth: dob } });
    expect(findings(rule.evaluate(record('2010-08-31'), at('2024-06-01')))).toHaveLength(1);
    // Born 1 Sept 2010: Year 9 begins 1 Sept 2024, after entry.
    expect(findings(rule.evaluate(record('2010-09-01'), at('2024-06-01')))).toEqual([]);
  });

  it('places Year 9 for a 29 February birthday (14 on 1 March 2026: Year 9 from 1 September 2025)', () => {
    const record = (entered: string) => inCareFrom(entered, { child: { dateOfBirth: '2012-02-29' } });
    expect(findings(rule.evaluate(record('2025-08-31'), at('2026-06-01')))).toEqual([]);
    expect(findings(rule.evaluate(record('2025-09-01'), at('2026-06-01')))).toHaveLength(1);
  });

  it('a needs assessment or transition meeting by the due day answers it; one the day after does not', () => {
    const withLeaver = (needsAssessmentDate: string) =>
      inCareFrom('2024-09-01', {
        socialCare: {
          careEpisodes: [careEpisode({ startDate: '2024-09-01' })],
          careLeaver: careLeaver({ needsAssessmentDate }),
        },
      });
    expect(findings(rule.evaluate(withLeaver('2024-12-01'), at('2025-03-01')))).toEqual([]);
    expect(findings(rule.evaluate(withLeaver('2024-12-02'), at('2025-03-01')))).toHaveLength(1);

    const withMeeting = (type: string) =>
      inCareFrom('2024-09-01', {
        socialCare: {
          careEpisodes: [careEpisode({ startDate: '2024-09-01' })],
          meetings: [meeting({ date: '2024-10-01T10:00:00.000Z', type })],
        },
      });
    expect(findings(rule.evaluate(withMeeting('TRANSITION_PLANNING'), at('2025-03-01')))).toEqual([]);
    expect(findings(rule.evaluate(withMeeting('PROFESSIONALS'), at('2025-03-01')))).toHaveLength(1);
  });

  it('reads adult services: a referral in time answers it; an unreadable part cannot be decided', () => {
    const withAdult = (adultServices: RecordOverrides['adultServices']) =>
      inCareFrom('2024-09-01', { adultServices });
    expect(
      findings(
        rule.evaluate(
          withAdult({
            transitionReferrals: [{ id: 'TR1', date: '2024-11-20', source: 'LA', reason: 'late entry' }],
          }),
          at('2025-03-01'),
        ),
      ),
    ).toEqual([]);
    expect(
      findings(
        rule.evaluate(
          withAdult({
            s58Assessments: [
              { id: 'S1', referralDate: '2024-12-02', assessmentDate: null, outcome: 'PENDING' },
            ],
          }),
          at('2025-03-01'),
        ),
      ),
    ).toHaveLength(1);
    const unavailable = rule.evaluate(withAdult('UNAVAILABLE'), at('2025-03-01'));
    expect(unavailable).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['adultServices'],
    });
    const [finding] = findings(rule.evaluate(withAdult('NOT_LINKED'), at('2025-03-01')));
    expect(finding?.evidence.map((e) => e.fact)).toContain('no adult services record for the child');
  });

  it('does not apply to a child no longer looked after, or unknown to social care', () => {
    const left = inCareFrom('2024-09-01', {
      socialCare: { careEpisodes: [careEpisode({ startDate: '2024-09-01', ceasedDate: '2025-01-10' })] },
    });
    expect(findings(rule.evaluate(left, at('2025-03-01')))).toEqual([]);
    expect(
      findings(rule.evaluate(inCareFrom('2024-09-01', { socialCare: 'NOT_LINKED' }), at('2025-03-01'))),
    ).toEqual([]);
  });

  it('cannot decide without social care, a date of birth or valid episode dates', () => {
    expect(
      rule.evaluate(inCareFrom('2024-09-01', { socialCare: 'TIMED_OUT' }), at('2025-03-01')),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
    expect(
      rule.evaluate(inCareFrom('2024-09-01', { child: { dateOfBirth: null } }), at('2025-03-01')),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    expect(
      rule.evaluate(
        inCareFrom('x', { socialCare: { careEpisodes: [careEpisode({ startDate: 'not a date' })] } }),
        at('2025-03-01'),
      ),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });

  it('for any entry on or after Year 9: no finding up to three months in, one after (property)', () => {
    const yearNine = year9Start(dayOf(dateOfBirth));
    fc.assert(
      fc.property(
        fc.integer({ min: yearNine, max: yearNine + 900 }),
        fc.integer({ min: 0, max: 200 }),
        (entry, after) => {
          const entered = entry as DayNumber;
          const today = addDays(entered, after);
          const due = addMonths(entered, 3);
          const result = findings(rule.evaluate(inCareFrom(dateOf(entered)), at(dateOf(today))));
          expect(result.length).toBe(today > due ? 1 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
