/**
 * zod schemas for the text forms of SSD column values, as the driver hands them over. Each turns a valid value into
 * what the mappers want (ISO timestamps, booleans, numbers, parsed JSON) and rejects anything else, so a corrupt
 * value fails the read as a bad payload rather than becoming null, NaN or a wrong date.
 */
import { z } from 'zod';

// PostgreSQL's ISO output of `timestamp` / `date`: 2025-06-30 12:00:00[.123456] or 2025-06-30.
const timestampText = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(\.\d{1,6})?)?$/;

function isoInstant(text: string): string | null {
  const match = timestampText.exec(text);
  if (!match) return null;
  const [, day, time = '00:00:00', fraction = ''] = match;
  const millis = `${fraction.slice(1)}000`.slice(0, 3);
  const iso = `${day}T${time}.${millis}Z`;
  const parsed = new Date(iso);
  // Date accepts 2025-02-30 by rolling over; a real date prints back unchanged.
  return Number.isNaN(parsed.getTime()) || parsed.toISOString() !== iso ? null : iso;
}

/**
 * A `timestamp without time zone` as an ISO instant. The SSD's timestamps are local wall-clock times with no zone;
 * the hub reads them as UTC, consistently, so day arithmetic is never shifted by a zone change.
 */
export const sqlTimestamp = z.string().transform((text, ctx) => {
  const iso = isoInstant(text.trim());
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: 'expected a timestamp' });
    return z.NEVER;
  }
  return iso;
});

/** A timestamp or date column read as a calendar date (YYYY-MM-DD), e.g. a date of birth. */
export const sqlDate = sqlTimestamp.transform((iso) => iso.slice(0, 10));

/** An SSD Y/N flag. */
export const sqlFlag = z
  .string()
  .transform((text) => text.trim().toUpperCase())
  .pipe(z.enum(['Y', 'N']))
  .transform((flag) => flag === 'Y');

export const sqlInt = z
  .string()
  .regex(/^\s*-?\d+\s*$/, 'expected an integer')
  .transform(Number);

export const sqlNumber = z
  .string()
  .regex(/^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/, 'expected a number')
  .transform(Number);

/** A non-empty identifier or code, trimmed (char(n) columns arrive space-padded). */
export const sqlCode = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1, 'expected a value'));

/** A JSON document held in a text column, checked against `schema`. */
export function sqlJson<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** The SSD's JSON arrays of codes or phrases (factor codes, risks, attendees). */
export const sqlStringList = sqlJson(z.array(z.string()));

/** Free text or a code that may be absent: trimmed, and empty read as not recorded. */
export const sqlText = z
  .string()
  .nullable()
  .transform((text) => {
    const trimmed = text?.trim() ?? '';
    return trimmed === '' ? null : trimmed;
  });

/** An instant written inside a JSON document (ISO 8601), as an ISO instant. */
export const jsonInstant = z.string().transform((text, ctx) => {
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: 'custom', message: 'expected a date' });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});
