/**
 * Calendar days as the rules count them: a date in England (YYYY-MM-DD), with no time of day. Statutory
 * timescales run in days, working days, weeks and months from a date, so the rules work on dates and convert an
 * agency's instant to the date it fell on in England (Europe/London) once, here.
 */

/** Days since 1970-01-01 (a plain integer, so arithmetic and comparison are exact). */
export type DayNumber = number & { readonly __day: unique symbol };

const msPerDay = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayOf(date: string): DayNumber {
  const match = isoDate.exec(date);
  if (!match) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return Math.round(ms / msPerDay) as DayNumber;
}

export function dateOf(day: DayNumber): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in England on which an instant fell (an agency's 23:30Z in summer is the next day in England). */
export function englandDayOf(instant: string | Date): DayNumber {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError('not an instant');
  return dayOf(londonDate.format(at));
}

/** A date or an instant (an agency may send either): its day in England. */
export function dayOfDateOrInstant(value: string): DayNumber {
  return isoDate.test(value) ? dayOf(value) : englandDayOf(value);
}

export function addDays(day: DayNumber, days: number): DayNumber {
  return (day + days) as DayNumber;
}

/** The same day-of-month `months` later; the last day of the month when it has no such day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const [year, month, date] = dateOf(day).split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const targetYear = year + Math.floor(targetMonth / 12);
  const normalisedMonth = ((targetMonth % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, normalisedMonth + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(targetYear, normalisedMonth, Math.min(date, lastDay)) / msPerDay) as DayNumber;
}

export function yearOf(day: DayNumber): number {
  return new Date(day * msPerDay).getUTCFullYear();
}

/** Monday 1 … Sunday 7. */
export function isoWeekday(day: DayNumber): number {
  const weekday = new Date(day * msPerDay).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}
