/**
 * REPEAT_MISSING_NO_REVIEW: a children's home resident who goes missing repeatedly (default: 3 episodes starting
 * within 90 days, local windows in rules-config.ts) calls for a review of their plan (CHR 2015 reg 14(2)(e)). Only
 * episodes that began while the child was placed in a children's home count. Overlapping windows make one run of
 * episodes, and the run is answered if a review was requested on any of its episodes; a request that is not
 * recorded counts as not made. The finding is about the run, named by the episode that first reached the count;
 * it falls due the day that episode ended (or began, if the child is still missing).
 */
import type { MissingEpisodeValue } from '../../../connectors/social-care/social-care-section.js';
import type { Finding } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { dateOf, type DayNumber } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData } from './facts/agency-parts.js';
import { childrensHomeStays, stayOn, staysUnknown } from './facts/childrens-homes.js';
import { isMissingEpisode } from './facts/missing-episodes.js';
import { socialCareDayOrNull } from '../facts/agency-days.js';
import { instantOrNull } from '../facts/instants.js';

interface DatedEpisode {
  episode: MissingEpisodeValue;
  startDay: DayNumber;
  startMs: number;
}

export const repeatMissingNoReview = defineRule({
  id: 'REPEAT_MISSING_NO_REVIEW',
  title: "Repeated missing episodes from a children's home with no review requested",
  source: { kind: 'LAW', citation: "Children's Homes (England) Regulations 2015 reg 14(2)(e)" },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs: ['socialCare'],
  evaluate(record, context) {
    const { repeatMissingCount: count, repeatMissingWindowDays: windowDays } = context.config;
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], 'missing episodes and placements are unknown');
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const stays = childrensHomeStays(socialCare.placements);
    if (staysUnknown(stays)) return missingData(stays.missing);

    const fromHome: DatedEpisode[] = [];
    for (const episode of socialCare.missingEpisodes) {
      if (!isMissingEpisode(episode)) continue;
      const startDay = socialCareDayOrNull(episode.startDate);
      const startMs = instantOrNull(episode.startDate);
      if (startDay === null || startMs === null)
        return missingData(`missing episode ${episode.id} has a start date that is not a date`);
      if (stayOn(stays, startDay)) fromHome.push({ episode, startDay, startMs });
    }
    fromHome.sort((a, b) => a.startMs - b.startMs);

    const runs: Array<{ first: number; last: number; trigger: number }> = [];
    let windowStart = 0;
    for (let i = 0; i < fromHome.length; i++) {
      const startDay = (fromHome[i] as DatedEpisode).startDay;
      while (startDay - (fromHome[windowStart] as DatedEpisode).startDay >= windowDays) windowStart += 1;
      if (i - windowStart + 1 < count) continue;
      const run = runs.at(-1);
      if (run && windowStart <= run.last) run.last = i;
      else runs.push({ first: windowStart, last: i, trigger: i });
    }

    const findings: Finding[] = [];
    for (const run of runs) {
      const episodes = fromHome.slice(run.first, run.last + 1);
      if (episodes.some(({ episode }) => episode.reviewRequested === true)) continue;
      const trigger = (fromHome[run.trigger] as DatedEpisode).episode;
      const due = socialCareDayOrNull(trigger.endDate) ?? (fromHome[run.trigger] as DatedEpisode).startDay;
      if (context.today <= due) continue;
      findings.push({
        subject: { kind: 'MISSING_EPISODES', id: trigger.id },
        summary: `Went missing ${episodes.length} times from a children's home with ${count} or more within ${windowDays} days, and no review of the plan was requested (local threshold: ${count} in ${windowDays} days).`,
        evidence: episodes.map(({ episode, startDay }) =>
          evidenceFrom(
            record.socialCare,
            episode.id,
            `missing from ${dateOf(startDay)} while in a children's home; review ${episode.reviewRequested === false ? 'not requested' : 'request not recorded'}`,
          ),
        ),
        dueDate: dateOf(due),
      });
    }
    return decided(findings);
  },
});
