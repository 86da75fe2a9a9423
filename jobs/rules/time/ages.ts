/**
 * Ages and school years as English law and schools count them.
 *
 * - A person attains an age at the start of the anniversary of their birth (Family Law Reform Act 1969 s9). Someone
 *   born on 29 February attains it on 1 March in a common year (the anniversary does not exist; the day after 28
 *   February is when the years are complete).
 * - The school year runs from 1 September to 31 August. A child starts Reception in the school year in which they
 *   turn 5 — the September after their fourth birthday — so Year N is the school year in which they turn N + 5,
 *   and Year 9 is the school year in which the child turns 14.
 */
import { addDays, dateOf, dayOf, type DayNumber } from './calendar-day.js';

function parts(day: DayNumber): [number, number, number] {
  return dateOf(day).split('-').map(Number) as [number, number, number];
}

/** The day a person born on `birth` attains `years`. */
export function birthdayOf(birth: DayNumber, years: number): DayNumber {
  const [year, month, date] = parts(birth);
  const target = year + years;
  if (month === 2 && date === 29) {
    const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
    return leap ? dayOf(`${target}-02-29`) : dayOf(`${target}-03-01`);
  }
  return dayOf(`${String(target).padStart(4, '0')}-${pad(month)}-${pad(date)}`);
}

/** Whole years of age on `on`. */
export function ageOn(birth: DayNumber, on: DayNumber): number {
  const [birthYear] = parts(birth);
  const [year] = parts(on);
  let age = year - birthYear;
  if (age > 0 && on < birthdayOf(birth, age)) age -= 1;
  return Math.max(age, 0);
}

/** The calendar year in which the school year containing `day` starts (2026-03-01 → 2025). */
export function schoolYearStartOf(day: DayNumber): number {
  const [year, month] = parts(day);
  return month >= 9 ? year : year - 1;
}

/** 1 September of the school year containing `day`. */
export function schoolYearStart(day: DayNumber): DayNumber {
  return dayOf(`${schoolYearStartOf(day)}-09-01`);
}

/** The first day of Year 9 for a child born on `birth`: 1 September of the school year in which they turn 14. */
export function year9Start(birth: DayNumber): DayNumber {
  return dayOf(`${schoolYearStartOf(birthdayOf(birth, 14))}-09-01`);
}

/** The national curriculum year group on `on` (0 = Reception; negative before school age). */
export function yearGroupOn(birth: DayNumber, on: DayNumber): number {
  return schoolYearStartOf(on) - schoolYearStartOf(birthdayOf(birth, 5));
}

/** The last day of the school year containing `day` (31 August). */
export function schoolYearEnd(day: DayNumber): DayNumber {
  return addDays(dayOf(`${schoolYearStartOf(day) + 1}-09-01`), -1);
}

/**
 * The school term containing `day`, as the rules use it for "reviewed this term" (autumn 1 Sep–31 Dec, spring
 * 1 Jan–31 Mar, summer 1 Apr–31 Aug): fixed boundaries, since term dates differ by school and are not in any
 * agency's data.
 */
export function schoolTermOf(day: DayNumber): {
  name: 'AUTUMN' | 'SPRING' | 'SUMMER';
  start: DayNumber;
  end: DayNumber;
} {
  const [year, month] = parts(day);
  if (month >= 9) return { name: 'AUTUMN', start: dayOf(`${year}-09-01`), end: dayOf(`${year}-12-31`) };
  if (month <= 3) return { name: 'SPRING', start: dayOf(`${year}-01-01`), end: dayOf(`${year}-03-31`) };
  return { name: 'SUMMER', start: dayOf(`${year}-04-01`), end: dayOf(`${year}-08-31`) };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
