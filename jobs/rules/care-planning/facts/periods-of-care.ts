/**
 * Periods of care: the SSD records care as episodes (a new one at each change of placement or legal status)
 * grouped by period (`periodOfCareId`, the SSD's `clae_cla_id`). Statutory clocks run from the start of a
 * period (the first review, the care plan) or of a placement (visits, placement plans, notifications), so the
 * rules work on periods with their placements.
 */
import type {
  CareEpisodeValue,
  PlacementValue,
  SocialCareSectionValue,
} from '../../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { optionalSocialCareDay, socialCareDay } from '../../facts/agency-days.js';
import { covers } from '../../facts/spans.js';

export interface PeriodOfCare {
  /** The SSD's period of care id (or, for episodes recorded without one, the first episode's id). */
  id: string;
  /** The day the child became looked after. */
  start: DayNumber;
  /** The day care ended (the child is no longer looked after on it); null while it continues. */
  end: DayNumber | null;
  episodes: CareEpisodeValue[];
  /** The period's placements, oldest first. */
  placements: PlacementValue[];
}

/**
 * The child's periods of care, oldest first. Episodes without a period id join the episode they continue (one
 * that ended the day they started), as SSDA903 chains episodes into periods; placements without one (or naming
 * a period not in the extract) join the period their start falls in.
 */
export function periodsOfCare(section: SocialCareSectionValue): PeriodOfCare[] {
  const episodes = [...section.careEpisodes].sort(
    (a, b) => socialCareDay(a.startDate) - socialCareDay(b.startDate),
  );
  const byId = new Map<string, CareEpisodeValue[]>();
  let previous: { key: string; ceased: DayNumber | null } | null = null;
  for (const episode of episodes) {
    const start = socialCareDay(episode.startDate);
    const key: string =
      episode.periodOfCareId ??
      (previous !== null && previous.ceased === start ? previous.key : `episode:${episode.id}`);
    byId.set(key, [...(byId.get(key) ?? []), episode]);
    previous = { key, ceased: optionalSocialCareDay(episode.ceasedDate) };
  }
  const periods = [...byId].map(([key, members]): PeriodOfCare => {
    // The entered-care date is the period's start where recorded; an extract may begin mid-period.
    const starts = members.flatMap((e) => [e.startDate, e.enteredCareDate ?? e.startDate]).map(socialCareDay);
    const ceased = members.map((e) => optionalSocialCareDay(e.ceasedDate));
    const open = ceased.some((day) => day === null);
    return {
      id: key.startsWith('episode:') ? key.slice('episode:'.length) : key,
      start: Math.min(...starts) as DayNumber,
      end: open ? null : (Math.max(...(ceased as DayNumber[])) as DayNumber),
      episodes: members,
      placements: [],
    };
  });
  for (const placement of section.placements) {
    const start = socialCareDay(placement.startDate);
    const period =
      periods.find((p) => p.id === placement.periodOfCareId) ?? periods.find((p) => covers(p, start));
    period?.placements.push(placement);
  }
  for (const period of periods)
    period.placements.sort((a, b) => socialCareDay(a.startDate) - socialCareDay(b.startDate));
  return periods.sort((a, b) => a.start - b.start);
}

/** The day the child's first placement in a period began (the period's start if none is recorded). */
export function firstPlacementDay(period: PeriodOfCare): DayNumber {
  const first = period.placements[0];
  return first ? socialCareDay(first.startDate) : period.start;
}
