import { describe, expect, it } from 'vitest';
import { emptyEducation } from '../../testing/joined-record-builder.js';
import { dayOf } from '../../time/calendar-day.js';
import { compulsorySchoolAgeOn, onRollOn } from './school.js';

const d = dayOf;

describe('school facts', () => {
  it('is on roll from the first to the last day of an enrolment', () => {
    const education = {
      ...emptyEducation(),
      enrolments: [
        {
          schoolUrn: '1',
          schoolName: null,
          yearGroup: '7',
          from: '2024-09-03',
          to: '2025-07-18',
          current: false,
        },
      ],
    };
    expect(onRollOn(education, d('2024-09-02'))).toBe(false);
    expect(onRollOn(education, d('2024-09-03'))).toBe(true);
    expect(onRollOn(education, d('2025-07-18'))).toBe(true);
    expect(onRollOn(education, d('2025-07-19'))).toBe(false);
    expect(onRollOn(null, d('2025-01-01'))).toBe(false);
  });

  it('takes compulsory school age as Years 1 to 11', () => {
    // Born 31 Aug 2015: five on the last day of 2019/20, so Reception then, Year 1 from 1 Sept 2020 and Year 11
    // ending 31 Aug 2031.
    expect(compulsorySchoolAgeOn(d('2015-08-31'), d('2020-08-31'))).toBe(false);
    expect(compulsorySchoolAgeOn(d('2015-08-31'), d('2020-09-01'))).toBe(true);
    expect(compulsorySchoolAgeOn(d('2015-08-31'), d('2031-08-31'))).toBe(true);
    expect(compulsorySchoolAgeOn(d('2015-08-31'), d('2031-09-01'))).toBe(false);
    // A day younger is the next cohort.
    expect(compulsorySchoolAgeOn(d('2015-09-01'), d('2020-09-01'))).toBe(false);
    expect(compulsorySchoolAgeOn(d('2015-09-01'), d('2021-09-01'))).toBe(true);
  });
});
