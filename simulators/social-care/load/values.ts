/** Y/N flag as the SSD stores it; null stays null (not recorded). */
export function yn(value: boolean | null | undefined): 'Y' | 'N' | null {
  if (value === null || value === undefined) return null;
  return value ? 'Y' : 'N';
}

export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Team names become stable ssd_department ids. */
export function teamId(teamName: string): string {
  return teamName
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 48);
}

function time(iso: string): number {
  return Date.parse(iso);
}

/** True when `at` falls inside [start, end] (an open end runs to the present). */
export function covers(start: string, end: string | null, at: string): boolean {
  const t = time(at);
  return time(start) <= t && (end === null || t <= time(end));
}

/**
 * Dated intervals (referrals, periods of care, plans) parsed once, answering which one a dated event belongs to:
 * the interval that covers it, else the latest one starting before it (records often sit just outside the window
 * they belong to), else null.
 */
export class Intervals<T> {
  private readonly entries: Array<{ item: T; start: number; end: number }>;

  constructor(items: readonly T[], start: (item: T) => string, end: (item: T) => string | null) {
    this.entries = items.map((item) => {
      const ends = end(item);
      return { item, start: time(start(item)), end: ends === null ? Infinity : time(ends) };
    });
  }

  at(iso: string): T | null {
    const t = time(iso);
    let latestBefore: { item: T; start: number } | null = null;
    for (const entry of this.entries) {
      if (entry.start <= t && t <= entry.end) return entry.item;
      if (entry.start <= t && (latestBefore === null || entry.start > latestBefore.start))
        latestBefore = entry;
    }
    return latestBefore?.item ?? null;
  }
}
