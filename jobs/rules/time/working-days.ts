/**
 * Working days in England: Monday to Friday, less the England and Wales bank holidays. The holidays come from
 * GOV.UK's published list (https://www.gov.uk/bank-holidays.json, division england-and-wales), kept in
 * england-and-wales-bank-holidays.json; `npx tsx jobs/rules/time/update-bank-holidays.ts` refreshes it (run it when
 * GOV.UK announces a new year or a one-off holiday, and commit the file). A date outside the years the file covers
 * cannot be counted: the calendar throws OutsideCalendarError, and a rule that meets it reports that it could not
 * decide instead of guessing.
 */
import { readFileSync } from 'node:fs';
import { addDays, dateOf, dayOf, isoWeekday, yearOf, type DayNumber } from './calendar-day.js';

export class OutsideCalendarError extends Error {
  override readonly name = 'OutsideCalendarError';
  constructor(readonly year: number) {
    super(`the working-day calendar has no bank holidays for ${year}`);
  }
}

export interface WorkingDayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  isWorkingDay(day: DayNumber): boolean;
  /** The day `n` working days after `day` (n ≥ 0; `day` itself is not counted). */
  addWorkingDays(day: DayNumber, n: number): DayNumber;
  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: DayNumber, to: DayNumber): number;
}

export interface BankHolidayList {
  coversYears: [number, number];
  events: Array<{ date: string; title: string }>;
}

/** The shipped list (england-and-wales-bank-holidays.json). */
export function shippedBankHolidays(): BankHolidayList {
  return JSON.parse(
    readFileSync(new URL('./england-and-wales-bank-holidays.json', import.meta.url), 'utf8'),
  ) as BankHolidayList;
}

export function createWorkingDayCalendar(list: BankHolidayList = shippedBankHolidays()): WorkingDayCalendar {
  const [firstYear, lastYear] = list.coversYears;
  const bankHolidays = new Set<number>(list.events.map((event) => dayOf(event.date)));
  const check = (day: DayNumber) => {
    const year = yearOf(day);
    if (year < firstYear || year > lastYear) throw new OutsideCalendarError(year);
  };
  const isWorkingDay = (day: DayNumber) => {
    check(day);
    return isoWeekday(day) <= 5 && !bankHolidays.has(day);
  };
  return {
    firstYear,
    lastYear,
    isWorkingDay,
    addWorkingDays(day, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number of working days ≥ 0');
      let current = day;
      for (let counted = 0; counted < n;) {
        current = addDays(current, 1);
        if (isWorkingDay(current)) counted += 1;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let current = addDays(from, 1); current <= to; current = addDays(current, 1))
        if (isWorkingDay(current)) count += 1;
      return count;
    },
  };
}

export { dateOf };
