/**
 * ASSESSMENT_OVERDUE: a Child and Family Assessment is authorised within 45 working days of its start (Working
 * Together to Safeguard Children 2023; the CIN census checks the same, validation 8670Q). One finding per
 * assessment: still unauthorised after the deadline (high), or authorised after it (medium: the lapse stands,
 * nothing is left to do). No social care record means no assessments to check.
 */
import type { AssessmentValue } from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { describeDue, dueDateOf, judgeDeadline, workingDaysAfter } from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { withSocialCare } from './facts/readable.js';
import { dateOf } from '../time/calendar-day.js';
import { optionalSocialCareDay, socialCareDay } from '../facts/agency-days.js';
import { judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const workingDaysAllowed = 45;
const needs = ['socialCare'] as const;

export const assessmentOverdue = defineRule({
  id: 'ASSESSMENT_OVERDUE',
  title: 'Child and Family Assessment not authorised within 45 working days of its start',
  source: {
    kind: 'STATUTORY_GUIDANCE',
    citation: 'Working Together to Safeguard Children 2023 (45 working days); CIN census validation 8670Q',
  },
  severity: 'high',
  owner: 'TEAM_MANAGER',
  category: 'SOCIAL_CARE',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) =>
      judgeEach(
        section.assessments,
        (assessment) => judgeAssessment(record, context, assessment),
        (assessment) => `assessment ${assessment.id}`,
      ),
    );
  },
});

function judgeAssessment(
  record: JoinedChildRecord,
  context: RuleContext,
  assessment: AssessmentValue,
): SubjectVerdict {
  const start = socialCareDay(assessment.startDate);
  const deadline = workingDaysAfter(context.calendar, start, workingDaysAllowed);
  const authorised = optionalSocialCareDay(assessment.authorisedDate);
  const state = judgeDeadline(deadline, authorised, context.today, `assessment ${assessment.id}`);
  if (state === 'MET' || state === 'PENDING') return null;
  if (typeof state !== 'string') return state;
  const started = socialCareSaid(record, assessment.id, `assessment started ${dateOf(start)}`);
  const due = describeDue(deadline);
  if (state === 'OVERDUE')
    return {
      subject: { kind: 'ASSESSMENT', id: assessment.id },
      summary: `A Child and Family Assessment started ${dateOf(start)} is not authorised; it was due by ${due}.`,
      evidence: [started, socialCareSaid(record, assessment.id, 'no authorisation date recorded')],
      dueDate: dueDateOf(deadline),
    };
  return {
    subject: { kind: 'ASSESSMENT', id: assessment.id },
    summary: `A Child and Family Assessment started ${dateOf(start)} was authorised after the 45 working days allowed (due by ${due}).`,
    evidence: [
      started,
      socialCareSaid(record, assessment.id, `assessment authorised ${dateOf(authorised!)}`),
    ],
    dueDate: dueDateOf(deadline),
    severity: 'medium',
  };
}
