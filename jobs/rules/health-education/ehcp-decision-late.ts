/**
 * EHCP_DECISION_LATE: more than 6 weeks from a request for an EHC needs assessment to the local authority's decision
 * whether to assess (SEND Regulations 2014 reg 5(1)). The deadline is the request date plus 42 days; a decision on
 * that day is in time. One finding per request: open while the decision is outstanding (the default severity), and
 * kept, at medium, once a late decision has been made, since the statutory clock was missed.
 *
 * A request withdrawn before any decision (SEN2 outcome W) needs no decision and is not checked. A request recorded
 * as decided (assessing, issued or refused) with no decision date cannot be placed, unless a final plan dated in
 * time shows the decision was too.
 */
import type { EhcNeedsAssessmentValue } from '../../../connectors/education/education-section.js';
import { decided, defineRule, notAssessed, type Finding, type RuleOutcome } from '../rule.js';
import { addDays, dateOf, type DayNumber } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { educationDay } from '../facts/agency-days.js';

const needs = ['education'] as const;

export const DECISION_DAYS = 42;

function withdrawnUndecided(assessment: EhcNeedsAssessmentValue): boolean {
  return (
    assessment.decisionOutcome === 'W' ||
    (assessment.status === 'CEASED' && assessment.decisionDate === null && assessment.finalPlanDate === null)
  );
}

export const ehcpDecisionLate = defineRule({
  id: 'EHCP_DECISION_LATE',
  title: 'EHC needs assessment request not decided within 6 weeks',
  source: { kind: 'LAW', citation: 'SEND Regulations 2014 reg 5(1)' },
  severity: 'high',
  owner: 'SENCO',
  category: 'SEND',
  needs,
  evaluate(record, context): RuleOutcome {
    return withSection(record, needs, 'education', (education) => {
      const findings: Finding[] = [];
      for (const assessment of education.ehcNeedsAssessments) {
        if (withdrawnUndecided(assessment)) continue;
        const requested = educationDay(assessment.requestDate);
        const due = addDays(requested, DECISION_DAYS);
        let decidedOn: DayNumber | null = null;
        if (assessment.decisionDate !== null) decidedOn = educationDay(assessment.decisionDate);
        else if (assessment.status !== 'REQUESTED') {
          const plan = assessment.finalPlanDate === null ? null : educationDay(assessment.finalPlanDate);
          if (plan !== null && plan <= due) continue;
          return notAssessed(
            'MISSING_DATA',
            `an EHC needs assessment request recorded as ${assessment.status} has no decision date`,
          );
        }
        if ((decidedOn ?? context.today) <= due) continue;
        findings.push({
          subject: { kind: 'EHC_NEEDS_ASSESSMENT', id: assessment.id },
          summary:
            decidedOn === null
              ? `The decision whether to carry out an EHC needs assessment was due by ${dateOf(due)} and has not been made.`
              : `The decision whether to carry out an EHC needs assessment was made ${decidedOn - requested} days after the request (due within 6 weeks).`,
          evidence: [
            {
              agency: 'EDUCATION',
              recordId: assessment.id,
              fact:
                decidedOn === null
                  ? `requested on ${dateOf(requested)}; no decision recorded`
                  : `requested on ${dateOf(requested)}; decided on ${dateOf(decidedOn)}`,
              asOf: record.education.asOf,
            },
          ],
          dueDate: dateOf(due),
          ...(decidedOn === null ? {} : { severity: 'medium' as const }),
        });
      }
      return decided(findings);
    });
  },
});
