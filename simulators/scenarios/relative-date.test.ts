import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateSpecSchema, resolveDate, resolveDateTime, resolveInstant } from './relative-date.js';

const AS_OF = '2026-11-25T09:00:00.000Z';

describe('relative dates', () => {
  it('resolves durations against the as-of instant', () => {
    expect(resolveDateTime('P-120D', AS_OF)).toBe('2026-07-28T09:00:00.000Z');
    expect(resolveDateTime('-P120D', AS_OF)).toBe('2026-07-28T09:00:00.000Z');
    expect(resolveDateTime('P14D', AS_OF)).toBe('2026-12-09T09:00:00.000Z');
    expect(resolveDate('P-16Y-1M', AS_OF)).toBe('2010-10-25');
    expect(resolveDate('-P1Y2M', AS_OF)).toBe('2025-09-25');
    expect(resolveDateTime('P-2W', AS_OF)).toBe('2026-11-11T09:00:00.000Z');
    expect(resolveDateTime('P-1DT-10H', AS_OF)).toBe('2026-11-23T23:00:00.000Z');
    expect(resolveDateTime('P0D', AS_OF)).toBe(AS_OF);
  });

  it('moves years and months by the calendar', () => {
    expect(resolveDate('P-1M', '2026-03-31T09:00:00.000Z')).toBe('2026-02-28');
    expect(resolveDate('P-1Y', '2028-02-29T09:00:00.000Z')).toBe('2027-02-28');
  });

  it('accepts the object form, with a time of day', () => {
    expect(resolveDateTime({ daysAgo: 120 }, AS_OF)).toBe(resolveDateTime('P-120D', AS_OF));
    expect(resolveDateTime({ daysAgo: 3, at: '19:30' }, AS_OF)).toBe('2026-11-22T19:30:00.000Z');
    expect(resolveDateTime({ yearsAgo: 1, monthsAgo: 2, weeksAgo: 1, hoursAgo: 2 }, AS_OF)).toBe(
      '2025-09-18T07:00:00.000Z',
    );
    expect(resolveInstant({ daysAgo: -1, at: '00:15' }, AS_OF)).toEqual({ day: 20783, minute: 15 });
  });

  it('uses absolute dates as written', () => {
    expect(resolveDateTime('2025-01-15', AS_OF)).toBe('2025-01-15T00:00:00.000Z');
    expect(resolveDateTime('2025-01-15T10:30:00Z', AS_OF)).toBe('2025-01-15T10:30:00.000Z');
  });

  it('agrees between "P-nD" and { daysAgo: n } for any n', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), (n) => {
        const text = n >= 0 ? `P-${n}D` : `P${-n}D`;
        expect(resolveDateTime(text, AS_OF)).toBe(resolveDateTime({ daysAgo: n }, AS_OF));
      }),
    );
  });

  it('rejects what is neither a duration nor a date', () => {
    for (const bad of ['P', '-P', 'PT', '120 days ago', 'P-1.5D', '2026-13-01x', '']) {
      expect(dateSpecSchema.safeParse(bad).success).toBe(false);
    }
    expect(dateSpecSchema.safeParse({}).success).toBe(false);
    expect(dateSpecSchema.safeParse({ daysAgo: 1, at: '25:00' }).success).toBe(false);
    expect(dateSpecSchema.safeParse({ daysAgo: 1, when: 'now' }).success).toBe(false);
  });
});
