/**
 * What the GP record says, as this group's rules read it. Only the general (HEALTH) category is read: mental and
 * sexual health items sit under their own data categories, and a finding in another category must not reveal
 * them (the health connector already keeps them out of `conditions` and `medications`).
 */
import type { HealthCondition } from '../../../../connectors/health/health-types.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { healthDayOrNull } from '../../facts/agency-days.js';

/**
 * SNOMED CT conditions the hub counts as a complex health need: long-term conditions that commonly bring care and
 * support needs into adulthood (the "complex health" of ADULT_TRANSITION_MISSING).
 */
export const COMPLEX_CONDITION_CODES: ReadonlySet<string> = new Set([
  '408856003', // autistic disorder
  '35919005', // pervasive developmental disorder
  '406506008', // attention deficit hyperactivity disorder
  '110359009', // intellectual (learning) disability
  '248290002', // developmental delay
  '205788004', // fetal alcohol syndrome
  '430909002', // conduct disorder
  '84757009', // epilepsy
  '46635009', // type 1 diabetes mellitus
  '128188000', // cerebral palsy
  '41040004', // Down syndrome (complete trisomy 21)
  '67531005', // spina bifida
  '190905008', // cystic fibrosis
  '73297009', // muscular dystrophy
]);

export function isComplex(condition: HealthCondition): boolean {
  return condition.code !== null && COMPLEX_CONDITION_CODES.has(condition.code.trim());
}

/**
 * Whether the GP recorded the condition as active on `day`: begun by then (onset, else when recorded) and not yet
 * resolved. A condition with no start date cannot be placed in time and does not count.
 */
export function conditionActiveOn(condition: HealthCondition, day: DayNumber): boolean {
  const start = healthDayOrNull(condition.onset) ?? healthDayOrNull(condition.recorded);
  if (start === null || start > day) return false;
  const resolved = healthDayOrNull(condition.abatement);
  return resolved !== null ? resolved > day : condition.active;
}
