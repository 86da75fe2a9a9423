/** A scenario child's education / SEND record, with attendance and termly PEPs filled in from the spec. */
import {
  dayFromCivil,
  isoDate,
  nextTermStart,
  schoolTermOf,
  schoolYearStartYear,
  weekday,
  type DayNumber,
} from '../population/dates.js';
import type { EducationRecord } from '../population/model.js';
import { buildIdentity } from './build-identity.js';
import type { ChildContext } from './child-context.js';
import type { ScenarioEducation } from './schema.js';

const TERMS = [
  { term: 'AUTUMN', month: 9, sessions: 142 },
  { term: 'SPRING', month: 1, sessions: 118 },
  { term: 'SUMMER', month: 4, sessions: 128 },
] as const;

export interface EnrolmentSpan {
  from: DayNumber;
  to: DayNumber | null;
}

export function enrolmentSpans(context: ChildContext, spec: ScenarioEducation): EnrolmentSpan[] {
  return spec.enrolments.map((e) => ({
    from: context.day(e.from),
    to: e.to == null ? null : context.day(e.to),
  }));
}

export function buildEducationRecord(
  context: ChildContext,
  spec: ScenarioEducation,
  careStartDay: DayNumber | null,
): EducationRecord {
  const pupilId = spec.pupilId ?? `${context.file.name}-${context.child.key}`;
  const spans = enrolmentSpans(context, spec);
  const designatedTeacherId =
    spec.designatedTeacher === null ? null : context.professional(spec.designatedTeacher).id;
  return {
    truthKey: context.truth.truthKey,
    pupilId,
    identity: buildIdentity(context, 'education', pupilId, spec.identity, true),
    enrolments: spec.enrolments.map((e) => ({
      schoolUrn: context.organisation(e.school).code,
      yearGroup: e.yearGroup,
      from: context.date(e.from),
      to: e.to == null ? null : context.date(e.to),
    })),
    attendance: attendance(context, spans, spec.attendanceRate),
    exclusions: spec.exclusions.map((x) => ({
      id: context.id('exc'),
      date: context.date(x.date),
      kind: x.kind,
      sessions: x.sessions,
      reason: x.reason,
      schoolUrn: context.organisation(x.school).code,
    })),
    senProvision: spec.senProvision,
    senNeeds: spec.senNeeds,
    ehc: spec.ehc
      ? {
          id: context.id('ehc'),
          requestDate: context.date(spec.ehc.request),
          decisionDate: spec.ehc.decision == null ? null : context.date(spec.ehc.decision),
          decisionOutcome: spec.ehc.decisionOutcome,
          finalPlanDate: spec.ehc.finalPlan == null ? null : context.date(spec.ehc.finalPlan),
          annualReviews: spec.ehc.annualReviews.map((r) => ({
            id: context.id('ehr'),
            date: context.date(r.date),
            pfaOutcomes: r.pfaOutcomes,
          })),
          status: spec.ehc.status,
        }
      : null,
    peps:
      spec.peps === 'termly'
        ? termlyPeps(context, spans, careStartDay, designatedTeacherId)
        : spec.peps.map((pep) => ({
            id: context.id('pep'),
            date: context.date(pep.date),
            reviewedDate: pep.reviewed == null ? null : context.date(pep.reviewed),
            designatedTeacherId,
          })),
    sencoId: spec.senco === null ? null : context.professional(spec.senco).id,
    designatedTeacherId,
    virtualSchoolHeadId:
      spec.virtualSchoolHead === null ? null : context.professional(spec.virtualSchoolHead).id,
  };
}

function enrolledDuring(spans: readonly EnrolmentSpan[], from: DayNumber, to: DayNumber): boolean {
  return spans.some((span) => span.from <= to && (span.to === null || span.to >= from));
}

function attendance(
  context: ChildContext,
  spans: readonly EnrolmentSpan[],
  rate: number,
): EducationRecord['attendance'] {
  const rows: EducationRecord['attendance'] = [];
  const currentYear = schoolYearStartYear(context.asOfDay);
  for (const year of [currentYear - 1, currentYear]) {
    for (const term of TERMS) {
      const start = dayFromCivil(term.term === 'AUTUMN' ? year : year + 1, term.month, 1);
      const end =
        term.term === 'AUTUMN'
          ? dayFromCivil(year + 1, 1, 1) - 1
          : dayFromCivil(year + 1, term.month + 3, 1) - 1;
      if (start > context.asOfDay - 1 || !enrolledDuring(spans, start, Math.min(end, context.asOfDay - 1)))
        continue;
      let possible: number = term.sessions;
      if (end >= context.asOfDay) {
        let weekdays = 0;
        for (let day = start + 2; day < context.asOfDay; day++) if (weekday(day) < 5) weekdays++;
        possible = Math.min(term.sessions, weekdays * 2);
      }
      if (possible === 0) continue;
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

/** One PEP ten days after coming into care (or starting school, if later), then one three weeks into each term. */
function termlyPeps(
  context: ChildContext,
  spans: readonly EnrolmentSpan[],
  careStartDay: DayNumber | null,
  designatedTeacherId: string | null,
): EducationRecord['peps'] {
  const firstSchoolDay = spans[0]?.from;
  if (careStartDay === null || firstSchoolDay === undefined) return [];
  const peps: EducationRecord['peps'] = [];
  const add = (day: DayNumber) =>
    peps.push({ id: context.id('pep'), date: isoDate(day), reviewedDate: isoDate(day), designatedTeacherId });
  const first = Math.max(careStartDay, firstSchoolDay) + 10;
  if (first > context.asOfDay - 1) return peps;
  add(first);
  let termStart = schoolTermOf(first).start;
  for (;;) {
    termStart = nextTermStart(termStart);
    const day = termStart + 21;
    if (day > context.asOfDay - 1) break;
    add(day);
  }
  return peps;
}
