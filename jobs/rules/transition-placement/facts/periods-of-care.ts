/**
 * Periods of care from the child's CLA episodes. A period is the run of episodes sharing one period-of-care id
 * (`clae_cla_id`): a change of placement or legal status starts a new episode, not a new period. The child is
 * looked after from the period's first day until the day the last episode ceased (not looked after on that day).
 */
import type { SocialCareSectionValue } from '../../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { socialCareDayOrNull } from '../../facts/agency-days.js';

export interface PeriodOfCare {
  id: string;
  start: DayNumber;
  /** The day the child ceased to be looked after; null while the period is open. */
  end: DayNumber | null;
}

/** Why the periods could not be worked out (an episode's date is missing or not a date). */
export interface PeriodsUnknown {
  missing: string;
}

export function periodsOfCare(section: SocialCareSectionValue): PeriodOfCare[] | PeriodsUnknown {
  const byId = new Map<string, PeriodOfCare & { open: boolean }>();
  for (const episode of section.careEpisodes) {
    const start = socialCareDayOrNull(episode.startDate);
    if (start === null) return { missing: `CLA episode ${episode.id} has no valid start date` };
    // The date the child entered care for this period: earlier than the first episode when the extract is partial.
    const entered = episode.enteredCareDate === null ? start : socialCareDayOrNull(episode.enteredCareDate);
    if (entered === null) return { missing: `CLA episode ${episode.id} has an invalid entered-care date` };
    const ceased = episode.ceasedDate === null ? null : socialCareDayOrNull(episode.ceasedDate);
    if (episode.ceasedDate !== null && ceased === null)
      return { missing: `CLA episode ${episode.id} has an invalid ceased date` };
    const id = episode.periodOfCareId ?? `episode:${episode.id}`;
    const known = byId.get(id);
    const first = Math.min(start, entered) as DayNumber;
    if (!known) {
      byId.set(id, { id, start: first, end: ceased, open: ceased === null });
    } else {
      known.start = Math.min(known.start, first) as DayNumber;
      known.open ||= ceased === null;
      known.end = known.open ? null : (Math.max(known.end as number, ceased as number) as DayNumber);
    }
  }
  return [...byId.values()]
    .map(({ id, start, end }) => ({ id, start, end }))
    .sort((a, b) => a.start - b.start);
}

export function isUnknown(periods: PeriodOfCare[] | PeriodsUnknown): periods is PeriodsUnknown {
  return !Array.isArray(periods);
}

/**
 * The first day on which a child born `birth` is an eligible child (Children Act 1989 Sch 2 para 19B; CPPCR 2010
 * reg 40): aged 16 or over, looked after that day, and looked after for at least 13 weeks in total since their
 * 14th birthday (so the 13 weeks may be completed after the 16th birthday). Null if that day never comes while the
 * recorded periods last; an open period is taken to continue.
 */
export function eligibleFrom(
  periods: readonly PeriodOfCare[],
  birthday14: DayNumber,
  birthday16: DayNumber,
): DayNumber | null {
  const thirteenWeeks = 91;
  let counted = 0;
  for (const period of mergeTouching(periods)) {
    const from = Math.max(period.start, birthday14);
    const reached = counted >= thirteenWeeks ? period.start : from + (thirteenWeeks - counted);
    const candidate = Math.max(birthday16, period.start, reached) as DayNumber;
    if (period.end === null || candidate < period.end) return candidate;
    counted += Math.max(0, period.end - from);
  }
  return null;
}

/** Periods back to back (one ends the day the next starts) are one spell of being looked after. */
function mergeTouching(periods: readonly PeriodOfCare[]): PeriodOfCare[] {
  const merged: PeriodOfCare[] = [];
  for (const period of [...periods].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && last.end !== null && period.start <= last.end) {
      last.end = period.end === null ? null : (Math.max(last.end, period.end) as DayNumber);
    } else if (last && last.end === null) {
      continue;
    } else {
      merged.push({ ...period });
    }
  }
  return merged;
}
