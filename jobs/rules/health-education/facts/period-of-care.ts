/**
 * Looked after on a day, and the period of care a child is in. A period of care (the SSD's `clae_cla_id`) is a run
 * of CLA episodes — a placement move or a change of legal status starts a new episode, not a new period — and the
 * statutory clocks (first review, IHA, first PEP) run from the day the child entered care for that period.
 */
import type {
  CareEpisodeValue,
  LookedAfterReviewValue,
  SocialCareSectionValue,
} from '../../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { socialCareDay } from '../../facts/agency-days.js';

export interface PeriodOfCare {
  /** The SSD's period of care id, or the open episode's id when the extract gives none. */
  id: string;
  /** Whether `id` is the SSD's period of care id (reviews are keyed by it). */
  fromSsd: boolean;
  /** The day the child entered care for this period. */
  entered: DayNumber;
  episodes: CareEpisodeValue[];
}

function openOn(episode: CareEpisodeValue, day: DayNumber): boolean {
  if (socialCareDay(episode.startDate) > day) return false;
  return episode.ceasedDate === null || socialCareDay(episode.ceasedDate) > day;
}

/** The period of care the child is in on `day`, or null when they are not looked after that day. */
export function periodOfCareOn(sc: SocialCareSectionValue, day: DayNumber): PeriodOfCare | null {
  const open = sc.careEpisodes
    .filter((episode) => openOn(episode, day))
    .sort((a, b) => socialCareDay(b.startDate) - socialCareDay(a.startDate))[0];
  if (!open) return null;
  const episodes =
    open.periodOfCareId !== null
      ? sc.careEpisodes.filter((episode) => episode.periodOfCareId === open.periodOfCareId)
      : contiguousRunEndingWith(sc.careEpisodes, open);
  const earliestStart = Math.min(...episodes.map((episode) => socialCareDay(episode.startDate)));
  // The SSD records the day the child entered care for the period on each episode; an extract without it falls back
  // on the period's first episode.
  const entered = open.enteredCareDate !== null ? socialCareDay(open.enteredCareDate) : earliestStart;
  return {
    id: open.periodOfCareId ?? open.id,
    fromSsd: open.periodOfCareId !== null,
    entered: entered as DayNumber,
    episodes,
  };
}

/** Episodes with no period id: the open one and those before it that end the day the next one starts. */
function contiguousRunEndingWith(
  all: readonly CareEpisodeValue[],
  open: CareEpisodeValue,
): CareEpisodeValue[] {
  const run = [open];
  let first = open;
  for (;;) {
    const start = socialCareDay(first.startDate);
    const previous = all.find(
      (episode) =>
        !run.includes(episode) && episode.ceasedDate !== null && socialCareDay(episode.ceasedDate) === start,
    );
    if (!previous) return run;
    run.unshift(previous);
    first = previous;
  }
}

/** Looked-after reviews held (dated, not cancelled) in the period, earliest first. */
export function reviewsHeldInPeriod(
  sc: SocialCareSectionValue,
  period: PeriodOfCare,
): Array<LookedAfterReviewValue & { date: string }> {
  return (
    sc.lookedAfterReviews
      .filter((review): review is LookedAfterReviewValue & { date: string } => review.date !== null)
      .filter((review) => review.cancelled !== true)
      // Reviews are keyed by period of care; without the SSD's period id, the period's dates are all there is.
      .filter((review) => !period.fromSsd || review.periodOfCareId === period.id)
      .filter((review) => socialCareDay(review.date) >= period.entered)
      .sort((a, b) => socialCareDay(a.date) - socialCareDay(b.date))
  );
}
