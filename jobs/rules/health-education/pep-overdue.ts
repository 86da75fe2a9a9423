/**
 * PEP_OVERDUE: a looked-after child's Personal Education Plan was not in place by the first review, or has not been
 * reviewed termly. Promoting the education of looked-after children and previously looked-after children
 * (statutory guidance, 2018) makes the PEP part of the care plan (CPPCR 2010 reg 5), in place for the first review,
 * and reviewed every term.
 *
 * Readings:
 * - The duty covers a child looked after today who is on a school roll or of compulsory school age (a child out of
 *   school needs a PEP as much as any); the first-PEP check applies when that was also so on entering care.
 * - "By the first review": by the day it was held, or by the day it was due (20 working days) if it was not held in
 *   time (facts/first-review.ts).
 * - "Reviewed this school term": a term's review is due by the term's end (terms taken as 1 Sep–31 Dec, 1 Jan–31 Mar,
 *   1 Apr–31 Aug, since term dates differ by school and are in no agency's data). So the finding exists once a whole
 *   term has passed with no PEP written or reviewed: from the day after the end of the term following the latest
 *   PEP activity. The simulator's probes flag the current term four weeks in; the statutory text is termly, and an
 *   open-ended deadline falls due only when it has passed.
 * - No education record linked: no PEP can be seen anywhere, so a child of compulsory school age has none.
 */
import type {
  EducationSectionValue,
  PersonalEducationPlanValue,
} from '../../../connectors/education/education-section.js';
import { decided, defineRule, notAssessed, type Evidence, type Finding, type RuleOutcome } from '../rule.js';
import { birthdayOf, schoolTermOf, schoolYearStartOf } from '../time/ages.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { withinCalendar } from './facts/calendar-guard.js';
import { educationDay } from '../facts/agency-days.js';
import { firstReviewOf } from './facts/first-review.js';
import { periodOfCareOn } from './facts/period-of-care.js';
import { compulsorySchoolAgeOn, onRollOn } from './facts/school.js';

const needs = ['socialCare', 'education'] as const;

interface PepActivity {
  pep: PersonalEducationPlanValue;
  written: DayNumber;
  /** The later of the day it was written and the day it was last reviewed. */
  latest: DayNumber;
}

/** The last day of the term after the one containing `day`. */
function endOfFollowingTerm(day: DayNumber): DayNumber {
  return schoolTermOf(addDays(schoolTermOf(day).end, 1)).end;
}

function termName(day: DayNumber): string {
  const term = schoolTermOf(day);
  return `${term.name.toLowerCase()} term ${dateOf(term.start).slice(0, 4)}`;
}

export const pepOverdue = defineRule({
  id: 'PEP_OVERDUE',
  title: 'Personal Education Plan missing or not reviewed termly',
  source: {
    kind: 'STATUTORY_GUIDANCE',
    citation: 'Promoting the education of looked-after children (statutory guidance, 2018); CPPCR 2010 reg 5',
  },
  severity: 'medium',
  owner: 'VIRTUAL_SCHOOL_HEAD',
  category: 'LOOKED_AFTER',
  needs,
  evaluate(record, context): RuleOutcome {
    return withSection(record, needs, 'socialCare', (sc) => {
      const period = periodOfCareOn(sc, context.today);
      if (period === null) return decided([]);
      if (record.child.dateOfBirth === null)
        return notAssessed(
          'MISSING_DATA',
          'no date of birth, so whether the child is of compulsory school age is unknown',
        );
      const birth = dayOf(record.child.dateOfBirth);
      const education = record.education.section;
      const inDuty = (day: DayNumber) => onRollOn(education, day) || compulsorySchoolAgeOn(birth, day);
      if (!inDuty(context.today)) return decided([]);

      const peps: PepActivity[] = (education?.personalEducationPlans ?? [])
        .map((pep) => {
          const written = educationDay(pep.date);
          const reviewed = pep.reviewedDate === null ? written : educationDay(pep.reviewedDate);
          return { pep, written, latest: (reviewed > written ? reviewed : written) as DayNumber };
        })
        .filter(({ written }) => written >= period.entered && written <= context.today)
        .sort((a, b) => a.written - b.written);
      const socialCareAsOf = record.socialCare.asOf;
      const educationAsOf = record.education.asOf;
      const noEducationRecord: Evidence[] =
        education === null
          ? [
              {
                agency: 'EDUCATION',
                recordId: null,
                fact: 'no education record is linked to the child',
                asOf: null,
              },
            ]
          : [];

      return withinCalendar(() => {
        const findings: Finding[] = [];
        const firstApplies = inDuty(period.entered);
        if (firstApplies) {
          const firstReview = firstReviewOf(sc, period, context);
          const first = peps[0];
          if (context.today > firstReview.due && (first === undefined || first.written > firstReview.due)) {
            const evidence: Evidence[] = [
              {
                agency: 'SOCIAL_CARE',
                recordId: period.id,
                fact:
                  firstReview.heldOn !== null && firstReview.heldOn === firstReview.due
                    ? `entered care on ${dateOf(period.entered)}; first review held on ${dateOf(firstReview.heldOn)}`
                    : `entered care on ${dateOf(period.entered)}; first review due by ${dateOf(firstReview.statutoryBy)}`,
                asOf: socialCareAsOf,
              },
              ...noEducationRecord,
            ];
            if (first)
              evidence.push({
                agency: 'EDUCATION',
                recordId: first.pep.id,
                fact: `first PEP written on ${dateOf(first.written)}`,
                asOf: educationAsOf,
              });
            findings.push({
              subject: { kind: 'PERIOD_OF_CARE', id: period.id },
              summary: first
                ? 'The first Personal Education Plan was written after the first review.'
                : 'There is no Personal Education Plan, and one was due by the first review.',
              evidence,
              dueDate: dateOf(firstReview.due),
              // Written late is a lapse to learn from, not an action still outstanding.
              ...(first ? { severity: 'low' as const } : {}),
            });
          }
        }

        const latest = peps.reduce<PepActivity | undefined>(
          (found, activity) => (found === undefined || activity.latest >= found.latest ? activity : found),
          undefined,
        );
        if (latest !== undefined) {
          const due = endOfFollowingTerm(latest.latest);
          if (context.today > due)
            findings.push({
              subject: { kind: 'PERSONAL_EDUCATION_PLAN', id: latest.pep.id },
              summary: `The Personal Education Plan was not reviewed in the ${termName(due)}.`,
              evidence: [
                {
                  agency: 'EDUCATION',
                  recordId: latest.pep.id,
                  fact: `PEP last written or reviewed on ${dateOf(latest.latest)}`,
                  asOf: educationAsOf,
                },
              ],
              dueDate: dateOf(due),
            });
        } else if (!firstApplies) {
          // Came within the duty after entering care (started school, or reached school age): a PEP is due by the end
          // of the following term at the latest.
          const from = firstDayInDuty(period.entered, education, birth, inDuty) ?? context.today;
          const due = endOfFollowingTerm(from);
          if (context.today > due)
            findings.push({
              subject: { kind: 'PERIOD_OF_CARE', id: period.id },
              summary: 'There is no Personal Education Plan for this looked-after child.',
              evidence: [
                {
                  agency: 'EDUCATION',
                  recordId: null,
                  fact: `on a school roll or of compulsory school age from ${dateOf(from)}; no PEP since entering care`,
                  asOf: educationAsOf,
                },
                ...noEducationRecord,
              ],
              dueDate: dateOf(due),
            });
        }
        return decided(findings);
      });
    });
  },
});

/**
 * The first day on or after entering care on which the child was within the PEP duty: the duty starts only when an
 * enrolment starts or Year 1 does, so those are the days to try.
 */
function firstDayInDuty(
  entered: DayNumber,
  education: EducationSectionValue | null,
  birth: DayNumber,
  inDuty: (day: DayNumber) => boolean,
): DayNumber | null {
  const year1 = dayOf(`${schoolYearStartOf(birthdayOf(birth, 5)) + 1}-09-01`);
  const candidates = [
    year1,
    ...(education?.enrolments ?? []).map((enrolment) => educationDay(enrolment.from)),
  ]
    .filter((day) => day > entered)
    .sort((a, b) => a - b);
  return candidates.find(inDuty) ?? null;
}
