import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  CareEpisodeValue,
  CareLeaverValue,
} from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, type RecordOverrides } from '../testing/joined-record-builder.js';
import { addDays, addMonths, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { pathwayAssessmentLate as rule } from './pathway-assessment-late.js';
import { at } from './testing/at.js';
import { careEpisode, careLeaver } from './testing/records.js';

// 14 on 10 June 2023, 16 on 10 June 2025, 18 on 10 June 2027.
const dateOfBirth = '2009-06-10';

function eligibleChild(
  leaver: Partial<CareLeaverValue> | null = {},
  episodes: CareEpisodeValue[] = [careEpisode({ startDate: '2023-01-01' })],
  overrides: RecordOverrides = {},
) {
  return joinedRecord({
    child: { dateOfBirth },
    socialCare: { careEpisodes: episodes, careLeaver: leaver === null ? null : careLeaver(leaver) },
    adultServices: 'NOT_LINKED',
    ...overrides,
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('PATHWAY_ASSESSMENT_LATE', () => {
  it('needs the assessment within three months of the 16th birthday: nothing on the due day, a finding after', () => {
    expect(findings(rule.evaluate(eligibleChild(null), at('2025-09-10')))).toEqual([]);
    const [finding] = findings(rule.evaluate(eligibleChild(null), at('2025-09-11')));
    expect(finding?.dueDate).toBe('2025-09-10');
    expect(finding?.subject).toEqual({ kind: 'CHILD', id: 'child-1' });
  });

  it('an assessment on the due day is in time; one a day later is late even with a plan', () => {
    const onTime = eligibleChild({ needsAssessmentDate: '2025-09-10', pathwayPlanDate: '2025-09-20' });
    expect(findings(rule.evaluate(onTime, at('2025-12-01')))).toEqual([]);
    const late = eligibleChild({ needsAssessmentDate: '2025-09-11', pathwayPlanDate: '2025-09-20' });
    const [finding] = findings(rule.evaluate(late, at('2025-12-01')));
    expect(finding?.dueDate).toBe('2025-09-10');
    expect(finding?.evidence.map((e) => e.fact)).toContain(
      'pathway needs assessment completed 2025-09-11, after it was due',
    );
  });

  it('expects a pathway plan within six weeks of the assessment (local reading), answered by a later plan', () => {
    const assessed = (plan: string | null) =>
      eligibleChild({ needsAssessmentDate: '2025-08-01', pathwayPlanDate: plan });
    expect(findings(rule.evaluate(assessed(null), at('2025-09-12')))).toEqual([]);
    const [finding] = findings(rule.evaluate(assessed(null), at('2025-09-13')));
    expect(finding?.dueDate).toBe('2025-09-12');
    expect(finding?.summary).toContain('no pathway plan');
    expect(findings(rule.evaluate(assessed('2025-10-01'), at('2025-10-02')))).toEqual([]);
    // A plan from before the assessment is not a plan made after it.
    expect(findings(rule.evaluate(assessed('2025-07-01'), at('2025-10-02')))).toHaveLength(1);
  });

  it('counts the 13 weeks past the 16th birthday for a child who came into care just before it', () => {
    const child = eligibleChild(null, [careEpisode({ startDate: '2025-05-01' })]);
    const eligible = addDays(dayOf('2025-05-01'), 91);
    const due = addMonths(eligible, 3);
    expect(findings(rule.evaluate(child, at(dateOf(due))))).toEqual([]);
    expect(findings(rule.evaluate(child, at(dateOf(addDays(due, 1)))))[0]?.dueDate).toBe(dateOf(due));
  });

  it('adds up periods of care since 14 and ignores time in care before 14', () => {
    const episodes = [
      careEpisode({ id: 'E1', periodOfCareId: 'P1', startDate: '2022-01-01', ceasedDate: '2023-06-01' }),
      careEpisode({ id: 'E2', periodOfCareId: 'P2', startDate: '2025-06-01' }),
    ];
    const due = addMonths(addDays(dayOf('2025-06-01'), 91), 3);
    const child = eligibleChild(null, episodes);
    expect(findings(rule.evaluate(child, at(dateOf(due))))).toEqual([]);
    expect(findings(rule.evaluate(child, at(dateOf(addDays(due, 1)))))).toHaveLength(1);
  });

  it('applies to 16- and 17-year-olds looked after today only', () => {
    expect(findings(rule.evaluate(eligibleChild(null), at('2025-06-09')))).toEqual([]);
    expect(findings(rule.evaluate(eligibleChild(null), at('2027-06-09')))).toHaveLength(1);
    expect(findings(rule.evaluate(eligibleChild(null), at('2027-06-10')))).toEqual([]);
    const left = eligibleChild(null, [careEpisode({ startDate: '2023-01-01', ceasedDate: '2025-10-01' })]);
    expect(findings(rule.evaluate(left, at('2025-12-01')))).toEqual([]);
  });

  it('reads the 16th birthday of a child born on 29 February, and a 14th birthday of 1 March', () => {
    // Born 29 Feb 2008: 14 on 1 March 2022, 16 on 29 February 2024.
    const child = (ceased: string) =>
      joinedRecord({
        child: { dateOfBirth: '2008-02-29' },
        socialCare: {
          careEpisodes: [
            careEpisode({ id: 'E1', periodOfCareId: 'P1', startDate: '2022-02-28', ceasedDate: ceased }),
            careEpisode({ id: 'E2', periodOfCareId: 'P2', startDate: '2024-02-29' }),
          ],
        },
      });
    // 91 days since 1 March 2022: eligible on 29 Feb 2024, assessment due 29 May 2024.
    expect(findings(rule.evaluate(child('2022-05-31'), at('2024-05-30')))[0]?.dueDate).toBe('2024-05-29');
    // 90 days: eligible a day later, due 1 June 2024.
    expect(findings(rule.evaluate(child('2022-05-30'), at('2024-05-30')))).toEqual([]);
    expect(findings(rule.evaluate(child('2022-05-30'), at('2024-06-02')))[0]?.dueDate).toBe('2024-06-01');
  });

  it("reads adult services' pathway plans, and cannot decide a lapse while they are unreadable", () => {
    const withAdult = (adultServices: RecordOverrides['adultServices']) =>
      eligibleChild(null, undefined, { adultServices });
    const planned = withAdult({
      pathwayPlans: [
        { id: 'PP1', needsAssessmentDate: '2025-08-01', planDate: '2025-08-20', personalAdviser: null },
      ],
    });
    expect(findings(rule.evaluate(planned, at('2025-12-01')))).toEqual([]);
    expect(rule.evaluate(withAdult('UNAVAILABLE'), at('2025-12-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['adultServices'],
    });
    // No lapse in social care's own record: adult services being down changes nothing.
    const inOrder = eligibleChild(
      { needsAssessmentDate: '2025-08-01', pathwayPlanDate: '2025-08-20' },
      undefined,
      { adultServices: 'UNAVAILABLE' },
    );
    expect(findings(rule.evaluate(inOrder, at('2025-12-01')))).toEqual([]);
  });

  it('cannot decide without social care or a date of birth', () => {
    expect(
      rule.evaluate(eligibleChild(null, undefined, { socialCare: 'UNAVAILABLE' }), at('2025-12-01')),
    ).toMatchObject({ kind: 'NOT_ASSESSED', agencies: ['socialCare'] });
    expect(
      rule.evaluate(eligibleChild(null, undefined, { child: { dateOfBirth: null } }), at('2025-12-01')),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });

  it('for any entry to care after 14, no finding until three months after eligibility, one after (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2023-06-10'), max: dayOf('2026-06-01') }),
        fc.integer({ min: 0, max: 400 }),
        (entry, after) => {
          const eligible = Math.max(dayOf('2025-06-10'), entry + 91) as DayNumber;
          const today = addDays(eligible, after);
          if (today >= dayOf('2027-06-10')) return;
          const child = eligibleChild(null, [careEpisode({ startDate: dateOf(entry as DayNumber) })]);
          const result = findings(rule.evaluate(child, at(dateOf(today))));
          expect(result.length).toBe(today > addMonths(eligible, 3) ? 1 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
