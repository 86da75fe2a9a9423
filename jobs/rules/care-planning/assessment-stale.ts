/**
 * ASSESSMENT_STALE: an open case's latest completed (authorised) assessment is older than the local threshold
 * (RULE_STALE_ASSESSMENT_MONTHS, default 12), or — for a looked-after child — older than the latest placement
 * move. The learning review found placements sought on assessments written before the moves that made them
 * necessary. The joined record carries no general "significant event" marker, so the events read are the ones
 * it does record: coming into care and each placement start in the current period of care. The assessment is
 * due again the day after the threshold or the move; one finding on the child.
 *
 * An open case with no completed assessment and none in progress is a finding too (no due date); one with an
 * assessment in progress is ASSESSMENT_OVERDUE's to watch.
 */
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type Evidence, type RuleContext } from '../rule.js';
import { addMonths, dateOf, type DayNumber } from '../time/calendar-day.js';
import { earliestDay, latestDay } from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { openCaseOn, type OpenCase } from './facts/open-case.js';
import { periodsOfCare } from './facts/periods-of-care.js';
import { withSocialCare } from './facts/readable.js';
import { optionalSocialCareDay, socialCareDay } from '../facts/agency-days.js';
import { spanOn } from '../facts/spans.js';
import { judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const needs = ['socialCare'] as const;

export const assessmentStale = defineRule({
  id: 'ASSESSMENT_STALE',
  title: 'Latest assessment older than the local threshold or than the latest placement move',
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      'Learning review: social work assessments of children’s needs to be kept up to date (local threshold, default 12 months)',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'SOCIAL_CARE',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) =>
      judgeEach(
        [section],
        (s) => judgeCase(record, context, s),
        () => 'the assessments',
      ),
    );
  },
});

function judgeCase(
  record: JoinedChildRecord,
  context: RuleContext,
  section: SocialCareSectionValue,
): SubjectVerdict {
  const { today } = context;
  const open = openCaseOn(section, today);
  if (!open) return null;
  const subject = { kind: 'CHILD', id: record.child.id };
  const completed = section.assessments
    .map((assessment) => ({ assessment, authorised: optionalSocialCareDay(assessment.authorisedDate) }))
    .filter(
      (item): item is { assessment: typeof item.assessment; authorised: DayNumber } =>
        item.authorised !== null && item.authorised <= today,
    )
    .sort((a, b) => a.authorised - b.authorised);
  const latest = completed[completed.length - 1];
  if (!latest) {
    const inProgress = section.assessments.some(
      (a) => a.authorisedDate === null && socialCareDay(a.startDate) <= today,
    );
    if (inProgress) return null;
    return {
      subject,
      summary: 'The case is open but no completed assessment is recorded, and none is in progress.',
      evidence: [...openCaseEvidence(record, open), socialCareSaid(record, null, 'no authorised assessment')],
      dueDate: null,
    };
  }

  const months = context.config.staleAssessmentMonths;
  const ageDue = addMonths(latest.authorised, months);
  const tooOld = today > ageDue;
  const move = open.lookedAfter ? latestMove(section, today) : null;
  const beforeMove = move !== null && move.day > latest.authorised && today > move.day;
  if (!tooOld && !beforeMove) return null;

  const evidence: Evidence[] = [
    socialCareSaid(record, latest.assessment.id, `latest assessment authorised ${dateOf(latest.authorised)}`),
    ...openCaseEvidence(record, open),
  ];
  const reasons: string[] = [];
  if (tooOld) reasons.push(`more than ${months} months old (local threshold)`);
  if (beforeMove && move) {
    reasons.push(`older than the placement move on ${dateOf(move.day)}`);
    evidence.push(socialCareSaid(record, move.recordId, `${move.what} ${dateOf(move.day)}`));
  }
  const due = earliestDay([tooOld ? ageDue : null, beforeMove && move ? move.day : null]);
  return {
    subject,
    summary: `The latest completed assessment (authorised ${dateOf(latest.authorised)}) is ${reasons.join(' and ')}.`,
    evidence,
    dueDate: due === null ? null : dateOf(due),
  };
}

/** The latest move in the current period of care: coming into care, or a placement starting. */
function latestMove(
  section: SocialCareSectionValue,
  today: DayNumber,
): { day: DayNumber; recordId: string; what: string } | null {
  const period = spanOn(periodsOfCare(section), today);
  if (!period) return null;
  const placements = period.placements
    .map((placement) => ({ placement, day: socialCareDay(placement.startDate) }))
    .filter((item) => item.day <= today);
  const last = placements[placements.length - 1];
  const day = latestDay([period.start, last?.day ?? null]);
  if (day === null) return null;
  return last && last.day === day
    ? { day, recordId: last.placement.id, what: 'placement started' }
    : { day, recordId: period.id, what: 'came into care' };
}

/** What makes the case open. A child protection plan is named only as "case open": the finding's category is
 * SOCIAL_CARE, and some roles that may see it may not see child protection. */
function openCaseEvidence(record: JoinedChildRecord, open: OpenCase): Evidence[] {
  const evidence: Evidence[] = [];
  if (open.lookedAfter) evidence.push(socialCareSaid(record, null, 'child looked after'));
  for (const id of open.childProtectionPlanIds) evidence.push(socialCareSaid(record, id, 'case open'));
  for (const id of open.childInNeedReferralIds)
    evidence.push(socialCareSaid(record, id, 'child in need referral open'));
  return evidence;
}
