/**
 * A child's GP records → dated chronology events: GP appointments, A&E attendances, hospital admissions,
 * condition onsets and immunisations. Each event keeps the data category of the record it comes from, so the
 * gateway can drop the ones a caller may not see.
 */
import { toInstant } from './fhir-values.js';
import type {
  ChronologyEventValue,
  EncounterKind,
  GpPatientRecord,
  HealthEncounter,
} from './health-types.js';

const encounterEvents: Record<EncounterKind, { kind: string; label: string }> = {
  GP_APPOINTMENT: { kind: 'GP_APPOINTMENT', label: 'GP appointment' },
  A_AND_E_ATTENDANCE: { kind: 'A_AND_E_ATTENDANCE', label: 'A&E attendance' },
  HOSPITAL_ADMISSION: { kind: 'HOSPITAL_ADMISSION', label: 'Hospital admission' },
  OUTPATIENT_APPOINTMENT: { kind: 'OUTPATIENT_APPOINTMENT', label: 'Outpatient appointment' },
  OTHER: { kind: 'HEALTH_ENCOUNTER', label: 'Health encounter' },
};

/** Encounters that did not (yet) happen are not events in the child's life. */
const notHappened = new Set(['planned', 'cancelled', 'entered-in-error']);

function encounterEvent(encounter: HealthEncounter): ChronologyEventValue | null {
  const at = toInstant(encounter.start);
  if (at === null || notHappened.has(encounter.status)) return null;
  const { kind, label } = encounterEvents[encounter.kind];
  const detail = encounter.reason ?? encounter.display;
  const ongoing = encounter.status === 'in-progress' || encounter.status === 'arrived' ? ' (ongoing)' : '';
  return {
    at,
    agency: 'HEALTH',
    kind,
    summary: `${label}${detail ? `: ${detail}` : ''}${ongoing}`,
    recordId: `Encounter/${encounter.id}`,
    category: encounter.category,
  };
}

export function toChronology(records: readonly GpPatientRecord[]): ChronologyEventValue[] {
  const events: ChronologyEventValue[] = [];
  const add = (event: ChronologyEventValue | null): void => {
    if (event !== null) events.push(event);
  };
  for (const record of records) {
    for (const encounter of record.encounters) add(encounterEvent(encounter));
    for (const condition of record.conditions) {
      const at = toInstant(condition.onset ?? condition.recorded);
      if (at === null) continue;
      add({
        at,
        agency: 'HEALTH',
        kind: 'CONDITION_RECORDED',
        summary: `Condition recorded: ${condition.display}`,
        recordId: `Condition/${condition.id}`,
        category: condition.category,
      });
    }
    for (const immunisation of record.immunisations) {
      const at = toInstant(immunisation.date);
      if (at === null || immunisation.status === 'not-done') continue;
      add({
        at,
        agency: 'HEALTH',
        kind: 'IMMUNISATION_GIVEN',
        summary: `Immunisation: ${immunisation.display}`,
        recordId: `Immunization/${immunisation.id}`,
        category: immunisation.category,
      });
    }
  }
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind.localeCompare(b.kind)));
}
