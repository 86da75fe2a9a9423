/**
 * On a school roll, and of compulsory school age, on a day. Compulsory school age (Education Act 1996 s8) runs from
 * the term after the fifth birthday to the last Friday in June of Year 11; the rules take it as Years 1 to 11, which
 * never counts a child who is not of compulsory school age (a Reception child is counted when on roll).
 */
import type { EducationSectionValue } from '../../../../connectors/education/education-section.js';
import { yearGroupOn } from '../../time/ages.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { educationDay } from '../../facts/agency-days.js';

/** An enrolment's `to` is the last day on roll. */
export function onRollOn(education: EducationSectionValue | null, day: DayNumber): boolean {
  if (education === null) return false;
  return education.enrolments.some(
    (enrolment) =>
      educationDay(enrolment.from) <= day && (enrolment.to === null || educationDay(enrolment.to) >= day),
  );
}

export function compulsorySchoolAgeOn(birth: DayNumber, day: DayNumber): boolean {
  const year = yearGroupOn(birth, day);
  return year >= 1 && year <= 11;
}
