/** A scenario child's GP record. */
import {
  ALLERGIES,
  CONDITIONS,
  ENCOUNTER_TYPES,
  IMMUNISATION_SCHEDULE,
  MEDICATIONS,
} from '../population/clinical-codes.js';
import { isoDate, isoDateTime } from '../population/dates.js';
import type { GpRecord } from '../population/model.js';
import { buildIdentity } from './build-identity.js';
import type { ChildContext } from './child-context.js';
import type { ScenarioGp } from './schema.js';

export function buildGpRecord(context: ChildContext, spec: ScenarioGp): GpRecord {
  const patientId = spec.patientId ?? `${context.file.name}-${context.child.key}`;
  const record: GpRecord = {
    truthKey: context.truth.truthKey,
    patientId,
    identity: buildIdentity(context, 'gp', patientId, spec.identity, false),
    practiceId: context.organisation(spec.practice).id,
    gpProfessionalId: context.professional(spec.gp).id,
    registeredSince: context.date(spec.registeredSince),
    conditions: spec.conditions.map((c) => {
      const definition =
        typeof c.condition === 'string'
          ? CONDITIONS[c.condition]
          : { snomed: c.condition.code, display: c.condition.display, sensitive: null };
      return {
        id: context.id('cnd'),
        snomed: definition.snomed,
        display: definition.display,
        onset: context.date(c.onset),
        clinicalStatus: c.clinicalStatus,
        sensitive: definition.sensitive,
      };
    }),
    medications: spec.medications.map((m) => {
      const definition =
        typeof m.medication === 'string'
          ? MEDICATIONS[m.medication]
          : { dmd: m.medication.code, display: m.medication.display };
      return {
        id: context.id('med'),
        dmd: definition.dmd,
        display: definition.display,
        start: context.date(m.start),
        status: m.status,
      };
    }),
    allergies: spec.allergies.map((a) => {
      const definition =
        typeof a.allergy === 'string'
          ? ALLERGIES[a.allergy]
          : { snomed: a.allergy.code, display: a.allergy.display, criticality: 'low' as const };
      return {
        id: context.id('alg'),
        snomed: definition.snomed,
        display: definition.display,
        recorded: context.date(a.recorded),
        criticality: definition.criticality,
      };
    }),
    immunizations: [],
    encounters: spec.encounters.map((e) => {
      const start = context.instant(e.start);
      const endMinute = start.minute + Math.round(e.durationHours * 60);
      return {
        id: context.id('enc'),
        class: e.class,
        snomed: ENCOUNTER_TYPES[e.class].snomed,
        display: ENCOUNTER_TYPES[e.class].display,
        start: isoDateTime(start.day, start.minute),
        end: context.happened(start.day, endMinute) ? isoDateTime(start.day, endMinute) : null,
        reason: e.reason,
      };
    }),
    observations: [],
  };
  if (spec.immunizations === 'routine') {
    for (const dose of IMMUNISATION_SCHEDULE) {
      const day = context.dob + dose.ageDays + 3;
      if (day <= context.asOfDay - 1) {
        record.immunizations.push({
          id: context.id('imm'),
          snomed: dose.snomed,
          display: dose.display,
          date: isoDate(day),
        });
      }
    }
  }
  return record;
}
