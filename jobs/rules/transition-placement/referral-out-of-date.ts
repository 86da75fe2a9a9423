/**
 * REFERRAL_OUT_OF_DATE: the learning review found placement referrals built on out-of-date assessments that left
 * out what other records showed, and recommends auditing their quality. Each placement referral is checked:
 * - the assessment it relied on is authorised and no older, on the referral date, than the local threshold
 *   (default 12 months, shared with ASSESSMENT_STALE);
 * - it names every risk the CIN factors of that assessment record (facts/risks.ts);
 * - it names every condition the GP recorded as active on the referral date (general health category only: the
 *   finding must not reveal mental or sexual health);
 * - it says an EHC plan is issued if one was in force on the referral date;
 * - it records a missing history if the child had gone missing before it.
 * Medicines are not part of the rule (the table lists risk, diagnosis, EHCP and missing history).
 */
import type { PlacementReferralValue } from '../../../connectors/social-care/social-care-section.js';
import type { AgencyPartName } from '../joined-record.js';
import type { Evidence, Finding } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { addMonths, dateOf } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, outcomeOf, type Undecided } from './facts/agency-parts.js';
import { conditionActiveOn } from './facts/gp-records.js';
import { isMissingEpisode } from './facts/missing-episodes.js';
import { dayOrNull, healthDayOrNull, socialCareDayOrNull } from '../facts/agency-days.js';
import { shownDate } from './facts/recorded-dates.js';
import { mentions, RISKS, risksInFactors } from './facts/risks.js';

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether the referral's list names `item` (the same words, or one inside the other). */
function names(list: readonly string[] | null, item: string): boolean {
  const wanted = normalised(item);
  if (wanted === '') return true;
  return (list ?? [])
    .map(normalised)
    .some((given) => given.includes(wanted) || (given.length >= 4 && wanted.includes(given)));
}

export const referralOutOfDate = defineRule({
  id: 'REFERRAL_OUT_OF_DATE',
  title: 'Placement referral relying on an old assessment or leaving out what other records show',
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      "The learning review's recommendation (multi-agency audit of the quality of placement referrals)",
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs: ['socialCare', 'health', 'education'],
  evaluate(record, context) {
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], 'placement referrals are unknown');
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const health = sectionOf(record.health);
    const education = sectionOf(record.education);
    const months = context.config.staleAssessmentMonths;

    const findings: Finding[] = [];
    const undecided: Undecided[] = [];
    for (const referral of socialCare.placementReferrals) {
      const made = socialCareDayOrNull(referral.date);
      if (made === null || made > context.today) {
        if (made === null)
          undecided.push({
            reason: 'MISSING_DATA',
            detail: `placement referral ${referral.id} has no valid date`,
            agencies: [],
          });
        continue;
      }
      const problems: string[] = [];
      const evidence: Evidence[] = [
        evidenceFrom(record.socialCare, referral.id, `placement referral made ${dateOf(made)}`),
      ];
      const say = (problem: string, item: Evidence) => {
        if (!problems.includes(problem)) problems.push(problem);
        evidence.push(item);
      };

      const authorised = socialCareDayOrNull(referral.assessmentAuthorisedDate);
      if (referral.assessmentId === null) {
        say(
          'relied on no assessment',
          evidenceFrom(record.socialCare, referral.id, 'the referral names no assessment it relied on'),
        );
      } else if (authorised === null) {
        say(
          'relied on an assessment that was not authorised',
          evidenceFrom(
            record.socialCare,
            referral.assessmentId,
            'the assessment it relied on has no authorisation date',
          ),
        );
      } else if (addMonths(authorised, months) < made) {
        say(
          `relied on an assessment more than ${months} months old`,
          evidenceFrom(
            record.socialCare,
            referral.assessmentId,
            `the assessment it relied on was authorised ${dateOf(authorised)} (local threshold ${months} months)`,
          ),
        );
      }
      const relied = socialCare.assessments.find((a) => a.id === referral.assessmentId);
      for (const risk of risksInFactors(relied?.factors ?? []))
        if (!mentions(referral.risks, risk))
          say(
            'left out a risk its assessment records',
            evidenceFrom(
              record.socialCare,
              relied?.id ?? null,
              `the assessment records ${RISKS[risk].label}; the referral does not name it`,
            ),
          );
      const missedBefore = socialCare.missingEpisodes.filter(
        (m) => isMissingEpisode(m) && (socialCareDayOrNull(m.startDate) ?? Infinity) < made,
      );
      if (missedBefore.length > 0 && referral.missingHistory !== true)
        say(
          'left out the missing history',
          evidenceFrom(
            record.socialCare,
            missedBefore.at(-1)?.id ?? null,
            `${missedBefore.length} missing episode(s) before the referral, the latest from ${shownDate(missedBefore.at(-1)?.startDate)}; the referral records no missing history`,
          ),
        );
      for (const condition of health?.conditions ?? [])
        if (conditionActiveOn(condition, made) && !names(referral.diagnoses, condition.display))
          say(
            'left out a diagnosis the GP records',
            evidenceFrom(
              record.health,
              condition.id,
              `an active condition recorded by the GP since ${shownDate(condition.onset ?? condition.recorded, healthDayOrNull)} is not among the referral's diagnoses`,
            ),
          );
      for (const plan of education?.ehcNeedsAssessments ?? []) {
        const issued = dayOrNull(plan.finalPlanDate);
        if (issued !== null && issued <= made && plan.status !== 'CEASED' && !isIssued(referral))
          say(
            'left out the EHC plan',
            evidenceFrom(
              record.education,
              plan.id,
              `EHC plan issued ${dateOf(issued)}; the referral gives EHCP status ${referral.ehcpStatus ?? 'not recorded'}`,
            ),
          );
      }

      if (problems.length === 0) {
        const unknown = (['health', 'education'] as const).filter((name) => isUnreadable(record[name]));
        if (unknown.length > 0)
          undecided.push({
            reason: 'AGENCY_UNAVAILABLE',
            detail: `placement referral ${referral.id} could not be checked against ${unknown.join(' and ')}`,
            agencies: unknown as AgencyPartName[],
          });
        continue;
      }
      findings.push({
        subject: { kind: 'PLACEMENT_REFERRAL', id: referral.id },
        summary: `A placement referral made on ${dateOf(made)} ${problems.join(', ')}.`,
        evidence,
        dueDate: null,
      });
    }
    return outcomeOf(findings, undecided);
  },
});

function isIssued(referral: PlacementReferralValue): boolean {
  return referral.ehcpStatus?.trim().toUpperCase() === 'ISSUED';
}
