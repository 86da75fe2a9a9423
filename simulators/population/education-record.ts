/**
 * The education / SEND system's record of a pupil: enrolments, termly attendance, suspensions and exclusions,
 * SEN provision, the EHC plan timeline and annual reviews (with preparing-for-adulthood outcomes from Year 9), and
 * Personal Education Plans for looked-after pupils.
 */
import type { Workforce } from './assign-professionals.js';
import {
  dayFromCivil,
  dayFromIso,
  isoDate,
  nextTermStart,
  schoolTermOf,
  schoolYearStartYear,
  weekday,
  yearGroupOn,
  type DayNumber,
} from './dates.js';
import type { GenerationContext } from './generation-context.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { EducationRecord, EhcTimeline } from './model.js';
import type { ChildProfile, EhcFacts, PlannedEnrolment } from './profile-types.js';
import type { SeededRandom } from './random.js';
import { renderIdentity } from './recorded-identity.js';

/** Share of pupils with a second, duplicate pupil record from an earlier school. */
const DUPLICATE_RATE = 0.002;

const TERMS = [
  { term: 'AUTUMN', startMonth: 9, endMonth: 12, sessions: 142 },
  { term: 'SPRING', startMonth: 1, endMonth: 3, sessions: 118 },
  { term: 'SUMMER', startMonth: 4, endMonth: 7, sessions: 128 },
] as const;

const EXCLUSION_REASONS: ReadonlyArray<readonly [string, number]> = [
  ['Persistent disruptive behaviour', 40],
  ['Verbal abuse or threatening behaviour against an adult', 15],
  ['Physical assault against a pupil', 14],
  ['Physical assault against an adult', 5],
  ['Drug and alcohol related', 6],
  ['Damage', 5],
  ['Bullying', 4],
  ['Use or threat of use of an offensive weapon', 2],
];

function yearGroupLabel(yearGroup: number): string {
  return yearGroup === 0 ? 'R' : String(yearGroup);
}

export function writeEducationRecords(
  context: GenerationContext,
  workforce: Workforce,
  profile: ChildProfile,
  reviewDays: readonly DayNumber[],
  nextPupilId: () => string,
): EducationRecord[] {
  const schooling = profile.schooling;
  if (!schooling) return [];
  const random = context.random.fork(`education:${profile.index}`);
  const pupilId = nextPupilId();
  const current = schooling.enrolments[schooling.enrolments.length - 1] as PlannedEnrolment;
  const lac = profile.status === 'LAC';
  const record: EducationRecord = {
    truthKey: profile.truth.truthKey,
    pupilId,
    identity: renderIdentity(random, profile, 'education', pupilId, { withUpn: true }),
    enrolments: schooling.enrolments.map((e) => ({
      schoolUrn: e.school.organisation.code,
      yearGroup: yearGroupLabel(Math.max(0, yearGroupOn(profile.dob, e.from))),
      from: isoDate(e.from),
      to: e.to === null ? null : isoDate(e.to),
    })),
    attendance: attendance(random, context, profile),
    exclusions: exclusions(random, context, profile),
    senProvision: schooling.sen,
    senNeeds: schooling.senNeeds,
    ehc: schooling.ehc ? ehcTimeline(random, context, profile, schooling.ehc, reviewDays) : null,
    peps: lac ? personalEducationPlans(random, context, workforce, profile) : [],
    sencoId:
      schooling.sen === 'N'
        ? null
        : (workforce.sencoBySchool.get(current.school.organisation.id)?.id ?? null),
    designatedTeacherId: lac
      ? (workforce.designatedTeacherBySchool.get(current.school.organisation.id)?.id ?? null)
      : null,
    virtualSchoolHeadId: lac ? workforce.virtualSchoolHead.id : null,
  };
  const records = [record];
  if (schooling.enrolments.length > 1 && random.chance(DUPLICATE_RATE * 5)) {
    records.push(duplicatePupil(random, profile, schooling.enrolments[0] as PlannedEnrolment, nextPupilId()));
  }
  return records;
}

function enrolledDuring(profile: ChildProfile, from: DayNumber, to: DayNumber) {
  return (
    (profile.schooling?.enrolments ?? []).find((e) => e.from <= to && (e.to === null || e.to >= from)) ?? null
  );
}

function attendance(
  random: SeededRandom,
  context: GenerationContext,
  profile: ChildProfile,
): EducationRecord['attendance'] {
  const asOf = context.asOfDay;
  const currentYear = schoolYearStartYear(asOf);
  const base =
    profile.status === 'LAC'
      ? 0.91
      : profile.status === 'CIN' || profile.status === 'CP'
        ? 0.88
        : random.chance(0.08)
          ? 0.84
          : 0.95;
  const rows: EducationRecord['attendance'] = [];
  for (const year of [currentYear - 1, currentYear]) {
    for (const term of TERMS) {
      const calendarYear = term.term === 'AUTUMN' ? year : year + 1;
      const start = dayFromCivil(calendarYear, term.startMonth, 1);
      const end = dayFromCivil(calendarYear, term.endMonth + 1, 1) - 1;
      if (start > asOf || !enrolledDuring(profile, start, Math.min(end, asOf))) continue;
      let possible: number = term.sessions;
      if (end >= asOf) {
        let weekdays = 0;
        for (let day = start + 2; day < asOf; day++) if (weekday(day) < 5) weekdays++;
        possible = Math.min(term.sessions, weekdays * 2);
      }
      if (possible <= 0) continue;
      const rate = Math.max(0.3, Math.min(1, random.normal(base, 0.04)));
      rows.push({
        academicYear: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
        term: term.term,
        possibleSessions: possible,
        attendedSessions: Math.round(possible * rate),
      });
    }
  }
  return rows;
}

function exclusions(
  random: SeededRandom,
  context: GenerationContext,
  profile: ChildProfile,
): EducationRecord['exclusions'] {
  const asOf = context.asOfDay;
  const rows: EducationRecord['exclusions'] = [];
  const enrolments = profile.schooling?.enrolments ?? [];
  const secondaryAge = yearGroupOn(profile.dob, asOf) >= 5;
  if (secondaryAge) {
    const behaviourConditions = profile.health.conditions.some(
      (c) => c.key === 'ADHD' || c.key === 'CONDUCT_DISORDER',
    );
    let rate = profile.status === 'LAC' ? 0.12 : 0.03;
    if (behaviourConditions) rate += 0.15;
    if (profile.risks.violence) rate += 0.2;
    const count = random.poisson(rate * 2);
    for (let i = 0; i < count; i++) {
      let day = random.int(asOf - 730, asOf - 1);
      while (weekday(day) >= 5) day--;
      const enrolment = enrolments.find((e) => e.from <= day && (e.to === null || e.to > day));
      if (!enrolment || enrolment.school.phase === 'COLLEGE') continue;
      rows.push({
        id: context.ids.next('EXC'),
        date: isoDate(day),
        kind: 'SUSPENSION',
        sessions: random.int(1, 10),
        reason: random.weighted(EXCLUSION_REASONS),
        schoolUrn: enrolment.school.organisation.code,
      });
    }
  }
  // A move to the pupil referral unit follows a permanent exclusion from the school before it.
  enrolments.forEach((enrolment, index) => {
    const previous = enrolments[index - 1];
    if (enrolment.school.phase !== 'PRU' || !previous || previous.to === null) return;
    rows.push({
      id: context.ids.next('EXC'),
      date: isoDate(previous.to),
      kind: 'PERMANENT',
      sessions: 0,
      reason: random.weighted(EXCLUSION_REASONS),
      schoolUrn: previous.school.organisation.code,
    });
  });
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function ehcTimeline(
  random: SeededRandom,
  context: GenerationContext,
  profile: ChildProfile,
  facts: EhcFacts,
  reviewDays: readonly DayNumber[],
): EhcTimeline {
  const asOf = context.asOfDay;
  const reviews: EhcTimeline['annualReviews'] = [];
  if (facts.finalPlan !== null) {
    const stopAfter = facts.reviewsLapse ? asOf - random.int(380, 520) : asOf - 1;
    let day = facts.finalPlan + random.int(320, 360);
    while (day <= stopAfter) {
      // For a child in care the annual review is held with a looked-after review where one is close (never late).
      const limit =
        (reviews.at(-1) ? dayFromIso(reviews.at(-1)!.date) : (facts.finalPlan as DayNumber)) + 364;
      const aligned = reviewDays.find((review) => Math.abs(review - day) <= 45 && review <= limit);
      const held = aligned !== undefined && random.chance(0.8) ? aligned : day;
      reviews.push({
        id: context.ids.next('EHR'),
        date: isoDate(held),
        pfaOutcomes: yearGroupOn(profile.dob, held) >= 9,
      });
      day = held + random.int(320, 360);
    }
    if (facts.pfaLapse) {
      const lastInYear9 = [...reviews].reverse().find((review) => review.pfaOutcomes);
      if (lastInYear9) lastInYear9.pfaOutcomes = false;
    }
  }
  const decisionKnown = facts.decision !== null && facts.decision <= asOf;
  return {
    id: context.ids.next('EHC'),
    requestDate: isoDate(facts.request),
    decisionDate: decisionKnown ? isoDate(facts.decision as DayNumber) : null,
    decisionOutcome: decisionKnown ? facts.outcome : null,
    finalPlanDate: facts.finalPlan === null ? null : isoDate(facts.finalPlan),
    annualReviews: reviews,
    status: facts.status,
  };
}

/** One PEP within a few weeks of coming into care (before the first review), then one each term. */
function personalEducationPlans(
  random: SeededRandom,
  context: GenerationContext,
  workforce: Workforce,
  profile: ChildProfile,
): EducationRecord['peps'] {
  const asOf = context.asOfDay;
  const period = profile.care[profile.care.length - 1];
  const enrolments = profile.schooling?.enrolments ?? [];
  const firstSchoolDay = enrolments[0]?.from;
  if (!period || firstSchoolDay === undefined) return [];
  const teacherOn = (day: DayNumber) => {
    const enrolment =
      enrolments.find((e) => e.from <= day && (e.to === null || e.to > day)) ?? enrolments.at(-1);
    return enrolment
      ? (workforce.designatedTeacherBySchool.get(enrolment.school.organisation.id)?.id ?? null)
      : null;
  };
  const peps: EducationRecord['peps'] = [];
  const add = (day: DayNumber) => {
    const reviewed = day + random.int(0, 10);
    peps.push({
      id: context.ids.next('PEP'),
      date: isoDate(day),
      reviewedDate: reviewed <= asOf - 1 ? isoDate(reviewed) : null,
      designatedTeacherId: teacherOn(day),
    });
  };
  const from = Math.max(period.start, firstSchoolDay);
  const first = from + random.int(5, 18);
  if (first > asOf - 1) return [];
  add(first);
  const currentTerm = schoolTermOf(asOf);
  const skipCurrentTerm = lapsed(random, LAPSE_RATES.pepNotThisTerm, profile.practice);
  let term = schoolTermOf(first);
  for (let guard = 0; guard < 60; guard++) {
    const next = nextTermStart(term.start);
    term = schoolTermOf(next);
    if (term.start > asOf) break;
    const isCurrent = term.start === currentTerm.start;
    if (isCurrent && skipCurrentTerm) break;
    const day = term.start + random.int(14, 45);
    if (day > asOf - 1) break;
    add(day);
  }
  return peps;
}

function duplicatePupil(
  random: SeededRandom,
  profile: ChildProfile,
  enrolment: PlannedEnrolment,
  pupilId: string,
): EducationRecord {
  return {
    truthKey: profile.truth.truthKey,
    pupilId,
    identity: renderIdentity(random, profile, 'education', pupilId, { duplicate: true, withUpn: false }),
    enrolments: [
      {
        schoolUrn: enrolment.school.organisation.code,
        yearGroup: yearGroupLabel(Math.max(0, yearGroupOn(profile.dob, enrolment.from))),
        from: isoDate(enrolment.from),
        to: isoDate(enrolment.to ?? enrolment.from + 200),
      },
    ],
    attendance: [],
    exclusions: [],
    senProvision: 'N',
    senNeeds: [],
    ehc: null,
    peps: [],
    sencoId: null,
    designatedTeacherId: null,
    virtualSchoolHeadId: null,
  };
}
