/**
 * RHI_LATE: a child who went missing must be offered an independent return home interview within 72 hours of
 * returning (DfE statutory guidance on children who run away or go missing from home or care, 2014). Each missing
 * episode that ended more than 72 hours ago without an interview within them is a finding, including one where the
 * interview was offered and declined (the table's reading: no interview took place), at a lower severity since
 * the offer was made. Away-from-placement episodes are not missing episodes (facts/missing-episodes.ts).
 *
 * The interval is in hours between two of social care's own instants; an interview recorded as a bare date counts
 * if it falls on or before the day in England on which the 72 hours ran out.
 */
import type { Finding } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { dateOf, englandDayOf } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, outcomeOf, type Undecided } from './facts/agency-parts.js';
import { isMissingEpisode } from './facts/missing-episodes.js';
import { socialCareDayOrNull } from '../facts/agency-days.js';
import { instantOrNull } from '../facts/instants.js';
import { isBareDate, shownDate } from './facts/recorded-dates.js';

const windowMs = 72 * 3_600_000;

export const rhiLate = defineRule({
  id: 'RHI_LATE',
  title: 'Missing episode without a return home interview within 72 hours',
  source: {
    kind: 'STATUTORY_GUIDANCE',
    citation: 'DfE statutory guidance on children who run away or go missing from home or care, 2014',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'SOCIAL_CARE',
  needs: ['socialCare'],
  evaluate(record, context) {
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], 'missing episodes and return interviews are unknown');
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const now = context.now.getTime();
    const findings: Finding[] = [];
    const undecided: Undecided[] = [];
    for (const episode of socialCare.missingEpisodes) {
      if (!isMissingEpisode(episode) || episode.endDate === null) continue;
      const ended = instantOrNull(episode.endDate);
      if (ended === null) {
        undecided.push({
          reason: 'MISSING_DATA',
          detail: `missing episode ${episode.id} has an end date that is not a date`,
          agencies: [],
        });
        continue;
      }
      const dueAt = ended + windowMs;
      if (now <= dueAt) continue;
      const interview = episode.returnInterviewDate;
      const heldAt = instantOrNull(interview);
      const onTime =
        interview !== null &&
        heldAt !== null &&
        (isBareDate(interview)
          ? (socialCareDayOrNull(interview) ?? Infinity) <= englandDayOf(new Date(dueAt))
          : heldAt <= dueAt);
      if (onTime) continue;
      const declined =
        heldAt === null &&
        episode.returnInterviewOffered === true &&
        episode.returnInterviewAccepted === false;
      const what =
        heldAt !== null && interview !== null
          ? isBareDate(interview)
            ? `return home interview held ${shownDate(interview)}, after the 72 hours ran out`
            : `return home interview held ${shownDate(interview)}, ${elapsed(heldAt - ended)} after the return`
          : declined
            ? 'return home interview offered and declined'
            : 'no return home interview recorded';
      findings.push({
        subject: { kind: 'MISSING_EPISODE', id: episode.id },
        summary: declined
          ? 'A missing episode ended without a return home interview within 72 hours: the child declined the one offered.'
          : 'A missing episode ended without a return home interview within 72 hours.',
        evidence: [
          evidenceFrom(
            record.socialCare,
            episode.id,
            `missing from ${shownDate(episode.startDate)}, returned ${shownDate(episode.endDate)}`,
          ),
          evidenceFrom(record.socialCare, episode.id, what),
        ],
        dueDate: dateOf(englandDayOf(new Date(dueAt))),
        ...(declined ? { severity: 'medium' as const } : {}),
      });
    }
    return outcomeOf(findings, undecided);
  },
});

/** A span as hours and minutes ("100 h", "72 h 1 min"). */
function elapsed(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
