/**
 * Dates in scenario files, written relative to the population's as-of instant so a scenario stays true whatever
 * day it is loaded on:
 *
 *   "P-120D"            120 days before as-of (ISO 8601 duration with signed parts)
 *   "-P1Y2M"            one year and two months before (a leading minus negates every part)
 *   "P14D"              a fortnight after
 *   "P-16Y-1M-3DT-4H"   parts combine; years and months move by calendar, then weeks, days and hours
 *   { "daysAgo": 120 }  the same as "P-120D"; also weeksAgo, monthsAgo, yearsAgo, hoursAgo and "at": "HH:MM"
 *   "2026-01-15" or "2026-01-15T10:00:00Z"   an absolute date, used as written
 *
 * A relative date keeps the as-of time of day unless "at" (object form) sets one.
 */
import { z } from 'zod';
import {
  addMonths,
  dayFromEpochMs,
  epochMsFromIso,
  isoDate,
  isoDateTime,
  type DayNumber,
} from '../population/dates.js';

const DURATION = /^(-)?P(?:(-?\d+)Y)?(?:(-?\d+)M)?(?:(-?\d+)W)?(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?)?$/;
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function isRelativeDuration(value: string): boolean {
  // The pattern allows every part to be absent; a duration needs at least one.
  return DURATION.test(value) && /\d/.test(value) && !value.endsWith('T');
}

export const relativeDateObjectSchema = z
  .object({
    yearsAgo: z.number().int().optional(),
    monthsAgo: z.number().int().optional(),
    weeksAgo: z.number().int().optional(),
    daysAgo: z.number().int().optional(),
    hoursAgo: z.number().int().optional(),
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time, HH:MM')
      .optional(),
  })
  .strict()
  .refine(
    (value) => ['yearsAgo', 'monthsAgo', 'weeksAgo', 'daysAgo', 'hoursAgo'].some((key) => key in value),
    'give at least one of yearsAgo, monthsAgo, weeksAgo, daysAgo, hoursAgo',
  );

export const dateSpecSchema = z.union([
  z.string().refine((value) => isRelativeDuration(value) || ABSOLUTE.test(value), {
    message: 'a relative duration such as "P-120D" or "-P1Y2M", or an absolute ISO date / date-time',
  }),
  relativeDateObjectSchema,
]);

export type DateSpec = z.infer<typeof dateSpecSchema>;

/** A resolved point in time: whole day plus minute of the day, UTC. */
export interface ResolvedInstant {
  day: DayNumber;
  minute: number;
}

function shift(
  asOfMs: number,
  years: number,
  months: number,
  weeks: number,
  days: number,
  hours: number,
  at?: string,
) {
  const asOfDay = dayFromEpochMs(asOfMs);
  let minute = Math.floor((asOfMs - asOfDay * 86_400_000) / 60_000);
  let day = addMonths(asOfDay, years * 12 + months) + weeks * 7 + days;
  if (at !== undefined) {
    const [h, m] = at.split(':').map(Number) as [number, number];
    minute = h * 60 + m;
  }
  minute += hours * 60;
  day += Math.floor(minute / 1440);
  minute = ((minute % 1440) + 1440) % 1440;
  return { day, minute };
}

export function resolveInstant(spec: DateSpec, asOf: string): ResolvedInstant {
  const asOfMs = epochMsFromIso(asOf);
  if (typeof spec === 'object') {
    return shift(
      asOfMs,
      -(spec.yearsAgo ?? 0),
      -(spec.monthsAgo ?? 0),
      -(spec.weeksAgo ?? 0),
      -(spec.daysAgo ?? 0),
      -(spec.hoursAgo ?? 0),
      spec.at,
    );
  }
  const duration = isRelativeDuration(spec) ? DURATION.exec(spec) : null;
  if (duration) {
    const sign = duration[1] === '-' ? -1 : 1;
    const part = (index: number) => sign * Number(duration[index] ?? 0);
    return shift(asOfMs, part(2), part(3), part(4), part(5), part(6));
  }
  const ms = epochMsFromIso(spec.length === 10 ? `${spec}T00:00:00Z` : spec);
  const day = dayFromEpochMs(ms);
  return { day, minute: Math.floor((ms - day * 86_400_000) / 60_000) };
}

export function resolveDateTime(spec: DateSpec, asOf: string): string {
  const { day, minute } = resolveInstant(spec, asOf);
  return isoDateTime(day, minute);
}

export function resolveDate(spec: DateSpec, asOf: string): string {
  return isoDate(resolveInstant(spec, asOf).day);
}
