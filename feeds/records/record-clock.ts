/**
 * "Not in the future", decided once per ingest run. Dates without a time are compared with today's date in
 * England (a census taken today is valid whatever the UTC hour); instants may run a few minutes ahead of the
 * hub's clock, because the sender's clock is not ours.
 */
export interface RecordClock {
  now: Date;
  /** Today in Europe/London, YYYY-MM-DD. */
  today: string;
}

export const clockSkewMs = 5 * 60_000;

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function recordClock(now: Date): RecordClock {
  return { now, today: londonDate.format(now) };
}

/**
 * The earliest date a feed may carry. Nothing about a child in care predates it, and the store's date types
 * refuse what JavaScript accepts (year 0): a date PostgreSQL cannot store must be a dead letter, not a chunk that
 * fails on every retry.
 */
export const earliestDate = '1900-01-01';

/** A date or date-time (any of the formats above) before `earliestDate`. */
export function isBeforeEarliest(value: string): boolean {
  return /^\d{4}/.test(value) && value.slice(0, 10) < earliestDate.slice(0, Math.min(10, value.length));
}

/** A YYYY, YYYY-MM or YYYY-MM-DD date is in the future when its first day is after today. */
export function isFutureDate(date: string, clock: RecordClock): boolean {
  // Not a date at all is a format problem, reported as such, not a future date.
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) return false;
  const firstDay = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  return firstDay > clock.today;
}

/** A date or a date-time with a zone (FHIR dateTime, instant, ISO 8601). */
export function isFutureDateTime(value: string, clock: RecordClock): boolean {
  if (!value.includes('T')) return isFutureDate(value, clock);
  const at = Date.parse(value);
  return !Number.isNaN(at) && at > clock.now.getTime() + clockSkewMs;
}

/** A date or date-time as an instant for storage: dates are taken at midnight UTC. */
export function toInstant(value: string): string {
  if (value.includes('T')) return new Date(value).toISOString();
  const firstDay = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  return `${firstDay}T00:00:00.000Z`;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
