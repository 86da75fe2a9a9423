/**
 * The GP system's record of a child (served as FHIR R4): registration, problems, repeat medicines, allergies,
 * immunisations, recent consultations and A&E attendances, and growth measurements.
 */
import {
  ALLERGIES,
  CONDITIONS,
  EMERGENCY_REASONS,
  ENCOUNTER_TYPES,
  IMMUNISATION_SCHEDULE,
  INFLUENZA_VACCINATION,
  MEDICATIONS,
  OBSERVATIONS,
} from './clinical-codes.js';
import {
  ageInYears,
  dayFromCivil,
  isoDate,
  isoDateTime,
  schoolYearStartYear,
  type DayNumber,
} from './dates.js';
import { hasHappened, type GenerationContext } from './generation-context.js';
import type { GpRecord } from './model.js';
import type { ChildProfile } from './profile-types.js';
import type { SeededRandom } from './random.js';
import { renderIdentity } from './recorded-identity.js';

export function writeGpRecord(context: GenerationContext, profile: ChildProfile): GpRecord | null {
  const practice = profile.assignments.gpPractice;
  const gp = profile.assignments.gp;
  if (!profile.gpRegistered || !practice || !gp) return null;
  const random = context.random.fork(`gp:${profile.index}`);
  const { asOfDay, ids } = context;
  const patientId = random.uuid();
  const registered = Math.min(
    asOfDay,
    profile.movedIn !== null ? profile.movedIn + random.int(3, 40) : profile.dob + random.int(14, 56),
  );
  const lac = profile.status === 'LAC';

  const record: GpRecord = {
    truthKey: profile.truth.truthKey,
    patientId,
    identity: renderIdentity(random, profile, 'gp', patientId),
    practiceId: practice.id,
    gpProfessionalId: gp.id,
    registeredSince: isoDate(registered),
    conditions: profile.health.conditions
      .filter((c) => c.onset <= asOfDay)
      .map((c) => {
        const definition = CONDITIONS[c.key];
        const resolved = c.resolved !== null && c.resolved <= asOfDay;
        return {
          id: ids.next('cnd'),
          snomed: definition.snomed,
          display: definition.display,
          onset: isoDate(c.onset),
          clinicalStatus: resolved ? (random.chance(0.2) ? 'inactive' : 'resolved') : 'active',
          sensitive: definition.sensitive,
        } as const;
      }),
    medications: profile.health.medications.map((m) => ({
      id: ids.next('med'),
      dmd: MEDICATIONS[m.key].dmd,
      display: MEDICATIONS[m.key].display,
      start: isoDate(m.start),
      status: m.status,
    })),
    allergies: profile.health.allergies.map((a) => ({
      id: ids.next('alg'),
      snomed: ALLERGIES[a.key].snomed,
      display: ALLERGIES[a.key].display,
      recorded: isoDate(a.recorded),
      criticality: ALLERGIES[a.key].criticality,
    })),
    immunizations: [],
    encounters: [],
    observations: [],
  };

  for (const dose of IMMUNISATION_SCHEDULE) {
    const due = profile.dob + dose.ageDays;
    if (due > asOfDay || !random.chance(lac ? 0.86 : 0.93)) continue;
    const given = Math.min(asOfDay, due + random.int(0, 28));
    record.immunizations.push({
      id: ids.next('imm'),
      snomed: dose.snomed,
      display: dose.display,
      date: isoDate(given),
    });
  }
  const fluSeasonStart = dayFromCivil(schoolYearStartYear(asOfDay), 9, 15);
  const ageAtSeason = ageInYears(profile.dob, fluSeasonStart);
  if (ageAtSeason >= 2 && ageAtSeason <= 16 && fluSeasonStart < asOfDay && random.chance(0.5)) {
    record.immunizations.push({
      id: ids.next('imm'),
      snomed: INFLUENZA_VACCINATION.snomed,
      display: INFLUENZA_VACCINATION.display,
      date: isoDate(random.int(fluSeasonStart, Math.min(asOfDay, fluSeasonStart + 80))),
    });
  }

  writeEncounters(random, context, profile, record);
  writeGrowth(random, context, profile, record);
  return record;
}

function emergencyRate(profile: ChildProfile): number {
  const teen = profile.ageYears >= 13;
  const lac = profile.status === 'LAC';
  let rate = lac ? (teen ? 1.0 : 0.6) : 0.25;
  if (profile.risks.selfHarm) rate += 0.8;
  if (profile.risks.cce || profile.risks.cse || profile.risks.gangs) rate += 0.5;
  return rate;
}

function writeEncounters(
  random: SeededRandom,
  context: GenerationContext,
  profile: ChildProfile,
  record: GpRecord,
) {
  const { asOfDay, ids } = context;
  if (profile.dob >= asOfDay - 1) return;
  const appointments = random.poisson(profile.ageYears < 5 ? 3 : 1.5);
  const activeConditions = record.conditions.filter((c) => c.clinicalStatus === 'active');
  for (let i = 0; i < appointments; i++) {
    const day = random.int(Math.max(profile.dob, asOfDay - 365), asOfDay - 1);
    const minute = random.int(8 * 60 + 30, 17 * 60 + 30);
    const reason =
      activeConditions.length > 0 && random.chance(0.5) ? random.pick(activeConditions).display : null;
    record.encounters.push({
      id: ids.next('enc'),
      class: 'AMB',
      snomed: ENCOUNTER_TYPES.AMB.snomed,
      display: ENCOUNTER_TYPES.AMB.display,
      start: isoDateTime(day, minute),
      end: isoDateTime(day, minute + random.int(10, 15)),
      reason,
    });
  }
  const attendances = random.poisson(emergencyRate(profile) * 2);
  const selfHarmReasons = EMERGENCY_REASONS.filter((r) => r.selfHarm);
  const riskReasons = EMERGENCY_REASONS.filter((r) => r.risk);
  const generalReasons = EMERGENCY_REASONS.filter((r) => r.weight > 0).map((r) => [r, r.weight] as const);
  for (let i = 0; i < attendances; i++) {
    const day = random.int(Math.max(profile.dob, asOfDay - 730), asOfDay - 1);
    const minute = random.int(0, 1439);
    const teen = ageInYears(profile.dob, day) >= 12;
    const reason =
      teen && profile.risks.selfHarm && random.chance(0.5)
        ? random.pick(selfHarmReasons)
        : teen && (profile.risks.cce || profile.risks.cse || profile.risks.gangs) && random.chance(0.4)
          ? random.pick(riskReasons)
          : random.weighted(generalReasons);
    const endMinute = minute + random.int(120, 480);
    record.encounters.push({
      id: ids.next('enc'),
      class: 'EMER',
      snomed: ENCOUNTER_TYPES.EMER.snomed,
      display: ENCOUNTER_TYPES.EMER.display,
      start: isoDateTime(day, minute),
      end: hasHappened(context, day, endMinute) ? isoDateTime(day, endMinute) : null,
      reason: reason.reason,
    });
    if (reason.selfHarm && random.chance(0.5) && day + 4 <= asOfDay) {
      record.encounters.push({
        id: ids.next('enc'),
        class: 'IMP',
        snomed: ENCOUNTER_TYPES.IMP.snomed,
        display: ENCOUNTER_TYPES.IMP.display,
        start: isoDateTime(day, endMinute),
        end: isoDateTime(day + random.int(1, 3), random.int(9 * 60, 17 * 60)),
        reason: reason.reason,
      });
    }
  }
  record.encounters.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

function writeGrowth(
  random: SeededRandom,
  context: GenerationContext,
  profile: ChildProfile,
  record: GpRecord,
) {
  const { asOfDay, ids } = context;
  if (!random.chance(0.4) || profile.dob + 7 > asOfDay - 1) return;
  const day: DayNumber = random.int(Math.max(profile.dob + 7, asOfDay - 365), asOfDay - 1);
  const age = Math.max(0, (day - profile.dob) / 365.25);
  const heightCm =
    Math.round(
      (age < 1 ? 50 + 25 * age : Math.min(180, 75 + 6.2 * age)) * (0.95 + random.next() * 0.1) * 10,
    ) / 10;
  const bmi = 15.5 + Math.min(age, 17) * 0.35 + random.normal(0, 1.5);
  const weightKg = Math.round(bmi * (heightCm / 100) ** 2 * 10) / 10;
  const at = isoDateTime(day, random.int(9 * 60, 16 * 60));
  record.observations.push(
    { id: ids.next('obs'), ...OBSERVATIONS.HEIGHT, date: at, value: heightCm },
    { id: ids.next('obs'), ...OBSERVATIONS.WEIGHT, date: at, value: weightKg },
  );
}
