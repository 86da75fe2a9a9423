/**
 * Calendar arithmetic on whole days (days since 1970-01-01, UTC).
 *
 * The generator works in integer day numbers because it creates millions of dates at 100,000 children: integer
 * sums are cheap, and a `Date` is only built when a value is written out. All dates are UTC calendar dates.
 */
import type { IsoDate, IsoDateTime } from './model.js';

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of dayFromCivil. */
export function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}

/** 'YYYY-MM-DD' */
export function isoDate(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** 'YYYY-MM-DDTHH:mm:00.000Z' at `minuteOfDay` minutes past midnight UTC. */
export function isoDateTime(dayNumber: DayNumber, minuteOfDay = 0): IsoDateTime {
  const extraDays = Math.floor(minuteOfDay / 1440);
  const minutes = minuteOfDay - extraDays * 1440;
  return `${isoDate(dayNumber + extraDays)}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;
}

/** Day number of an ISO date or date-time (the time of day is dropped). */
export function dayFromIso(value: string): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) throw new RangeError(`not an ISO date: ${JSON.stringify(value)}`);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const result = dayFromCivil(Number(year), Number(month), Number(day));
  if (isoDate(result) !== `${year}-${month}-${day}`) throw new RangeError(`no such date: ${value}`);
  return result;
}

/** Milliseconds since the epoch of an ISO date-time, for callers that need the time of day. */
export function epochMsFromIso(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time: ${JSON.stringify(value)}`);
  return ms;
}

export function dayFromEpochMs(ms: number): DayNumber {
  return Math.floor(ms / MS_PER_DAY);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** The same calendar date `years` later (29 February falls back to 28 February). */
export function addYears(dayNumber: DayNumber, years: number): DayNumber {
  return addMonths(dayNumber, years * 12);
}

/** The same day of the month `months` later, clamped to the month's last day. */
export function addMonths(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDay(dayNumber);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const lastDay = civilFromDay(dayFromCivil(targetYear, targetMonth + 1, 1) - 1).day;
  return dayFromCivil(targetYear, targetMonth, Math.min(day, lastDay));
}

/** Whole years of age on `onDay` for someone born on `dateOfBirth`. */
export function ageInYears(dateOfBirth: DayNumber, onDay: DayNumber): number {
  const birth = civilFromDay(dateOfBirth);
  const on = civilFromDay(onDay);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age--;
  return age;
}

/** The day someone born on `dateOfBirth` turns `years` old. */
export function birthday(dateOfBirth: DayNumber, years: number): DayNumber {
  return addYears(dateOfBirth, years);
}

/** 1 September starting the school year (1 Sep – 31 Aug) that contains `dayNumber`. */
export function schoolYearStart(dayNumber: DayNumber): DayNumber {
  const { year, month } = civilFromDay(dayNumber);
  return dayFromCivil(month >= 9 ? year : year - 1, 9, 1);
}

/** Calendar year in which the school year containing `dayNumber` starts (2026 for 2026/27). */
export function schoolYearStartYear(dayNumber: DayNumber): number {
  return civilFromDay(schoolYearStart(dayNumber)).year;
}

/** National curriculum year on `onDay`: 0 = Reception, negative = not yet at school, 12–13 = sixth form. */
export function yearGroupOn(dateOfBirth: DayNumber, onDay: DayNumber): number {
  // A child turns N+5 during Year N; the cohort is fixed by the school year containing the birthday.
  const cohortStart = schoolYearStartYear(dateOfBirth);
  return schoolYearStartYear(onDay) - cohortStart - 5;
}

/** First day of the school year in which the child turns 14 (Year 9). */
export function year9Start(dateOfBirth: DayNumber): DayNumber {
  return schoolYearStart(birthday(dateOfBirth, 14));
}

export type SchoolTerm = 'AUTUMN' | 'SPRING' | 'SUMMER';

/** The term a day falls in, taking terms as Sep–Dec, Jan–Mar and Apr–Aug (holidays belong to the term before). */
export function schoolTermOf(dayNumber: DayNumber): {
  academicYear: string;
  term: SchoolTerm;
  start: DayNumber;
} {
  const startYear = schoolYearStartYear(dayNumber);
  const academicYear = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
  const spring = dayFromCivil(startYear + 1, 1, 1);
  const summer = dayFromCivil(startYear + 1, 4, 1);
  if (dayNumber >= summer) return { academicYear, term: 'SUMMER', start: summer };
  if (dayNumber >= spring) return { academicYear, term: 'SPRING', start: spring };
  return { academicYear, term: 'AUTUMN', start: dayFromCivil(startYear, 9, 1) };
}

/** First day of the term after the one containing `dayNumber`. */
export function nextTermStart(dayNumber: DayNumber): DayNumber {
  const { term, academicYear } = schoolTermOf(dayNumber);
  const startYear = Number(academicYear.slice(0, 4));
  if (term === 'AUTUMN') return dayFromCivil(startYear + 1, 1, 1);
  if (term === 'SPRING') return dayFromCivil(startYear + 1, 4, 1);
  return dayFromCivil(startYear + 1, 9, 1);
}
