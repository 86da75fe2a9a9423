import { describe, expect, it } from 'vitest';
import { dateOf } from '../../time/calendar-day.js';
import { educationDay, healthDay, socialCareDay } from './days.js';

describe('agency days', () => {
  it("reads social care's SSD timestamps as wall-clock dates, whatever the hour", () => {
    expect(dateOf(socialCareDay('2026-06-30T23:30:00.000Z'))).toBe('2026-06-30');
    expect(dateOf(socialCareDay('2026-06-30T00:00:00Z'))).toBe('2026-06-30');
    expect(dateOf(socialCareDay('2026-06-30'))).toBe('2026-06-30');
    // An instant with an offset is a real instant: its day in England.
    expect(dateOf(socialCareDay('2026-06-30T23:30:00+00:00'))).toBe('2026-07-01');
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
  });
});
