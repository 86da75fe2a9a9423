/**
 * Agency values as instants (ms since the epoch), for rules that count hours or must order two events on the same
 * day (a visit the morning before a move belongs to the old placement). Social care's wall-clock timestamps are
 * compared as written, which orders events recorded by the same SSD correctly. A value with no time of day is
 * placed at the start of its day (UTC), or at its end when `endOfDay` — each rule picks the reading that favours the
 * record it judges.
 */
const dayMs = 86_400_000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** Throws RangeError for a value that is not a date or an instant. */
export function instantOf(value: string, endOfDay = false): number {
  const ms = Date.parse(dateOnly.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(ms)) throw new RangeError('not an instant');
  return dateOnly.test(value) && endOfDay ? ms + dayMs - 1 : ms;
}

/** The instant of a value at the start of its day if it has no time; null when absent or unreadable. */
export function instantOrNull(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    return instantOf(value.trim());
  } catch {
    return null;
  }
}
