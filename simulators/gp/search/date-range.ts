import { invalidRequest } from '../fhir/operation-outcome.js';

/** A half-open instant range [low, high) in epoch milliseconds; high may be Infinity (an open period). */
export interface DateRange {
  low: number;
  high: number;
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

export interface DateSearchValue {
  prefix: DatePrefix;
  range: DateRange;
}

const datePattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The range a FHIR date / dateTime / instant covers at its own precision: '2024' is the whole year,
 * '2024-03-05' the whole day, '...T10:15:00.000Z' one millisecond. Values without a zone are read as UTC.
 * Returns null when the text is not a valid date.
 */
export function dateRangeOf(text: string): DateRange | null {
  const match = datePattern.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = month === undefined ? 1 : Number(month);
  const d = day === undefined ? 1 : Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59))
    return null;
  const offsetMs = zoneOffsetMs(zone);
  if (offsetMs === null) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(1, 4).padEnd(3, '0'));
  const low =
    utc(y, mo - 1, d, Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), millis) - offsetMs;
  let high: number;
  if (month === undefined) high = utc(y + 1, 0, 1);
  else if (day === undefined) high = utc(y, mo, 1);
  else if (hour === undefined) high = utc(y, mo - 1, d + 1);
  else if (second === undefined) high = low + 60_000;
  else if (fraction === undefined) high = low + 1000;
  else high = low + 1;
  return { low, high };
}

/** Date.UTC, except that years 0–99 stay themselves instead of meaning 1900–1999. */
function utc(
  year: number,
  monthIndex: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

function zoneOffsetMs(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

const prefixes = new Set<string>(['eq', 'ne', 'gt', 'lt', 'ge', 'le']);
const unsupportedPrefixes = new Set<string>(['sa', 'eb', 'ap']);

export function parseDateSearchValue(value: string, parameter: string): DateSearchValue {
  const head = value.slice(0, 2);
  let prefix: DatePrefix = 'eq';
  let rest = value;
  if (prefixes.has(head)) {
    prefix = head as DatePrefix;
    rest = value.slice(2);
  } else if (unsupportedPrefixes.has(head)) {
    throw invalidRequest(
      `The date prefix "${head}" is not supported for ${parameter} (use eq, ne, gt, lt, ge, le).`,
    );
  }
  const range = dateRangeOf(rest);
  if (!range) throw invalidRequest(`"${value}" is not a valid date for ${parameter}.`);
  return { prefix, range };
}

/**
 * Whether a resource's date range satisfies the search value. eq: the value's range contains the target;
 * ge/le: the target overlaps the value's range or anything after/before it; gt/lt: the target reaches past it.
 */
export function dateMatches(search: DateSearchValue, target: DateRange): boolean {
  const { low, high } = search.range;
  const contained = target.low >= low && target.high <= high;
  switch (search.prefix) {
    case 'eq':
      return contained;
    case 'ne':
      return !contained;
    case 'gt':
      return target.high > high;
    case 'lt':
      return target.low < low;
    case 'ge':
      return target.high > low;
    case 'le':
      return target.low < high;
  }
}

/** The range of a Period: from its start to the end of its end, open-ended while it has no end. */
export function periodRange(start: string | undefined, end: string | undefined): DateRange | null {
  const startRange = start === undefined ? null : dateRangeOf(start);
  const endRange = end === undefined ? null : dateRangeOf(end);
  if (!startRange && !endRange) return null;
  return { low: startRange?.low ?? -Infinity, high: endRange?.high ?? Infinity };
}
