import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, dayOf } from '../time/calendar-day.js';
import {
  dayOrNull,
  educationDay,
  healthDay,
  healthDayOrNull,
  optionalSocialCareDay,
  socialCareDay,
  socialCareDayOrNull,
} from './agency-days.js';

const anyDay = fc.integer({ min: dayOf('1990-01-01'), max: dayOf('2040-12-31') });

describe('agency days', () => {
  it("reads social care's SSD timestamps as wall-clock dates, whatever the hour", () => {
    expect(dateOf(socialCareDay('2026-06-30T23:30:00.000Z'))).toBe('2026-06-30');
    expect(dateOf(socialCareDay('2026-06-30T00:00:00Z'))).toBe('2026-06-30');
    expect(dateOf(socialCareDay('2026-06-30'))).toBe('2026-06-30');
    // An instant with an offset is a real instant: its day in England.
    expect(dateOf(socialCareDay('2026-06-30T23:30:00+00:00'))).toBe('2026-07-01');
  });

  it('reads any SSD timestamp as its date part (property)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 86_399 }), (day, seconds) => {
        const time = new Date(seconds * 1000).toISOString().slice(11, 19);
        expect(socialCareDay(`${dateOf(day as never)}T${time}.000Z`)).toBe(day);
      }),
    );
  });

  it('reads GP dates as instants in England, and partial FHIR dates from their first day', () => {
    expect(dateOf(healthDay('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(dateOf(healthDay('2019'))).toBe('2019-01-01');
    expect(dateOf(healthDay('2019-05'))).toBe('2019-05-01');
    expect(dateOf(healthDay('2019-05-17'))).toBe('2019-05-17');
  });

  it('reads education dates as dates and rejects impossible ones', () => {
    expect(dateOf(educationDay('2028-02-29'))).toBe('2028-02-29');
    expect(() => educationDay('2026-02-29')).toThrow(RangeError);
    expect(() => socialCareDay('2026-02-30T10:00:00.000Z')).toThrow(RangeError);
  });

  it('keeps an unrecorded social care date unrecorded, and still rejects one that is not a date', () => {
    expect(optionalSocialCareDay(null)).toBeNull();
    expect(() => optionalSocialCareDay('soon')).toThrow(RangeError);
  });

  it('the OrNull readers never throw: anything that is not a date is null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined)), (value) => {
        for (const read of [socialCareDayOrNull, healthDayOrNull, dayOrNull]) {
          const day = read(value);
          expect(day === null || Number.isInteger(day)).toBe(true);
        }
      }),
    );
    expect(socialCareDayOrNull('2026-02-30')).toBeNull();
    expect(dayOrNull(' ')).toBeNull();
    expect(socialCareDayOrNull(' 2026-06-30T23:30:00.000Z ')).toBe(dayOf('2026-06-30'));
  });
});
