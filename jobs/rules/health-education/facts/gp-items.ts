/**
 * The conditions, medicines and allergies a child's GP record shows as current, for comparison with what other
 * agencies hold. General and mental health records are read; sexual health records are not: a young person's
 * sexual health care is confidential to them (Fraser/Gillick), and the hub does not expect the care plan to repeat
 * it, so its absence there is not a gap the rules report.
 */
import type {
  HealthRecordsValue,
  HealthSectionValue,
} from '../../../../connectors/health/to-health-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { healthDay } from '../../facts/agency-days.js';

export type GpItemKind = 'condition' | 'medication' | 'allergy';

export interface GpItem {
  kind: GpItemKind;
  /** The GP system's record id. */
  id: string;
  display: string;
  code: string | null;
  /** MENTAL_HEALTH items must not be described where only general health may be shown. */
  category: 'HEALTH' | 'MENTAL_HEALTH';
  /** Onset, start or recorded date, as the GP sent it. */
  since: string | null;
}

function startedBy(value: string | null, today: DayNumber): boolean {
  return value === null || healthDay(value) <= today;
}

function currentIn(records: HealthRecordsValue, category: GpItem['category'], today: DayNumber): GpItem[] {
  const conditions = records.conditions
    .filter((condition) => condition.active && startedBy(condition.onset, today))
    .map((condition) => ({
      kind: 'condition' as const,
      id: condition.id,
      display: condition.display,
      code: condition.code,
      category,
      since: condition.onset ?? condition.recorded,
    }));
  const medications = records.medications
    .filter((medication) => medication.status.toLowerCase() === 'active')
    .filter((medication) => startedBy(medication.start, today))
    .filter((medication) => medication.end === null || healthDay(medication.end) >= today)
    .map((medication) => ({
      kind: 'medication' as const,
      id: medication.id,
      display: medication.display,
      code: medication.code,
      category,
      since: medication.start,
    }));
  // An allergy stays relevant unless the GP has marked it inactive or resolved.
  const allergies = records.allergies
    .filter((allergy) => allergy.clinicalStatus === null || allergy.clinicalStatus.toLowerCase() === 'active')
    .map((allergy) => ({
      kind: 'allergy' as const,
      id: allergy.id,
      display: allergy.display,
      code: allergy.code,
      category,
      since: allergy.recorded,
    }));
  return [...conditions, ...medications, ...allergies];
}

/** Current general and mental health items, in the GP record's order. */
export function currentGpItems(health: HealthSectionValue, today: DayNumber): GpItem[] {
  return [...currentIn(health, 'HEALTH', today), ...currentIn(health.mentalHealth, 'MENTAL_HEALTH', today)];
}
