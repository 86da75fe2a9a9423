/**
 * Transition into adulthood, from social care's care-leaver record and adult services: each pathway plan (reviewed
 * at least every 6 months) or, where the needs assessment is done and no plan yet, the plan it is waiting for (due
 * 6 weeks after the assessment, PATHWAY_ASSESSMENT_LATE's reading); Care Act s58 assessments, pending ones and the
 * latest decided one (the Act sets no timescale, so no due date); and the latest transition handoff adult services
 * received. Both agencies' records are shown: in some authorities the leaving care team records pathway plans in
 * adult services.
 */
import type { PractitionerValue as AdultPractitioner } from '../../../connectors/adult-services/graphql-values.js';
import type { PractitionerValue as SocialCarePractitioner } from '../../../connectors/social-care/graphql-values.js';
import type { DataCategory } from '../../../schema/data-categories.js';
import { addDays, addMonths, type DayNumber } from '../../rules/time/calendar-day.js';
import { codeOrNull } from '../facts/codes.js';
import { adultDayOf, shown, socialCareDayOf } from '../facts/days.js';
import type { PlanAgency, PlanItem } from '../plan-item.js';
import { dueOn } from '../statutory-dues.js';
import { ownedBy } from './owner.js';
import type { PlanFacts } from './plan-facts.js';

/** "As soon as possible" after the needs assessment, as PATHWAY_ASSESSMENT_LATE reads it locally. */
const PATHWAY_PLAN_WEEKS = 6;

interface PathwayDates {
  agency: PlanAgency;
  category: DataCategory;
  recordId: string | null;
  assessed: DayNumber | null;
  planned: DayNumber | null;
  reviewed: DayNumber | null;
  adviser: SocialCarePractitioner | AdultPractitioner | null;
}

export function pathwayPlans(facts: PlanFacts): PlanItem[] {
  const upToToday = (day: DayNumber | null) => (day !== null && day <= facts.today ? day : null);
  const all: PathwayDates[] = [];
  const leaver = facts.socialCare?.careLeaver;
  if (leaver)
    all.push({
      agency: 'SOCIAL_CARE',
      category: 'LOOKED_AFTER',
      recordId: null,
      assessed: upToToday(socialCareDayOf(leaver.needsAssessmentDate)),
      planned: upToToday(socialCareDayOf(leaver.pathwayPlanDate)),
      reviewed: upToToday(socialCareDayOf(leaver.pathwayPlanReviewDate)),
      adviser: leaver.personalAdviser,
    });
  for (const plan of facts.adultServices?.pathwayPlans ?? [])
    all.push({
      agency: 'ADULT_SERVICES',
      category: 'ADULT_SERVICES',
      recordId: plan.id,
      assessed: upToToday(adultDayOf(plan.needsAssessmentDate)),
      planned: upToToday(adultDayOf(plan.planDate)),
      reviewed: null,
      adviser: plan.personalAdviser,
    });
  return all.flatMap((dates): PlanItem[] => {
    const base = {
      kind: 'PATHWAY_PLAN' as const,
      agency: dates.agency,
      category: dates.category,
      recordId: dates.recordId,
      owner: ownedBy('TRANSITION_WORKER', dates.adviser),
      relatesTo: [],
    };
    if (dates.planned !== null) {
      const reviewed = dates.reviewed !== null && dates.reviewed >= dates.planned ? dates.reviewed : null;
      return [
        {
          ...base,
          date: shown(dates.planned),
          status: 'IN_FORCE' as const,
          detail: null,
          lastReviewed: shown(reviewed),
          nextDue: dueOn('PATHWAY_PLAN_REVIEW', addMonths(reviewed ?? dates.planned, 6), facts.today),
        },
      ];
    }
    if (dates.assessed === null) return [];
    return [
      {
        ...base,
        date: shown(dates.assessed),
        status: 'IN_PROGRESS' as const,
        detail: 'NEEDS_ASSESSED',
        lastReviewed: null,
        nextDue: dueOn('PATHWAY_PLAN_PREPARED', addDays(dates.assessed, PATHWAY_PLAN_WEEKS * 7), facts.today),
      },
    ];
  });
}

export function careActAssessments(facts: PlanFacts): PlanItem[] {
  const adult = facts.adultServices;
  if (adult === null) return [];
  const worker = adult.transitionWorkers[0] ?? null;
  const dated = adult.s58Assessments
    .map((assessment) => ({
      assessment,
      referred: adultDayOf(assessment.referralDate),
      assessed: adultDayOf(assessment.assessmentDate),
    }))
    .filter(({ referred }) => referred !== null && referred <= facts.today);
  const pending = dated.filter(({ assessment }) => assessment.outcome === 'PENDING');
  const decided = dated
    .filter(({ assessment }) => assessment.outcome !== 'PENDING')
    .sort((a, b) => (a.assessed ?? a.referred ?? 0) - (b.assessed ?? b.referred ?? 0))
    .at(-1);
  return [...pending, ...(decided ? [decided] : [])].map(({ assessment, referred, assessed }) => ({
    kind: 'CARE_ACT_ASSESSMENT' as const,
    agency: 'ADULT_SERVICES' as const,
    category: 'ADULT_SERVICES' as const,
    recordId: assessment.id,
    date: shown(assessment.outcome === 'PENDING' ? referred : (assessed ?? referred)),
    status: assessment.outcome === 'PENDING' ? ('IN_PROGRESS' as const) : ('COMPLETED' as const),
    detail: assessment.outcome,
    lastReviewed: null,
    owner: ownedBy('TRANSITION_WORKER', worker),
    // Care Act 2014 s58 sets no timescale; ADULT_TRANSITION_MISSING asks only that one exists from age 17.
    nextDue: null,
    relatesTo: [],
  }));
}

export function transitionHandoffs(facts: PlanFacts): PlanItem[] {
  const adult = facts.adultServices;
  if (adult === null) return [];
  const latest = adult.transitionReferrals
    .map((referral) => ({ referral, day: adultDayOf(referral.date) }))
    .filter((item): item is typeof item & { day: DayNumber } => item.day !== null && item.day <= facts.today)
    .sort((a, b) => a.day - b.day)
    .at(-1);
  if (!latest) return [];
  return [
    {
      kind: 'TRANSITION_HANDOFF',
      agency: 'ADULT_SERVICES',
      category: 'ADULT_SERVICES',
      recordId: latest.referral.id,
      date: shown(latest.day),
      status: 'RECEIVED',
      // The source is a code (e.g. CHILDRENS_SERVICES); the reason is free text and is not shown here.
      detail: codeOrNull(latest.referral.source),
      lastReviewed: null,
      owner: ownedBy('TRANSITION_WORKER', adult.transitionWorkers[0] ?? null),
      nextDue: null,
      relatesTo: [],
    },
  ];
}
