/**
 * The GP's conditions and medicines as a referral audit compares them: general and mental health records, each
 * under its own data category; sexual health records are not read (a young person's sexual health care is
 * confidential to them and is not expected in a placement referral — the rules read the GP record the same way,
 * jobs/rules/health-education/facts/gp-items.ts). An item counts on a day when it had begun by then and had not
 * ended: a condition not yet resolved (abatement after the day, or still active), a medicine still active.
 */
import type { HealthCondition, Medication } from '../../../connectors/health/health-types.js';
import type { HealthRecordsValue, HealthSectionValue } from '../../../connectors/health/to-health-section.js';
import type { DayNumber } from '../../rules/time/calendar-day.js';
import { healthDayOf } from './days.js';

export interface GpItem {
  kind: 'DIAGNOSIS' | 'MEDICATION';
  id: string;
  display: string;
  category: 'HEALTH' | 'MENTAL_HEALTH';
  /** When it began (onset, start, or when recorded); null when the GP gives no date. */
  since: DayNumber | null;
  /** Whether it counted on each day asked about. */
  on: (day: DayNumber) => boolean;
}

function conditionItem(condition: HealthCondition, category: GpItem['category']): GpItem {
  const since = healthDayOf(condition.onset) ?? healthDayOf(condition.recorded);
  const resolved = healthDayOf(condition.abatement);
  return {
    kind: 'DIAGNOSIS',
    id: condition.id,
    display: condition.display,
    category,
    since,
    on: (day) => since !== null && since <= day && (resolved !== null ? resolved > day : condition.active),
  };
}

function medicationItem(medication: Medication, category: GpItem['category']): GpItem {
  const since = healthDayOf(medication.start);
  const ended = healthDayOf(medication.end);
  const active = medication.status.trim().toLowerCase() === 'active';
  return {
    kind: 'MEDICATION',
    id: medication.id,
    display: medication.display,
    category,
    since,
    // A medicine stopped since (status no longer active) still counted on days before its recorded end.
    on: (day) => since !== null && since <= day && (ended !== null ? ended >= day : active),
  };
}

function itemsIn(records: HealthRecordsValue, category: GpItem['category']): GpItem[] {
  return [
    ...records.conditions.map((condition) => conditionItem(condition, category)),
    ...records.medications.map((medication) => medicationItem(medication, category)),
  ];
}

export function gpItems(health: HealthSectionValue): GpItem[] {
  return [...itemsIn(health, 'HEALTH'), ...itemsIn(health.mentalHealth, 'MENTAL_HEALTH')];
}
