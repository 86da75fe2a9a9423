/**
 * TRANSITION_HANDOFF_NOT_REQUESTED: a child who will need adult services after 18 and has reached the local
 * transition age (RULE_ADULT_TRANSITION_AGE, default 17) with no transition handoff to adult services under way in
 * the hub: none REQUESTED, DELIVERED or ACKNOWLEDGED (a FAILED one did not reach them). The finding suggests
 * requesting one (`requestTransitionHandoff`), so the package of identity, needs, EHCP, health, pathway plan,
 * risks and the team around the child reaches adult services before the 18th birthday.
 *
 * Who needs one, from the transition duties: a looked-after child (who becomes a care leaver with a pathway plan
 * at 18: Children (Leaving Care) Act 2000), a child social care already records as a care leaver, and a child
 * likely to have care and support needs after 18 (Care Act 2014 ss58–59; SEND Code of Practice ch. 8): an EHC
 * plan in force, a disability recorded by social care, or a GP-recorded complex health condition, as
 * ADULT_TRANSITION_MISSING reads them. The finding exists from the day after the birthday on which the child
 * reaches the transition age and ends at 18, as ADULT_TRANSITION_MISSING does; a handoff requested at any time
 * answers it.
 *
 * The hub's own handoffs come with the joined record (`hub.handoffs`, always read: the store is not an agency),
 * and are checked first. GP mental and sexual health conditions are not read (facts/gp-records.ts).
 */
import type { AgencyPartName, HandoffValue, JoinedChildRecord } from '../joined-record.js';
import type { Evidence } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { ageOn, birthdayOf } from '../time/ages.js';
import { dateOf } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { dayOrNull } from '../facts/agency-days.js';
import { spanOn } from '../facts/spans.js';
import { agencyUnavailable, identityEvidence, missingData } from './facts/agency-parts.js';
import { isComplex } from './facts/gp-records.js';
import { isUnknown, periodsOfCare } from './facts/periods-of-care.js';
import { shownDate } from './facts/recorded-dates.js';

/** Statuses that mean a handoff is on its way to, or with, adult services. */
const UNDER_WAY: ReadonlySet<HandoffValue['status']> = new Set(['REQUESTED', 'DELIVERED', 'ACKNOWLEDGED']);

export const transitionHandoffNotRequested = defineRule({
  id: 'TRANSITION_HANDOFF_NOT_REQUESTED',
  title: 'Child who will need adult services, at the transition age, without a transition handoff',
  source: {
    kind: 'LOCAL_POLICY',
    citation:
      'Care Act 2014 ss58–59; Children and Families Act 2014 and SEND Code of Practice 2015 ch. 8 (preparing for adulthood); Children (Leaving Care) Act 2000 (pathway planning); transition age local, default 17',
  },
  severity: 'medium',
  owner: 'SOCIAL_WORKER',
  category: 'ADULT_SERVICES',
  needs: ['socialCare', 'health', 'education'],
  evaluate(record, context) {
    const today = context.today;
    const handoffs = record.hub.handoffs;
    if (handoffs.some((handoff) => UNDER_WAY.has(handoff.status))) return decided([]);

    const birth = dayOrNull(record.child.dateOfBirth);
    if (birth === null)
      return missingData('the child has no date of birth, so the transition age cannot be placed');
    const threshold = context.config.adultTransitionAge;
    const due = birthdayOf(birth, threshold);
    if (today <= due || ageOn(birth, today) >= 18) return decided([]);

    const reasons: Evidence[] = [];
    const unknown: AgencyPartName[] = [];
    let periodsMissing: string | null = null;

    const socialCare = sectionOf(record.socialCare);
    if (isUnreadable(record.socialCare)) unknown.push('socialCare');
    if (socialCare) {
      const periods = periodsOfCare(socialCare);
      if (isUnknown(periods)) periodsMissing = periods.missing;
      else {
        const period = spanOn(periods, today);
        if (period)
          reasons.push(
            evidenceFrom(record.socialCare, period.id, `looked after since ${dateOf(period.start)}`),
          );
      }
      if (socialCare.status.careLeaver || socialCare.careLeaver !== null)
        reasons.push(evidenceFrom(record.socialCare, null, 'recorded as a care leaver'));
      const disabilities = socialCare.disabilities.filter((code) => code.trim().toUpperCase() !== 'NONE');
      if (disabilities.length > 0)
        reasons.push(
          evidenceFrom(record.socialCare, null, `disability recorded (CIN codes ${disabilities.join(', ')})`),
        );
    }

    const education = sectionOf(record.education);
    if (isUnreadable(record.education)) unknown.push('education');
    for (const plan of education?.ehcNeedsAssessments ?? []) {
      const issued = dayOrNull(plan.finalPlanDate);
      if (plan.status === 'ISSUED' || (issued !== null && issued <= today && plan.status !== 'CEASED'))
        reasons.push(
          evidenceFrom(
            record.education,
            plan.id,
            `EHC plan issued ${shownDate(plan.finalPlanDate, dayOrNull)}`,
          ),
        );
    }

    const health = sectionOf(record.health);
    if (isUnreadable(record.health)) unknown.push('health');
    for (const condition of health?.conditions ?? []) {
      if (condition.active && isComplex(condition))
        reasons.push(
          evidenceFrom(
            record.health,
            condition.id,
            'an active condition the hub counts as a complex health need',
          ),
        );
    }

    if (reasons.length === 0) {
      if (unknown.length > 0)
        return agencyUnavailable(
          unknown,
          'a reason the child will need adult services may be recorded there',
        );
      if (periodsMissing !== null) return missingData(periodsMissing);
      return decided([]);
    }
    return decided([
      {
        subject: { kind: 'CHILD', id: record.child.id },
        summary: `Aged ${threshold} or over and likely to need adult services after 18, with no transition handoff to adult services under way: request one (local transition age ${threshold}).`,
        evidence: [
          identityEvidence(record, `reached ${threshold} on ${dateOf(due)}`),
          ...reasons,
          handoffEvidence(record, handoffs),
        ],
        dueDate: dateOf(due),
      },
    ]);
  },
});

/** What the hub holds: no handoff at all, or the latest one, which failed. */
function handoffEvidence(record: JoinedChildRecord, handoffs: readonly HandoffValue[]): Evidence {
  const latest = [...handoffs].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
  return {
    agency: 'ADULT_SERVICES',
    recordId: latest?.id ?? null,
    fact: latest
      ? `the latest transition handoff, requested ${latest.requestedAt.slice(0, 10)}, is ${latest.status} (not delivered)`
      : 'no transition handoff to adult services requested in the hub',
    asOf: record.readAt,
  };
}
