/**
 * ADULT_TRANSITION_MISSING: a child likely to have care and support needs after 18 — an EHC plan in force, a
 * disability recorded by social care, or a GP-recorded complex health condition — who has reached the local
 * threshold age (default 17) without an adult services transition referral or a Care Act s58 (child's needs)
 * assessment. s58 sets no clock, so the threshold is local; the finding exists from the day after the birthday
 * on which the child reaches it, and ends at 18, when s58 no longer applies. A referral or assessment made at any
 * time answers it.
 *
 * GP mental and sexual health conditions are not read (facts/gp-records.ts): this finding's category is adult
 * services, and it must not reveal them.
 */
import type { AgencyPartName } from '../joined-record.js';
import type { Evidence } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { ageOn, birthdayOf } from '../time/ages.js';
import { dateOf } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, identityEvidence, missingData } from './facts/agency-parts.js';
import { isComplex } from './facts/gp-records.js';
import { dayOrNull } from '../facts/agency-days.js';
import { shownDate } from './facts/recorded-dates.js';

export const adultTransitionMissing = defineRule({
  id: 'ADULT_TRANSITION_MISSING',
  title: 'Likely adult care and support needs without a transition referral or s58 assessment',
  source: {
    kind: 'LAW',
    citation: 'Care Act 2014 s58 (no statutory clock; age threshold local, default 17)',
  },
  severity: 'medium',
  owner: 'SOCIAL_WORKER',
  category: 'ADULT_SERVICES',
  needs: ['socialCare', 'health', 'education', 'adultServices'],
  evaluate(record, context) {
    const today = context.today;
    const birth = dayOrNull(record.child.dateOfBirth);
    if (birth === null)
      return missingData('the child has no date of birth, so the threshold age cannot be placed');
    const threshold = context.config.adultTransitionAge;
    const due = birthdayOf(birth, threshold);
    if (today <= due || ageOn(birth, today) >= 18) return decided([]);

    if (isUnreadable(record.adultServices))
      return agencyUnavailable(
        ['adultServices'],
        'a transition referral or s58 assessment may be recorded there',
      );
    const adult = sectionOf(record.adultServices);
    const referred =
      adult !== null &&
      (adult.transitionReferrals.some((r) => (dayOrNull(r.date) ?? Infinity) <= today) ||
        adult.s58Assessments.some((a) => (dayOrNull(a.referralDate) ?? Infinity) <= today));
    if (referred) return decided([]);

    const indicators: Evidence[] = [];
    const unknown: AgencyPartName[] = [];
    const education = sectionOf(record.education);
    if (isUnreadable(record.education)) unknown.push('education');
    for (const plan of education?.ehcNeedsAssessments ?? []) {
      const issued = dayOrNull(plan.finalPlanDate);
      if (plan.status === 'ISSUED' || (issued !== null && issued <= today && plan.status !== 'CEASED'))
        indicators.push(
          evidenceFrom(
            record.education,
            plan.id,
            `EHC plan issued ${shownDate(plan.finalPlanDate, dayOrNull)}`,
          ),
        );
    }
    const socialCare = sectionOf(record.socialCare);
    if (isUnreadable(record.socialCare)) unknown.push('socialCare');
    const disabilities = (socialCare?.disabilities ?? []).filter(
      (code) => code.trim().toUpperCase() !== 'NONE',
    );
    if (disabilities.length > 0)
      indicators.push(
        evidenceFrom(record.socialCare, null, `disability recorded (CIN codes ${disabilities.join(', ')})`),
      );
    const health = sectionOf(record.health);
    if (isUnreadable(record.health)) unknown.push('health');
    for (const condition of health?.conditions ?? []) {
      if (condition.active && isComplex(condition))
        indicators.push(
          evidenceFrom(
            record.health,
            condition.id,
            'an active condition the hub counts as a complex health need',
          ),
        );
    }
    if (indicators.length === 0) {
      if (unknown.length > 0)
        return agencyUnavailable(unknown, 'an indicator of care and support needs may be recorded there');
      return decided([]);
    }
    return decided([
      {
        subject: { kind: 'CHILD', id: record.child.id },
        summary: `Aged ${threshold} or over with indicators of care and support needs after 18, and no adult services transition referral or Care Act s58 assessment (local threshold age ${threshold}).`,
        evidence: [
          identityEvidence(record, `reached ${threshold} on ${dateOf(due)}`),
          ...indicators,
          evidenceFrom(
            record.adultServices,
            null,
            adult === null
              ? 'no adult services record for the child'
              : 'no transition referral or s58 assessment recorded',
          ),
        ],
        dueDate: dateOf(due),
      },
    ]);
  },
});
