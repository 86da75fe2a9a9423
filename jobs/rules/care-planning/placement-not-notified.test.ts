import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnrolmentValue } from '../../../connectors/education/education-section.js';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext, type RecordOverrides } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { placementNotNotified } from './placement-not-notified.js';
import { at, findingsOf, inCareFrom, notice, on, placement } from './testing/care-records.js';

const enrolment = (from: string, to: string | null): EnrolmentValue => ({
  schoolUrn: '199999',
  schoolName: null,
  yearGroup: '9',
  from,
  to,
  current: to === null,
});
const registered = { registeredPractice: { id: 'PR1', odsCode: 'Y90001', name: null, phone: null } };
const atSchool = { enrolments: [enrolment('2025-09-01', null)] };

// Mon 21 Dec 2026 + 5 WD = Wed 30 Dec.
const start = '2026-12-21';
const everyone = (date: string) => ['GP', 'SCHOOL', 'ICB', 'IRO'].map((who) => notice(`N-${who}`, who, date));

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string, others: RecordOverrides = {}) =>
  placementNotNotified.evaluate(
    joinedRecord({
      health: registered,
      education: atSchool,
      ...others,
      socialCare: { ...inCareFrom(start), ...socialCare },
    }),
    ruleContext(on(today)),
  );

describe('PLACEMENT_NOT_NOTIFIED', () => {
  it('every recipient notified by the 5th working day: no finding', () => {
    expect(findingsOf(evaluate({ placementNotifications: everyone('2026-12-30') }, '2027-02-01'))).toEqual(
      [],
    );
  });

  it('a recipient not notified is a finding from the day after the deadline, naming the recipient', () => {
    const notices = everyone('2026-12-22').filter((n) => n.recipient !== 'IRO');
    expect(findingsOf(evaluate({ placementNotifications: notices }, '2026-12-30'))).toEqual([]);
    const [finding] = findingsOf(evaluate({ placementNotifications: notices }, '2026-12-31'));
    expect(finding).toMatchObject({ subject: { kind: 'PLACEMENT', id: 'PL1' }, dueDate: '2026-12-30' });
    expect(finding?.severity).toBeUndefined();
    expect(finding?.summary).toContain('not notified to the IRO');
    expect(finding?.evidence.map((e) => e.fact)).toContain('no notice to IRO by 2026-12-31');
  });

  it('a recipient notified after the deadline is a medium finding', () => {
    const notices = [
      ...everyone('2026-12-23').filter((n) => n.recipient !== 'SCHOOL'),
      notice('N9', 'SCHOOL', '2026-12-31'),
    ];
    const [finding] = findingsOf(evaluate({ placementNotifications: notices }, '2027-02-01'));
    expect(finding).toMatchObject({ severity: 'medium' });
    expect(finding?.summary).toContain('notified late to the school');
  });

  it('owes the GP only with a registered practice, and the school only when on roll on the day of placement', () => {
    const icbAndIro = [notice('N1', 'ICB', '2026-12-22'), notice('N2', 'IRO', '2026-12-22')];
    const noGpNoSchool = { health: 'NOT_LINKED' as const, education: 'NOT_LINKED' as const };
    expect(findingsOf(evaluate({ placementNotifications: icbAndIro }, '2027-02-01', noGpNoSchool))).toEqual(
      [],
    );
    const unregistered = { health: { registeredPractice: null }, education: { enrolments: [] } };
    expect(findingsOf(evaluate({ placementNotifications: icbAndIro }, '2027-02-01', unregistered))).toEqual(
      [],
    );
    const leftThatDay = {
      health: 'NOT_LINKED' as const,
      education: { enrolments: [enrolment('2020-09-01', start)] },
    };
    expect(findingsOf(evaluate({ placementNotifications: icbAndIro }, '2027-02-01', leftThatDay))).toEqual(
      [],
    );
    const leftNextDay = {
      health: 'NOT_LINKED' as const,
      education: { enrolments: [enrolment('2020-09-01', '2026-12-22')] },
    };
    const [school] = findingsOf(evaluate({ placementNotifications: icbAndIro }, '2027-02-01', leftNextDay));
    expect(school?.summary).toContain('not notified to the school');
    expect(school?.evidence.map((e) => e.agency)).toContain('EDUCATION');
  });

  it('a notice naming no placement counts inside the window', () => {
    const notices = [
      ...everyone('2026-12-22').filter((n) => n.recipient !== 'ICB'),
      notice('N9', 'icb ', '2026-12-23', null),
    ];
    expect(findingsOf(evaluate({ placementNotifications: notices }, '2027-02-01'))).toEqual([]);
  });

  it('a placement that ended before the notices fell due is not judged', () => {
    const short = { placements: [placement('PL1', start, { endDate: at('2026-12-24') })] };
    expect(findingsOf(evaluate(short, '2027-02-01'))).toEqual([]);
  });

  it('cannot decide when health or education could not be read, naming it, or with an undated notice', () => {
    expect(evaluate({}, '2027-02-01', { health: 'UNAVAILABLE' })).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['health'],
    });
    expect(evaluate({}, '2027-02-01', { education: 'TIMED_OUT' })).toMatchObject({ agencies: ['education'] });
    const undated = [...everyone('2026-12-22').filter((n) => n.recipient !== 'GP'), notice('N9', 'GP', null)];
    expect(evaluate({ placementNotifications: undated }, '2027-02-01')).toMatchObject({
      reason: 'MISSING_DATA',
    });
  });

  it('no finding on the deadline, a finding the day after, for any start (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-12-10') }), (n) => {
        const day = n as DayNumber;
        const due = calendar.addWorkingDays(day, 5);
        const record = (today: DayNumber) =>
          placementNotNotified.evaluate(
            joinedRecord({
              socialCare: inCareFrom(dateOf(day)),
              health: 'NOT_LINKED',
              education: 'NOT_LINKED',
            }),
            ruleContext(on(dateOf(today))),
          );
        expect(findingsOf(record(due))).toEqual([]);
        expect(findingsOf(record(addDays(due, 1)))).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
