/** Dates of birth as numbers, so the comparator and the blocking keys do no string work per pair. */
export interface ParsedDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Null for anything that is not a real calendar date written YYYY-MM-DD. */
export function parseDateOfBirth(raw: string): ParsedDate | null {
  const match = ISO_DATE.exec(raw.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  // Date.UTC rolls over out-of-range days, so a round trip catches 31 April and 29 February in common years.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

/** YYYYMMDD, e.g. 20140307. */
export function dateNumber(date: ParsedDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}
