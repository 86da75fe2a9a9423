/**
 * EHCP_ISSUE_LATE: more than 20 weeks from a request for an EHC needs assessment to the final EHC plan (SEND
 * Regulations 2014 reg 13(2)). The deadline is the request date plus 140 days; a plan issued that day is in time.
 * Open while no plan has been issued (the default severity); kept at medium once a late plan has been issued.
 *
 * Not checked: a request the authority decided not to assess (SEN2 outcome N, status REFUSED), one withdrawn (W),
 * or one that ceased with no plan. A request recorded as ISSUED with no plan date cannot be placed.
 */
import { decided, defineRule, notAssessed, type Finding, type RuleOutcome } from '../rule.js';
import { addDays, dateOf } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { educationDay } from '../facts/agency-days.js';

const needs = ['education'] as const;

export const ISSUE_DAYS = 140;

export const ehcpIssueLate = defineRule({
  id: 'EHCP_ISSUE_LATE',
  title: 'Final EHC plan not issued within 20 weeks of the request',
  source: { kind: 'LAW', citation: 'SEND Regulations 2014 reg 13(2)' },
  severity: 'high',
  owner: 'SENCO',
  category: 'SEND',
  needs,
  evaluate(record, context): RuleOutcome {
    return withSection(record, needs, 'education', (education) => {
      const findings: Finding[] = [];
      for (const assessment of education.ehcNeedsAssessments) {
        const noPlanNeeded =
          assessment.decisionOutcome === 'N' ||
          assessment.decisionOutcome === 'W' ||
          assessment.status === 'REFUSED' ||
          (assessment.status === 'CEASED' && assessment.finalPlanDate === null);
        if (noPlanNeeded) continue;
        if (assessment.status === 'ISSUED' && assessment.finalPlanDate === null)
          return notAssessed('MISSING_DATA', 'an EHC plan recorded as issued has no issue date');
        const requested = educationDay(assessment.requestDate);
        const due = addDays(requested, ISSUE_DAYS);
        const issued = assessment.finalPlanDate === null ? null : educationDay(assessment.finalPlanDate);
        if ((issued ?? context.today) <= due) continue;
        findings.push({
          subject: { kind: 'EHC_NEEDS_ASSESSMENT', id: assessment.id },
          summary:
            issued === null
              ? `The final EHC plan was due by ${dateOf(due)} (20 weeks from the request) and has not been issued.`
              : `The final EHC plan was issued ${issued - requested} days after the request (due within 20 weeks).`,
          evidence: [
            {
              agency: 'EDUCATION',
              recordId: assessment.id,
              fact:
                issued === null
                  ? `requested on ${dateOf(requested)}; status ${assessment.status}; no final plan`
                  : `requested on ${dateOf(requested)}; final plan issued on ${dateOf(issued)}`,
              asOf: record.education.asOf,
            },
          ],
          dueDate: dateOf(due),
          ...(issued === null ? {} : { severity: 'medium' as const }),
        });
      }
      return decided(findings);
    });
  },
});
