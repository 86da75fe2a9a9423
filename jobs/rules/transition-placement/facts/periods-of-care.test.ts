import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySocialCare } from '../../testing/joined-record-builder.js';
import { birthdayOf } from '../../time/ages.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../../time/calendar-day.js';
import { careEpisode } from '../testing/records.js';
import { eligibleFrom, isUnknown, periodsOfCare, type PeriodOfCare } from './periods-of-care.js';
import { spanOn } from '../../facts/spans.js';

const d = dayOf;

function periods(...episodes: Parameters<typeof careEpisode>[0][]): PeriodOfCare[] {
  const result = periodsOfCare({ ...emptySocialCare(), careEpisodes: episodes.map(careEpisode) });
  if (isUnknown(result)) throw new Error(result.missing);
  return result;
}

describe('periods of care', () => {
  it('joins the episodes of one period and ends it when the last episode ceased', () => {
    const [period, ...rest] = periods(
      { id: 'E1', periodOfCareId: 'P1', startDate: '2024-01-10', ceasedDate: '2024-05-01' },
      { id: 'E2', periodOfCareId: 'P1', startDate: '2024-05-01', ceasedDate: '2024-09-30T00:00:00.000Z' },
    );
    expect(rest).toEqual([]);
    expect(period).toEqual({ id: 'P1', start: d('2024-01-10'), end: d('2024-09-30') });
  });

  it('is open while any episode is, and starts at the entered-care date when that is earlier', () => {
    const [period] = periods(
      { id: 'E1', startDate: '2024-03-01', enteredCareDate: '2024-02-01', ceasedDate: '2024-04-01' },
      { id: 'E2', startDate: '2024-04-01' },
    );
    expect(period).toEqual({ id: 'POC1', start: d('2024-02-01'), end: null });
  });

  it('the child is looked after from the first day and not on the day care ceased', () => {
    const list = periods({ startDate: '2024-01-10', ceasedDate: '2024-05-01' });
    expect(spanOn(list, d('2024-01-09'))).toBeNull();
    expect(spanOn(list, d('2024-01-10'))).not.toBeNull();
    expect(spanOn(list, d('2024-04-30'))).not.toBeNull();
    expect(spanOn(list, d('2024-05-01'))).toBeNull();
  });

  it('says which episode has a date that is not a date', () => {
    const result = periodsOfCare({
      ...emptySocialCare(),
      careEpisodes: [careEpisode({ id: 'E9', startDate: '2024-02-30' })],
    });
    expect(result).toEqual({ missing: 'CLA episode E9 has no valid start date' });
  });
});

describe('eligible child (13 weeks looked after since 14, aged 16)', () => {
  const birth = d('2009-06-10');
  const at14 = birthdayOf(birth, 14);
  const at16 = birthdayOf(birth, 16);
  const eligible = (list: PeriodOfCare[]) => {
    const day = eligibleFrom(list, at14, at16);
    return day === null ? null : dateOf(day);
  };

  it('is eligible on the 16th birthday after 13 weeks in care since 14', () => {
    expect(eligible(periods({ startDate: '2023-01-01' }))).toBe('2025-06-10');
    // Exactly 91 days before the 16th birthday.
    expect(eligible(periods({ startDate: dateOf(addDays(at16, -91)) }))).toBe('2025-06-10');
    // One day short: eligible a day after the birthday.
    expect(eligible(periods({ startDate: dateOf(addDays(at16, -90)) }))).toBe('2025-06-11');
  });

  it('completes the 13 weeks after the 16th birthday when care began shortly before it', () => {
    expect(eligible(periods({ startDate: '2025-05-01' }))).toBe(dateOf(addDays(d('2025-05-01'), 91)));
  });

  it('adds up separate periods, counting only time since the 14th birthday', () => {
    const list = periods(
      { id: 'E1', periodOfCareId: 'P1', startDate: '2022-01-01', ceasedDate: '2023-07-10' }, // 30 days after 14
      { id: 'E2', periodOfCareId: 'P2', startDate: '2025-06-01' },
    );
    // 30 days, then 61 more from 1 June 2025.
    expect(eligible(list)).toBe(dateOf(addDays(d('2025-06-01'), 61)));
  });

  it('is never eligible if the child left care before 16, however long they were in care', () => {
    expect(eligible(periods({ startDate: '2023-07-01', ceasedDate: '2025-06-10' }))).toBeNull();
  });

  it('counts a 29 February birthday from 1 March in a common year', () => {
    const leapBirth = d('2008-02-29');
    const list = (ceased: string) =>
      periods(
        { id: 'E1', periodOfCareId: 'P1', startDate: '2022-02-28', ceasedDate: ceased },
        { id: 'E2', periodOfCareId: 'P2', startDate: '2024-02-29' },
      );
    const from = (l: PeriodOfCare[]) =>
      dateOf(eligibleFrom(l, birthdayOf(leapBirth, 14), birthdayOf(leapBirth, 16)) as DayNumber);
    // 1 March to 30 May 2022 is 91 days: eligible on the 16th birthday, 29 February 2024.
    expect(from(list('2022-05-31'))).toBe('2024-02-29');
    expect(from(list('2022-05-30'))).toBe('2024-03-01');
  });

  it('for any entry to care between 14 and 17 that lasts, eligibility is the later of 16 and 13 weeks in (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: at14, max: birthdayOf(birth, 17) }), (start) => {
        const list = periods({ startDate: dateOf(start as DayNumber) });
        expect(eligibleFrom(list, at14, at16)).toBe(Math.max(at16, start + 91));
      }),
    );
  });
});
