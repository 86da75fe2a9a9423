import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, birthdayOf, schoolTermOf, year9Start, yearGroupOn } from './ages.js';
import { addMonths, dateOf, dayOf } from './calendar-day.js';

const d = dayOf;

describe('ages', () => {
  it('attains an age on the birthday, not the day before', () => {
    expect(ageOn(d('2010-06-15'), d('2026-06-14'))).toBe(15);
    expect(ageOn(d('2010-06-15'), d('2026-06-15'))).toBe(16);
  });

  it('a 29 February birthday comes on 1 March in a common year, on 29 February in a leap year', () => {
    expect(dateOf(birthdayOf(d('2012-02-29'), 14))).toBe('2026-03-01');
    expect(ageOn(d('2012-02-29'), d('2026-02-28'))).toBe(13);
    expect(ageOn(d('2012-02-29'), d('2026-03-01'))).toBe(14);
    expect(ageOn(d('2012-02-29'), d('2028-02-29'))).toBe(16);
  });

  it('is monotonic and grows by exactly one on each birthday (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d('1995-01-01'), max: d('2025-12-31') }),
        fc.integer({ min: 1, max: 25 }),
        (birth, years) => {
          const b = birth as ReturnType<typeof dayOf>;
          const birthday = birthdayOf(b, years);
          expect(ageOn(b, birthday)).toBe(years);
          expect(ageOn(b, (birthday - 1) as typeof birthday)).toBe(years - 1);
        },
      ),
    );
  });
});

describe('school years', () => {
  it('Year 9 is the school year in which the child turns 14', () => {
    // Born 1 Sept 2011: turns 14 on 1 Sept 2025, the first day of 2025/26.
    expect(dateOf(year9Start(d('2011-09-01')))).toBe('2025-09-01');
    // Born 31 Aug 2012: turns 14 on 31 Aug 2026, the last day of 2025/26: the same Year 9.
    expect(dateOf(year9Start(d('2012-08-31')))).toBe('2025-09-01');
    // A day later is the next cohort.
    expect(dateOf(year9Start(d('2012-09-01')))).toBe('2026-09-01');
    expect(yearGroupOn(d('2012-08-31'), d('2025-09-01'))).toBe(9);
    expect(yearGroupOn(d('2012-08-31'), d('2025-08-31'))).toBe(8);
    expect(yearGroupOn(d('2012-09-01'), d('2025-09-01'))).toBe(8);
  });

  it('every child is in Year 9 on the day Year 9 starts and in Year 10 a year later (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('2000-01-01'), max: d('2014-12-31') }), (birth) => {
        const b = birth as ReturnType<typeof dayOf>;
        const start = year9Start(b);
        expect(yearGroupOn(b, start)).toBe(9);
        expect(yearGroupOn(b, addMonths(start, 12))).toBe(10);
        expect(yearGroupOn(b, (start - 1) as typeof start)).toBe(8);
        const age = ageOn(b, birthdayOf(b, 14));
        expect(age).toBe(14);
      }),
    );
  });

  it('terms have fixed boundaries', () => {
    expect(schoolTermOf(d('2026-12-31')).name).toBe('AUTUMN');
    expect(schoolTermOf(d('2027-01-01')).name).toBe('SPRING');
    expect(schoolTermOf(d('2027-04-01')).name).toBe('SUMMER');
  });
});

describe('months', () => {
  it('clamps to the end of a shorter month', () => {
    expect(dateOf(addMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(dateOf(addMonths(d('2028-01-31'), 1))).toBe('2028-02-29');
    expect(dateOf(addMonths(d('2026-08-31'), 6))).toBe('2027-02-28');
    expect(dateOf(addMonths(d('2026-03-15'), -3))).toBe('2025-12-15');
  });
});
