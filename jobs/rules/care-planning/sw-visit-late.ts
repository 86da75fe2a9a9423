/**
 * SW_VISIT_LATE: the social worker visits a looked-after child within 1 week of the start of any placement, then
 * at intervals of no more than 6 weeks in the placement's first year and, after that, no more than 3 months if
 * the placement is long-term (otherwise still 6 weeks) (CPPCR 2010 reg 28). Each interval's limit is set by the
 * visit it runs from. Judged for each placement up to today or the day it ended, counting the looked-after visits
 * made while the child was there (by time of day on a day of moving) on which the child was seen: one finding
 * per placement listing its lapses (high while a visit is overdue now, medium when every lapse is past). A visit
 * that does not record whether the child was seen, or a placement not recorded as long-term or not, is decided
 * where it makes no difference and otherwise left undecided.
 */
import type { PlacementValue, VisitValue } from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { addDays, addMonths, dateOf, type DayNumber } from '../time/calendar-day.js';
import { socialCareSaid } from './facts/evidence.js';
import { placementDays, type PlacementDays } from './facts/placements.js';
import { withSocialCare } from './facts/readable.js';
import { socialCareDay } from '../facts/agency-days.js';
import { instantOf } from '../facts/instants.js';
import { cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const firstVisitDays = 7;
const firstYearIntervalDays = 42;
const longTermIntervalMonths = 3;
const needs = ['socialCare'] as const;

export const swVisitLate = defineRule({
  id: 'SW_VISIT_LATE',
  title: 'Social worker visit late: within a week of a placement, then every 6 weeks (3 months if long-term)',
  source: {
    kind: 'LAW',
    citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 28',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'LOOKED_AFTER',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) => {
      const visits = section.visits.filter((visit) => visit.kind === 'LOOKED_AFTER');
      return judgeEach(
        section.placements,
        (placement) => judgePlacement(record, context, placement, visits),
        (placement) => `placement ${placement.id}`,
      );
    });
  },
});

interface Lapse {
  /** The day by which a visit was due. */
  due: DayNumber;
  /** The day of the visit that ended the gap, or null when none has come (up to the day judged). */
  visited: DayNumber | null;
}

/**
 * The lapses in a run of visit days (sorted, within the placement). `longTerm` decides the limit after the
 * placement's first year.
 */
function lapsesOf(days: readonly DayNumber[], placement: PlacementDays, longTerm: boolean): Lapse[] {
  const lapses: Lapse[] = [];
  const firstDue = addDays(placement.start, firstVisitDays);
  const first = days[0] ?? null;
  if ((first === null || first > firstDue) && placement.asOf > firstDue)
    lapses.push({ due: firstDue, visited: first });
  const firstYearEnds = addMonths(placement.start, 12);
  days.forEach((day, index) => {
    const due =
      day >= firstYearEnds && longTerm
        ? addMonths(day, longTermIntervalMonths)
        : addDays(day, firstYearIntervalDays);
    const next = days[index + 1] ?? null;
    if (next !== null ? next > due : placement.asOf > due) lapses.push({ due, visited: next });
  });
  return lapses;
}

function judgePlacement(
  record: JoinedChildRecord,
  context: RuleContext,
  placement: PlacementValue,
  visits: readonly VisitValue[],
): SubjectVerdict {
  const days = placementDays(placement, context.today);
  if (days.start > context.today) return null;
  // A visit belongs to the placement from the moment it started to the moment it ended: one the morning before
  // a move was a visit to the old placement. A visit with no time on the first or last day is given the benefit.
  const from = instantOf(placement.startDate);
  const to = placement.endDate === null ? Infinity : instantOf(placement.endDate, true);
  const during = visits
    .map((visit) => ({ visit, day: socialCareDay(visit.date) }))
    .filter(
      ({ visit, day }) =>
        day <= days.asOf && instantOf(visit.date, true) >= from && instantOf(visit.date) <= to,
    )
    .sort((a, b) => a.day - b.day);
  // Lenient: every visit not recorded as unseen counts, and an unrecorded placement is taken as long-term.
  const lenient = lapsesOf(
    during.filter(({ visit }) => visit.childSeen !== false).map(({ day }) => day),
    days,
    placement.longTerm !== false,
  );
  const strict = lapsesOf(
    during.filter(({ visit }) => visit.childSeen === true).map(({ day }) => day),
    days,
    placement.longTerm === true,
  );
  if (strict.length === 0) return null;
  const subject = `placement ${placement.id}`;
  if (lenient.length === 0)
    return cannotDecide(
      'MISSING_DATA',
      `${subject}: whether the child was seen on a visit, or whether the placement is long-term, is not recorded`,
    );

  const current = days.end === null || days.end > context.today;
  const open = lenient.find((lapse) => lapse.visited === null && current);
  const last = lenient[lenient.length - 1]!;
  const shown = lenient.slice(-5);
  const evidence = [
    socialCareSaid(record, placement.id, `placement started ${dateOf(days.start)}`),
    ...shown.map((lapse) =>
      socialCareSaid(
        record,
        placement.id,
        lapse.visited === null
          ? `visit due by ${dateOf(lapse.due)}; none recorded up to ${dateOf(days.asOf)}`
          : `visit due by ${dateOf(lapse.due)}; child next seen ${dateOf(lapse.visited)}`,
      ),
    ),
  ];
  const summary = open
    ? `A social worker visit to the child in the placement that started ${dateOf(days.start)} was due by ${dateOf(open.due)} and has not happened.`
    : `Social worker visits to the child in the placement that started ${dateOf(days.start)} were late ${lenient.length} time(s).`;
  return {
    subject: { kind: 'PLACEMENT', id: placement.id },
    summary,
    evidence,
    dueDate: dateOf((open ?? last).due),
    ...(open ? {} : { severity: 'medium' as const }),
  };
}
