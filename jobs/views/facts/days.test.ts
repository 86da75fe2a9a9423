import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, dayOf } from '../../rules/time/calendar-day.js';
import { adultDayOf, educationDayOf, healthDayOf, shown, socialCareDayOf } from './days.js';

const anyDay = fc.integer({ min: dayOf('1990-01-01'), max: dayOf('2040-12-31') });

describe('agency days', () => {
  it('never throw: anything that is not a date is null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined)), (value) => {
        for (const read of [socialCareDayOf, educationDayOf, healthDayOf, adultDayOf]) {
          const day = read(value);
          expect(day === null || Number.isInteger(day)).toBe(true);
        }
      }),
    );
    expect(socialCareDayOf('2026-02-30')).toBeNull();
    expect(educationDayOf('')).toBeNull();
  });

  it('read a date as itself, and a social care timestamp as its date part whatever the time', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 86_399 }), (day, seconds) => {
        const date = dateOf(day as never);
        const time = new Date(seconds * 1000).toISOString().slice(11, 19);
        expect(socialCareDayOf(`${date}T${time}.000Z`)).toBe(day);
        expect(shown(educationDayOf(date))).toBe(date);
        expect(shown(adultDayOf(date))).toBe(date);
      }),
    );
  });

  it('count a partial FHIR date from its first day', () => {
    expect(shown(healthDayOf('2019'))).toBe('2019-01-01');
    expect(shown(healthDayOf('2019-05'))).toBe('2019-05-01');
  });
});
