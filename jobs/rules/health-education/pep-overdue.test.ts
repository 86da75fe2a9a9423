import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  EducationSectionValue,
  PersonalEducationPlanValue,
} from '../../../connectors/education/education-section.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf } from '../time/calendar-day.js';
import { pepOverdue } from './pep-overdue.js';
import { evaluate, findingsOf, lacReview, lookedAfterSince, on, onlyFinding } from './testing/builders.js';

const pep = (id: string, date: string, reviewedDate: string | null = null): PersonalEducationPlanValue => ({
  id,
  date,
  reviewedDate,
  designatedTeacher: null,
});

const onRoll = (peps: PersonalEducationPlanValue[], from = '2023-09-01'): Partial<EducationSectionValue> => ({
  enrolments: [{ schoolUrn: '190001', schoolName: null, yearGroup: '7', from, to: null, current: true }],
  personalEducationPlans: peps,
});

// Born 10 May 2012 (the builder's child): Year 9 in 2025/26, of compulsory school age throughout.
// Entered care Thu 19 March 2026: the first review is due by Mon 20 April (20 working days across Easter).
const entered = '2026-03-19';

describe('PEP_OVERDUE — the first PEP', () => {
  it('is due by the first review: nothing on the due day, a finding the day after', () => {
    const record = { socialCare: lookedAfterSince(entered), education: onRoll([]) };
    expect(findingsOf(evaluate(pepOverdue, record, '2026-04-17'))).toEqual([]);
    expect(findingsOf(evaluate(pepOverdue, record, '2026-04-20'))).toEqual([]);
    const finding = onlyFinding(evaluate(pepOverdue, record, '2026-04-21'));
    expect(finding).toMatchObject({
      subject: { kind: 'PERIOD_OF_CARE', id: 'POC1' },
      dueDate: '2026-04-20',
      summary: 'There is no Personal Education Plan, and one was due by the first review.',
    });
    expect(finding.severity).toBeUndefined();
  });

  it('accepts a PEP written on the due day and calls one written the day after late', () => {
    const inTime = { socialCare: lookedAfterSince(entered), education: onRoll([pep('PEP1', '2026-04-20')]) };
    expect(findingsOf(evaluate(pepOverdue, inTime, '2026-05-01'))).toEqual([]);
    const late = { socialCare: lookedAfterSince(entered), education: onRoll([pep('PEP1', '2026-04-21')]) };
    const finding = onlyFinding(evaluate(pepOverdue, late, '2026-05-01'));
    expect(finding.severity).toBe('low');
    expect(finding.summary).toBe('The first Personal Education Plan was written after the first review.');
  });

  it('is due by the day the first review was held, when that was early', () => {
    const record = {
      socialCare: lookedAfterSince(entered, { lookedAfterReviews: [lacReview('R1', '2026-04-02')] }),
      education: onRoll([pep('PEP1', '2026-04-07')]),
    };
    const finding = onlyFinding(evaluate(pepOverdue, record, '2026-05-01'));
    expect(finding.dueDate).toBe('2026-04-02');
    expect(finding.evidence[0]?.fact).toContain('first review held on 2026-04-02');
  });

  it('does not count a PEP from before the child entered care', () => {
    const record = {
      socialCare: lookedAfterSince(entered),
      education: onRoll([pep('PEP0', '2025-11-01', '2026-02-01')]),
    };
    expect(onlyFinding(evaluate(pepOverdue, record, '2026-04-21')).summary).toMatch(
      /no Personal Education Plan/,
    );
  });

  it('finds a child of school age with no education record linked', () => {
    const finding = onlyFinding(
      evaluate(pepOverdue, { socialCare: lookedAfterSince(entered), education: 'NOT_LINKED' }, '2026-04-21'),
    );
    expect(finding.evidence.some((e) => e.fact === 'no education record is linked to the child')).toBe(true);
  });
});

describe('PEP_OVERDUE — termly review', () => {
  const since = '2025-09-08';
  const record = (peps: PersonalEducationPlanValue[]) => ({
    socialCare: lookedAfterSince(since),
    education: onRoll(peps),
  });

  it("falls due at the end of the term after the latest PEP's term", () => {
    // Written in the summer term 2026: the autumn term 2026 must see a review, so it falls due on 31 December.
    const peps = [pep('PEP1', '2025-09-15'), pep('PEP2', '2026-04-10')];
    expect(findingsOf(evaluate(pepOverdue, record(peps), '2026-12-31'))).toEqual([]);
    const finding = onlyFinding(evaluate(pepOverdue, record(peps), '2027-01-01'));
    expect(finding).toMatchObject({
      subject: { kind: 'PERSONAL_EDUCATION_PLAN', id: 'PEP2' },
      dueDate: '2026-12-31',
      summary: 'The Personal Education Plan was not reviewed in the autumn term 2026.',
    });
  });

  it('counts a review of the plan as well as a new plan', () => {
    const peps = [pep('PEP1', '2025-09-15', '2026-10-01')];
    expect(findingsOf(evaluate(pepOverdue, record(peps), '2027-03-31'))).toEqual([]);
    expect(onlyFinding(evaluate(pepOverdue, record(peps), '2027-04-01')).summary).toContain(
      'spring term 2027',
    );
  });

  it('places 31 August in the summer term and 1 September in the autumn term', () => {
    expect(
      onlyFinding(
        evaluate(pepOverdue, record([pep('PEP1', '2025-09-10'), pep('P', '2026-08-31')]), '2027-01-01'),
      ).dueDate,
    ).toBe('2026-12-31');
    expect(
      findingsOf(
        evaluate(pepOverdue, record([pep('PEP1', '2025-09-10'), pep('P', '2026-09-01')]), '2027-01-01'),
      ),
    ).toEqual([]);
  });

  it('gives a child who started school after entering care until the end of the following term', () => {
    // Born 15 Jan 2021: four when entering care, not yet of school age; starts Reception 3 Sept 2025.
    const child = { dateOfBirth: '2021-01-15' };
    const socialCare = lookedAfterSince('2025-06-02');
    const education = onRoll([], '2025-09-03');
    expect(findingsOf(evaluate(pepOverdue, { child, socialCare, education }, '2026-03-31'))).toEqual([]);
    const finding = onlyFinding(evaluate(pepOverdue, { child, socialCare, education }, '2026-04-01'));
    expect(finding).toMatchObject({ subject: { kind: 'PERIOD_OF_CARE', id: 'POC1' }, dueDate: '2026-03-31' });
    // Not on roll: the duty starts with Year 1 (1 Sept 2026), so the first PEP is due by the end of spring 2027.
    const notOnRoll = { child, socialCare, education: { ...onRoll([]), enrolments: [] } };
    expect(findingsOf(evaluate(pepOverdue, notOnRoll, '2027-03-31'))).toEqual([]);
    expect(onlyFinding(evaluate(pepOverdue, notOnRoll, '2027-04-01')).dueDate).toBe('2027-03-31');
  });

  it('has no finding on the due day and one the day after, for any PEP date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2016-01-01'), max: dayOf('2027-06-30') }), (n) => {
        const written = dateOf(n as ReturnType<typeof dayOf>);
        const rec = joinedRecord({
          child: { dateOfBirth: '2010-05-10' },
          socialCare: lookedAfterSince('2015-10-01'),
          education: onRoll([pep('PEP1', '2015-10-05'), pep('PEP2', written)], '2014-09-01'),
        });
        const findings = (date: string) => findingsOf(pepOverdue.evaluate(rec, on(date)));
        const due = findings('2099-01-01'); // far past any due day: never outside the calendar, which this part does not use
        const dueDate = due[0]?.dueDate as string;
        // A whole following term: at least 90 days (31 Dec → 31 Mar), at most 274 (1 Apr → 31 Dec).
        expect(dayOf(dueDate) - n).toBeGreaterThanOrEqual(90);
        expect(dayOf(dueDate) - n).toBeLessThanOrEqual(274);
        expect(['03-31', '08-31', '12-31']).toContain(dueDate.slice(5));
        expect(findings(dueDate)).toEqual([]);
        expect(findings(dateOf(addDays(dayOf(dueDate), 1)))).toHaveLength(1);
      }),
      { numRuns: 80 },
    );
  });
});

describe('PEP_OVERDUE — when it does not apply or cannot decide', () => {
  it('does not apply to a child past compulsory school age who is not on a roll, or under it', () => {
    const socialCare = lookedAfterSince('2024-01-08');
    expect(
      findingsOf(evaluate(pepOverdue, { child: { dateOfBirth: '2008-01-01' }, socialCare }, '2026-11-25')),
    ).toEqual([]);
    expect(
      findingsOf(evaluate(pepOverdue, { child: { dateOfBirth: '2023-01-01' }, socialCare }, '2026-11-25')),
    ).toEqual([]);
  });

  it('does not apply to a child not looked after today', () => {
    expect(findingsOf(evaluate(pepOverdue, { education: onRoll([]) }, '2026-11-25'))).toEqual([]);
    expect(
      findingsOf(evaluate(pepOverdue, { socialCare: 'NOT_LINKED', education: onRoll([]) }, '2026-11-25')),
    ).toEqual([]);
  });

  it('cannot decide without a date of birth, or without social care or education', () => {
    const socialCare = lookedAfterSince(entered);
    expect(evaluate(pepOverdue, { child: { dateOfBirth: null }, socialCare }, '2026-11-25')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(evaluate(pepOverdue, { socialCare, education: 'UNAVAILABLE' }, '2026-11-25')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['education'],
    });
  });

  it('says OUTSIDE_CALENDAR when the first review falls past the bank-holiday list', () => {
    expect(
      evaluate(
        pepOverdue,
        { socialCare: lookedAfterSince('2028-12-20'), education: onRoll([]) },
        '2029-02-01',
      ),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'OUTSIDE_CALENDAR',
    });
  });
});
