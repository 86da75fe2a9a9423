/**
 * LONG_WAIT_FOR_PLACEMENT: the learning review's children waited months in an interim home for a long-term
 * placement; it recommends a tracking panel formally review long waits. A finding on the child's current placement
 * when the child has been waiting for a long-term placement longer than the panel's threshold (default 90 days,
 * local), or the placement is an interim one past its intended end. The wait is counted from the start of the
 * unbroken run of placements that were all marked as awaiting a long-term placement, so a move between interim
 * placements does not restart it.
 */
import type { Evidence } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { addDays, dateOf, type DayNumber } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData } from './facts/agency-parts.js';
import { socialCareDayOrNull } from '../facts/agency-days.js';
import { datedPlacements, placementOn, type DatedPlacement } from '../facts/placements.js';
import { shownDate } from './facts/recorded-dates.js';

export const longWaitForPlacement = defineRule({
  id: 'LONG_WAIT_FOR_PLACEMENT',
  title: 'Waiting too long for a long-term placement',
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      "The learning review's recommendation (tracking panel to review children waiting a long time for placements)",
  },
  severity: 'high',
  owner: 'PANEL',
  category: 'PLACEMENT',
  needs: ['socialCare'],
  evaluate(record, context) {
    const today = context.today;
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], "the child's placements are unknown");
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const { dated, unreadable } = datedPlacements(socialCare);
    if (unreadable.length > 0)
      return missingData(`placement ${unreadable[0]} has no valid start or end date`);
    const current = placementOn(dated, today);
    if (!current) return decided([]);
    const placement = current.placement;

    const evidence: Evidence[] = [];
    const dues: DayNumber[] = [];
    const intendedEnd = socialCareDayOrNull(placement.intendedEndDate);
    const pastEnd = intendedEnd !== null && today > intendedEnd;
    let waitedTooLong = false;
    if (intendedEnd !== null && pastEnd) {
      dues.push(intendedEnd);
      evidence.push(
        evidenceFrom(
          record.socialCare,
          placement.id,
          `interim placement from ${dateOf(current.start)} was meant to end ${dateOf(intendedEnd)}`,
        ),
      );
    }
    if (placement.awaitingLongTermPlacement === true) {
      let since = current;
      for (let i = dated.indexOf(current) - 1; i >= 0; i--) {
        const previous = dated[i] as DatedPlacement;
        if (previous.end === null || previous.end < since.start) break;
        if (previous.placement.awaitingLongTermPlacement !== true) break;
        since = previous;
      }
      const due = addDays(since.start, context.config.longWaitDays);
      if (today > due) {
        waitedTooLong = true;
        dues.push(due);
        evidence.push(
          evidenceFrom(
            record.socialCare,
            since.placement.id,
            `waiting for a long-term placement since ${dateOf(since.start)} (${today - since.start} days; panel threshold ${context.config.longWaitDays} days, local)`,
          ),
        );
      }
    } else if (placement.awaitingLongTermPlacement === null && placement.longTerm !== true && !pastEnd) {
      return missingData(
        `placement ${placement.id} does not record whether the child awaits a long-term placement`,
      );
    }
    if (dues.length === 0) return decided([]);
    if (placement.lastPanelReviewDate !== null)
      evidence.push(
        evidenceFrom(
          record.socialCare,
          placement.id,
          `last reviewed by the tracking panel ${shownDate(placement.lastPanelReviewDate)}`,
        ),
      );
    return decided([
      {
        subject: { kind: 'PLACEMENT', id: placement.id },
        summary: waitedTooLong
          ? `Waiting longer than the tracking panel threshold for a long-term placement${pastEnd ? ', in an interim placement past its intended end' : ''}.`
          : 'In an interim placement past its intended end.',
        evidence,
        dueDate: dateOf(Math.min(...dues) as DayNumber),
      },
    ]);
  },
});
