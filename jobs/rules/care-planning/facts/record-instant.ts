/**
 * Agency values as instants, for rules that count hours or must order two events on the same day (a visit the
 * morning before a move belongs to the old placement). A value with no time of day is placed at the start of
 * its day, or at its end when `endOfDay` — each rule picks the reading that favours the record it judges.
 */
const dayMs = 86_400_000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

export function instantOf(value: string, endOfDay = false): number {
  const ms = Date.parse(dateOnly.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(ms)) throw new RangeError('not an instant');
  return dateOnly.test(value) && endOfDay ? ms + dayMs - 1 : ms;
}
