import { describe, expect, it } from 'vitest';
import { attendancePercentage, toEducationSection } from './to-education-section.js';
import { fixturePupil } from './test-fixtures/fixtures.js';

describe('toEducationSection', () => {
  it('maps one record: enrolments, attendance, exclusions, SEN, EHC timeline and PEPs, oldest first', () => {
    const section = toEducationSection([fixturePupil('P-100')]);
    expect(section.pupilIds).toEqual(['P-100']);
    expect(section.currentEnrolment).toEqual({
      schoolUrn: '130002',
      schoolName: 'Elm High',
      yearGroup: '10',
      from: '2020-09-02',
      to: null,
      current: true,
    });
    expect(section.enrolments.map((e) => [e.schoolUrn, e.current])).toEqual([
      ['130001', false],
      ['130002', true],
    ]);
    expect(section.attendance).toEqual([
      {
        academicYear: '2023/24',
        term: 'SPRING',
        possibleSessions: 120,
        attendedSessions: 119,
        percentage: 99.2,
      },
      { academicYear: '2023/24', term: 'SUMMER', possibleSessions: 0, attendedSessions: 0, percentage: null },
      {
        academicYear: '2024/25',
        term: 'AUTUMN',
        possibleSessions: 150,
        attendedSessions: 121,
        percentage: 80.7,
      },
    ]);
    expect(section.exclusions.map((e) => [e.id, e.kind])).toEqual([
      ['X-1', 'SUSPENSION'],
      ['X-2', 'PERMANENT'],
    ]);
    expect(section.senProvision).toBe('E');
    expect(section.senNeeds).toEqual(['SEMH', 'SLCN']);
    expect(section.ehcNeedsAssessments).toEqual([
      {
        id: 'EHC-9',
        requestDate: '2021-01-11',
        decisionDate: '2021-02-15',
        decisionOutcome: 'Y',
        finalPlanDate: '2021-05-21',
        annualReviews: [
          { id: 'AR-91', date: '2022-05-12', preparingForAdulthoodOutcomes: false },
          { id: 'AR-92', date: '2023-05-10', preparingForAdulthoodOutcomes: true },
        ],
        status: 'ISSUED',
      },
    ]);
    expect(section.personalEducationPlans).toEqual([
      {
        id: 'PEP-7',
        date: '2024-10-01',
        reviewedDate: '2025-01-20',
        designatedTeacher: expect.objectContaining({ name: 'Dee Teacher', role: 'DESIGNATED_TEACHER' }),
      },
    ]);
  });

  it('combines duplicate records without repeats, keeping the highest SEN provision', () => {
    const section = toEducationSection([fixturePupil('P-101'), fixturePupil('P-100')]);
    expect(section.pupilIds).toEqual(['P-101', 'P-100']);
    expect(section.enrolments).toHaveLength(2);
    expect(section.attendance).toHaveLength(3);
    expect(section.senProvision).toBe('E');
    expect(section.senNeeds).toEqual(['SLCN', 'ASD', 'SEMH']);
    expect(section.ehcNeedsAssessments.map((a) => a.id)).toEqual(['EHC-9']);
  });

  it('keeps a pending request with no decision yet, and an unknown school name as null', () => {
    const section = toEducationSection([fixturePupil('P-200')]);
    expect(section.currentEnrolment?.schoolName).toBeNull();
    expect(section.ehcNeedsAssessments[0]).toMatchObject({
      status: 'REQUESTED',
      decisionDate: null,
      decisionOutcome: null,
      annualReviews: [],
    });
  });

  it('rounds attendance to one decimal place', () => {
    expect(attendancePercentage(2, 3)).toBe(66.7);
    expect(attendancePercentage(3, 3)).toBe(100);
    expect(attendancePercentage(0, 0)).toBeNull();
  });
});
