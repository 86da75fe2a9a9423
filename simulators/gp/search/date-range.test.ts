import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FhirError } from '../fhir/operation-outcome.js';
import { dateMatches, dateRangeOf, parseDateSearchValue, periodRange } from './date-range.js';

const at = (iso: string): number => Date.parse(iso);

describe('dateRangeOf', () => {
  it('covers the whole of the stated precision', () => {
    expect(dateRangeOf('2024')).toEqual({
      low: at('2024-01-01T00:00:00Z'),
      high: at('2025-01-01T00:00:00Z'),
    });
    expect(dateRangeOf('2024-02')).toEqual({
      low: at('2024-02-01T00:00:00Z'),
      high: at('2024-03-01T00:00:00Z'),
    });
    expect(dateRangeOf('2024-02-29')).toEqual({
      low: at('2024-02-29T00:00:00Z'),
      high: at('2024-03-01T00:00:00Z'),
    });
    expect(dateRangeOf('2024-02-29T10:15')).toEqual({
      low: at('2024-02-29T10:15:00Z'),
      high: at('2024-02-29T10:16:00Z'),
    });
    expect(dateRangeOf('2024-02-29T10:15:30+01:00')).toEqual({
      low: at('2024-02-29T09:15:30Z'),
      high: at('2024-02-29T09:15:31Z'),
    });
    expect(dateRangeOf('2024-02-29T10:15:30.250Z')).toEqual({
      low: at('2024-02-29T10:15:30.250Z'),
      high: at('2024-02-29T10:15:30.251Z'),
    });
  });

  it('rejects impossible dates', () => {
    for (const text of [
      '2023-02-29',
      '2024-13',
      '2024-00-10',
      'not-a-date',
      '2024-01-01T25:00Z',
      '24-01-01',
    ]) {
      expect(dateRangeOf(text)).toBeNull();
    }
  });

  it('contains the instant of any ISO timestamp, at millisecond and day precision', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          const instant = date.toISOString();
          const millisecond = dateRangeOf(instant);
          const day = dateRangeOf(instant.slice(0, 10));
          expect(millisecond).toEqual({ low: date.getTime(), high: date.getTime() + 1 });
          expect(day && day.low <= date.getTime() && date.getTime() < day.high).toBe(true);
        },
      ),
    );
  });
});

describe('parseDateSearchValue and dateMatches', () => {
  const target = periodRange('2025-01-18T22:40:00.000Z', '2025-01-19T03:15:00.000Z');
  if (target === null) throw new Error('fixture');
  const matches = (value: string): boolean => dateMatches(parseDateSearchValue(value, 'date'), target);

  it('applies prefixes to a period that spans midnight', () => {
    expect(matches('2025-01')).toBe(true);
    expect(matches('2025-01-18')).toBe(false);
    expect(matches('ne2025-01-18')).toBe(true);
    expect(matches('ge2025-01-19')).toBe(true);
    expect(matches('le2025-01-18')).toBe(true);
    expect(matches('gt2025-01-19')).toBe(false);
    expect(matches('lt2025-01-18')).toBe(false);
    expect(matches('ge2025-01-20')).toBe(false);
    expect(matches('le2025-01-17')).toBe(false);
  });

  it('treats a period without an end as ongoing', () => {
    const ongoing = periodRange('2025-03-30T23:50:00.000Z', undefined);
    if (ongoing === null) throw new Error('fixture');
    expect(dateMatches(parseDateSearchValue('ge2030-01-01', 'date'), ongoing)).toBe(true);
    expect(dateMatches(parseDateSearchValue('le2025-03-29', 'date'), ongoing)).toBe(false);
  });

  it('splits instants exactly between ge and lt of the same value', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (instant, boundary) => {
          const range = dateRangeOf(instant.toISOString());
          if (range === null) throw new Error('unreachable');
          const day = boundary.toISOString().slice(0, 10);
          const ge = dateMatches(parseDateSearchValue(`ge${day}`, 'date'), range);
          const lt = dateMatches(parseDateSearchValue(`lt${day}`, 'date'), range);
          expect(ge).toBe(!lt);
        },
      ),
    );
  });

  it('rejects unsupported prefixes and bad dates with a 400', () => {
    expect(() => parseDateSearchValue('ap2024-01-01', 'date')).toThrow(FhirError);
    expect(() => parseDateSearchValue('ge2024-02-30', 'date')).toThrow(/not a valid date/);
  });
});
