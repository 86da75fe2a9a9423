/**
 * Spans of days a child spends in something (a period of care, a placement): from the day it started, up to but not
 * including the day it ended (a child who leaves on a day is no longer there that day). An open span has no end.
 */
import type { DayNumber } from '../time/calendar-day.js';

export interface Span {
  start: DayNumber;
  end: DayNumber | null;
}

export function covers(span: Span, day: DayNumber): boolean {
  return span.start <= day && (span.end === null || day < span.end);
}

/** The first of `spans` that covers `day`, if any. */
export function spanOn<S extends Span>(spans: readonly S[], day: DayNumber): S | null {
  return spans.find((span) => covers(span, day)) ?? null;
}
