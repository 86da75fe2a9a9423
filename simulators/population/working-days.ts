/**
 * Working days in England: weekdays that are not England & Wales bank holidays.
 *
 * Statutory timescales (assessment 45 WD, ICPC 15 WD, first LAC review 20 WD) are counted in working days, so
 * due dates the generator writes (e.g. the ICPC target date) must be too. Holidays follow the Banking and Financial
 * Dealings Act rules with substitute days, plus the one-off changes proclaimed since 2020.
 */
import { dayFromCivil, weekday, type DayNumber } from './dates.js';

/** Proclaimed changes to the regular pattern: [moved-from (or null), added]. */
const ONE_OFF_CHANGES: ReadonlyArray<readonly [string | null, string]> = [
  ['2020-05-04', '2020-05-08'], // early May bank holiday moved for VE Day 75
  ['2022-05-30', '2022-06-02'], // spring bank holiday moved for the Platinum Jubilee
  [null, '2022-06-03'], // Platinum Jubilee
  [null, '2022-09-19'], // State funeral of Queen Elizabeth II
  [null, '2023-05-08'], // Coronation of King Charles III
];

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(year, month, day);
}

function firstMonday(year: number, month: number): DayNumber {
  const first = dayFromCivil(year, month, 1);
  return first + ((7 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): DayNumber {
  const last = dayFromCivil(year, month + 1, 1) - 1;
  return last - weekday(last);
}

/** England & Wales bank holidays in `year`, as day numbers. */
export function bankHolidays(year: number): DayNumber[] {
  const holidays: DayNumber[] = [];
  const newYear = dayFromCivil(year, 1, 1);
  holidays.push(weekday(newYear) === 5 ? newYear + 2 : weekday(newYear) === 6 ? newYear + 1 : newYear);
  const easter = easterSunday(year);
  holidays.push(easter - 2, easter + 1);
  holidays.push(firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8));
  const christmas = dayFromCivil(year, 12, 25);
  const christmasWeekday = weekday(christmas);
  // Substitute days: Fri → Boxing Day on Mon 28; Sat → Mon 27 and Tue 28; Sun → Mon 26 and Tue 27.
  if (christmasWeekday === 4) holidays.push(christmas, christmas + 3);
  else if (christmasWeekday === 5) holidays.push(christmas + 2, christmas + 3);
  else if (christmasWeekday === 6) holidays.push(christmas + 1, christmas + 2);
  else holidays.push(christmas, christmas + 1);
  for (const [movedFrom, added] of ONE_OFF_CHANGES) {
    if (!added.startsWith(String(year))) continue;
    const [y, m, d] = added.split('-').map(Number) as [number, number, number];
    if (movedFrom) {
      const [fy, fm, fd] = movedFrom.split('-').map(Number) as [number, number, number];
      const index = holidays.indexOf(dayFromCivil(fy, fm, fd));
      if (index >= 0) holidays.splice(index, 1);
    }
    holidays.push(dayFromCivil(y, m, d));
  }
  return holidays.sort((x, y) => x - y);
}

/** Working-day arithmetic with a per-instance cache of holiday years (create one per generation run). */
export class WorkingDayCalendar {
  private readonly holidaysByYear = new Map<number, Set<DayNumber>>();

  private holidaySet(dayNumber: DayNumber): Set<DayNumber> {
    // A year is 365.2425 days on average; a day near New Year may land in either year, so check both.
    const approxYear = 1970 + Math.floor(dayNumber / 365.2425);
    let set = this.holidaysByYear.get(approxYear);
    if (!set) {
      set = new Set([
        ...bankHolidays(approxYear - 1),
        ...bankHolidays(approxYear),
        ...bankHolidays(approxYear + 1),
      ]);
      this.holidaysByYear.set(approxYear, set);
    }
    return set;
  }

  isWorkingDay(dayNumber: DayNumber): boolean {
    return weekday(dayNumber) < 5 && !this.holidaySet(dayNumber).has(dayNumber);
  }

  /** The day `count` working days after `start` (count ≥ 0; `start` itself is never counted). */
  addWorkingDays(start: DayNumber, count: number): DayNumber {
    let day = start;
    let remaining = count;
    while (remaining > 0) {
      day++;
      if (this.isWorkingDay(day)) remaining--;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.isWorkingDay(day)) count++;
    return count;
  }
}
