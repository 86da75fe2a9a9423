/**
 * `trackerEntryOf`: one child's line on the placement tracking panel the learning review recommended — a child
 * waiting for a long-term placement, or in an interim placement past its intended end — with how long they have
 * waited, where they are, when the panel last reviewed them and the findings still open for them.
 *
 * The wait is LONG_WAIT_FOR_PLACEMENT's: from the start of the unbroken run of placements all marked as awaiting a
 * long-term placement, so a move between interim placements does not restart it. A child in an interim placement
 * past its intended end who is not marked as awaiting one is tracked too, the wait counted over the run of
 * interim placements. Could not read social care, or a placement date that is not a date, is UNDECIDED: the
 * panel must not lose a child because a record could not be read.
 */
import type { JoinedChildRecord } from '../rules/joined-record.js';
import type { RuleContext, Severity } from '../rules/rule.js';
import type { DayNumber } from '../rules/time/calendar-day.js';
import type { DataCategory } from '../../schema/data-categories.js';
import { shown, socialCareDayOf } from './facts/days.js';
import { datedPlacements, placementOn, type DatedPlacement } from './facts/placements.js';

/** An open (or acknowledged) finding about the child, from the findings store. */
export interface TrackerFinding {
  id: string;
  rule: string;
  severity: Severity;
  category: DataCategory;
  status: 'OPEN' | 'ACKNOWLEDGED';
  dueDate: string | null;
}

export interface TrackedPlacement {
  id: string;
  /** The SSD placement type code (e.g. K2 children's home, U4 foster). */
  type: string | null;
  provider: string | null;
  startDate: string;
  interim: boolean;
  longTerm: boolean | null;
  awaitingLongTermPlacement: boolean | null;
  intendedEndDate: string | null;
}

export interface TrackerEntry {
  childId: string;
  placement: TrackedPlacement;
  /** The first day of the wait (see above). */
  waitingSince: string;
  daysWaiting: number;
  /** LONG_WAIT_FOR_PLACEMENT's threshold (RULE_LONG_WAIT_DAYS) and whether the wait is past it. */
  thresholdDays: number;
  overThreshold: boolean;
  pastIntendedEnd: boolean;
  daysPastIntendedEnd: number | null;
  lastPanelReviewDate: string | null;
  daysSincePanelReview: number | null;
  openFindings: TrackerFinding[];
}

export type TrackerVerdict =
  | { kind: 'TRACKED'; entry: TrackerEntry }
  | { kind: 'NOT_TRACKED' }
  | { kind: 'UNDECIDED'; reason: 'AGENCY_UNAVAILABLE' | 'MISSING_DATA' };

export function trackerEntryOf(
  record: JoinedChildRecord,
  context: RuleContext,
  openFindings: readonly TrackerFinding[],
): TrackerVerdict {
  const part = record.socialCare;
  if (part.state === 'NOT_LINKED') return { kind: 'NOT_TRACKED' };
  if (part.state !== 'OK' || part.section === null)
    return { kind: 'UNDECIDED', reason: 'AGENCY_UNAVAILABLE' };
  const { dated, unreadable } = datedPlacements(part.section);
  if (unreadable.length > 0) return { kind: 'UNDECIDED', reason: 'MISSING_DATA' };
  const today = context.today;
  const current = placementOn(dated, today);
  if (!current) return { kind: 'NOT_TRACKED' };

  const placement = current.placement;
  const intendedEnd = socialCareDayOf(placement.intendedEndDate);
  if (placement.intendedEndDate !== null && intendedEnd === null)
    return { kind: 'UNDECIDED', reason: 'MISSING_DATA' };
  const pastIntendedEnd = intendedEnd !== null && today > intendedEnd;
  const awaiting = placement.awaitingLongTermPlacement === true;
  if (!awaiting && !pastIntendedEnd) return { kind: 'NOT_TRACKED' };

  const since = waitStart(
    dated,
    current,
    awaiting ? (p) => p.awaitingLongTermPlacement === true : (p) => p.interim,
  );
  const panel = socialCareDayOf(placement.lastPanelReviewDate);
  const daysWaiting = today - since;
  return {
    kind: 'TRACKED',
    entry: {
      childId: record.child.id,
      placement: {
        id: placement.id,
        type: placement.type,
        provider: placement.provider,
        startDate: shown(current.start) as string,
        interim: placement.interim,
        longTerm: placement.longTerm,
        awaitingLongTermPlacement: placement.awaitingLongTermPlacement,
        intendedEndDate: shown(intendedEnd),
      },
      waitingSince: shown(since) as string,
      daysWaiting,
      thresholdDays: context.config.longWaitDays,
      overThreshold: awaiting && daysWaiting > context.config.longWaitDays,
      pastIntendedEnd,
      daysPastIntendedEnd: pastIntendedEnd ? today - (intendedEnd as DayNumber) : null,
      lastPanelReviewDate: shown(panel),
      daysSincePanelReview: panel === null || panel > today ? null : today - panel,
      openFindings: [...openFindings],
    },
  };
}

/** The start of the unbroken run of placements ending with `current` in which every placement is `waiting`. */
function waitStart(
  dated: readonly DatedPlacement[],
  current: DatedPlacement,
  waiting: (placement: DatedPlacement['placement']) => boolean,
): DayNumber {
  let since = current;
  for (let i = dated.indexOf(current) - 1; i >= 0; i--) {
    const previous = dated[i] as DatedPlacement;
    if (previous.end === null || previous.end < since.start || !waiting(previous.placement)) break;
    since = previous;
  }
  return since.start;
}
