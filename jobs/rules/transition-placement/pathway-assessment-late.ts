/**
 * PATHWAY_ASSESSMENT_LATE: an eligible child (Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40: aged 16 or 17,
 * looked after, and looked after for 13 weeks in total since the age of 14, the 13 weeks possibly running past
 * the 16th birthday) must have their needs assessed not more than three months after the 16th birthday, or after
 * becoming eligible if that is later (reg 42), and a pathway plan prepared after the assessment (reg 43: "as soon
 * as possible"; read here as within six weeks, a local reading).
 *
 * An assessment completed after its due date is still late: the finding stands while the child is eligible. A
 * pathway plan dated on or after the assessment answers the second part whenever it was made. Social care's
 * care-leaver record and adult services' pathway plans are both read: in some authorities the leaving care team
 * records them in adult services.
 */
import type { Evidence } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { ageOn, birthdayOf } from '../time/ages.js';
import { addDays, addMonths, dateOf, type DayNumber } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData } from './facts/agency-parts.js';
import { eligibleFrom, isUnknown, periodsOfCare } from './facts/periods-of-care.js';
import { spanOn } from '../facts/spans.js';
import { dayOrNull, socialCareDayOrNull } from '../facts/agency-days.js';

/** "As soon as possible" after the needs assessment (reg 43), as a number: local practice. */

export const pathwayAssessmentLate = defineRule({
  id: 'PATHWAY_ASSESSMENT_LATE',
  title: 'Eligible child without a timely needs assessment or pathway plan',
  source: { kind: 'LAW', citation: 'Children Act 1989 Sch 2 para 19B; CPPCR 2010 regs 40–42' },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'LOOKED_AFTER',
  needs: ['socialCare', 'adultServices'],
  evaluate(record, context) {
    const today = context.today;
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], 'whether the child is an eligible child is unknown');
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const periods = periodsOfCare(socialCare);
    if (isUnknown(periods)) return missingData(periods.missing);
    if (!spanOn(periods, today)) return decided([]);
    const birth = dayOrNull(record.child.dateOfBirth);
    if (birth === null)
      return missingData('the child has no date of birth, so eligibility cannot be worked out');
    const age = ageOn(birth, today);
    if (age < 16 || age > 17) return decided([]);
    const eligible = eligibleFrom(periods, birthdayOf(birth, 14), birthdayOf(birth, 16));
    if (eligible === null || eligible > today) return decided([]);
    const assessmentDue = addMonths(eligible, 3);

    const adultUnreadable = isUnreadable(record.adultServices);
    const adult = sectionOf(record.adultServices);
    const leaver = socialCare.careLeaver;
    const assessments = [
      socialCareDayOrNull(leaver?.needsAssessmentDate),
      ...(adult?.pathwayPlans ?? []).map((p) => dayOrNull(p.needsAssessmentDate)),
    ]
      .filter((day): day is DayNumber => day !== null && day <= today)
      .sort((a, b) => a - b);
    const plans = [
      socialCareDayOrNull(leaver?.pathwayPlanDate),
      ...(adult?.pathwayPlans ?? []).map((p) => dayOrNull(p.planDate)),
    ].filter((day): day is DayNumber => day !== null && day <= today);

    const evidence: Evidence[] = [
      evidenceFrom(
        record.socialCare,
        null,
        `an eligible child from ${dateOf(eligible)} (looked after 13 weeks since age 14, aged 16 or over); needs assessment due by ${dateOf(assessmentDue)}`,
      ),
    ];
    let dueDate: DayNumber | null = null;
    const onTime = assessments.find((day) => day <= assessmentDue);
    const assessed = assessments[0];
    if (onTime === undefined && today > assessmentDue) {
      dueDate = assessmentDue;
      evidence.push(
        evidenceFrom(
          record.socialCare,
          null,
          assessed === undefined
            ? 'no pathway needs assessment recorded'
            : `pathway needs assessment completed ${dateOf(assessed)}, after it was due`,
        ),
      );
    }
    if (assessed !== undefined) {
      const planDue = addDays(Math.max(assessed, eligible) as DayNumber, context.config.pathwayPlanWeeks * 7);
      if (today > planDue && !plans.some((day) => day >= assessed)) {
        dueDate ??= planDue;
        evidence.push(
          evidenceFrom(
            record.socialCare,
            null,
            `no pathway plan recorded since the needs assessment of ${dateOf(assessed)} (expected by ${dateOf(planDue)}, local reading of "as soon as possible")`,
          ),
        );
      }
    }
    if (dueDate === null) return decided([]);
    if (adultUnreadable)
      return agencyUnavailable(['adultServices'], 'a needs assessment or pathway plan may be recorded there');
    return decided([
      {
        subject: { kind: 'CHILD', id: record.child.id },
        summary:
          onTime === undefined
            ? 'Eligible child whose pathway needs assessment was not completed within three months of becoming eligible.'
            : 'Eligible child with a needs assessment but no pathway plan prepared after it.',
        evidence,
        dueDate: dateOf(dueDate),
      },
    ]);
  },
});
