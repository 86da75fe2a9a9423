/**
 * What every part of one generation run shares: the clock, the random root, the working-day calendar and the
 * id counters. Passed as a value (never a module global) so two runs in one process cannot disturb each other.
 */
import { dayFromEpochMs, epochMsFromIso, type DayNumber } from './dates.js';
import { SeededRandom } from './random.js';
import { WorkingDayCalendar } from './working-days.js';

/** Sequential local ids per kind ('ASM000001', ...): unique within a run and independent of draw order elsewhere. */
export class IdSequences {
  private readonly counters = new Map<string, number>();

  next(prefix: string, width = 7): string {
    const value = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, value);
    return `${prefix}${String(value).padStart(width, '0')}`;
  }
}

export interface GenerationContext {
  seed: number;
  asOf: string;
  asOfDay: DayNumber;
  /** Minutes past midnight (UTC) of the as-of instant: events later on the as-of day have not happened yet. */
  asOfMinute: number;
  random: SeededRandom;
  calendar: WorkingDayCalendar;
  ids: IdSequences;
  localAuthorityCode: string;
}

/** Whether an instant (day and minute) is at or before the as-of instant. */
export function hasHappened(context: GenerationContext, day: DayNumber, minute: number): boolean {
  return day * 1440 + minute <= context.asOfDay * 1440 + context.asOfMinute;
}

export function createGenerationContext(
  seed: number,
  asOf: string,
  localAuthorityCode: string,
): GenerationContext {
  const ms = epochMsFromIso(asOf);
  const asOfDay = dayFromEpochMs(ms);
  return {
    seed,
    asOf,
    asOfDay,
    asOfMinute: Math.floor((ms - asOfDay * 86_400_000) / 60_000),
    random: new SeededRandom(seed),
    calendar: new WorkingDayCalendar(),
    ids: new IdSequences(),
    localAuthorityCode,
  };
}
