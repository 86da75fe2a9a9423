/**
 * The day each agency's dates fall on. Education sends plain dates; the GP sends FHIR dates (which may be partial:
 * "2019", "2019-05") or instants; social care's SSD timestamps are wall-clock times with no zone, which the
 * connector writes as UTC (sql-values.ts). Converting those as instants would move an event recorded at 23:30 in
 * summer to the next day, so a social care day is the date part of what the connector wrote.
 */
import { dayOf, dayOfDateOrInstant, type DayNumber } from '../../time/calendar-day.js';

const wallClockAsUtc = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)?$/;

export function socialCareDay(value: string): DayNumber {
  const match = wallClockAsUtc.exec(value);
  return match?.[1] !== undefined ? dayOf(match[1]) : dayOfDateOrInstant(value);
}

export function educationDay(value: string): DayNumber {
  return dayOfDateOrInstant(value);
}

/** A FHIR date or dateTime; a partial date counts from its first day (a year's onset is its 1 January). */
export function healthDay(value: string): DayNumber {
  if (/^\d{4}$/.test(value)) return dayOf(`${value}-01-01`);
  if (/^\d{4}-\d{2}$/.test(value)) return dayOf(`${value}-01`);
  return dayOfDateOrInstant(value);
}
