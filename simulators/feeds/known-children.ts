/**
 * Which children a feed's good records may name: those the hub's identity index knows by the identifier the feed
 * carries, unambiguously. The index is built from what the agencies hold, so a good GP record uses an NHS number
 * the GP system holds for that child, and a good census row a UPN the education system holds. Identifiers that a
 * second person's record also carries, or that disagree with the truth, are left out: matching those is the
 * identity tests' business, not the feeds'.
 */
import type { EducationRecord, GpRecord, Population } from '../population/model.js';
import { isValidNhsNumber, isValidUpn } from '../population/identifiers.js';

export interface KnownPatient {
  truthKey: string;
  nhsNumber: string;
  record: GpRecord;
}

export interface KnownPupil {
  truthKey: string;
  upn: string;
  record: EducationRecord;
  schoolUrn: string;
  dateOfBirth: string;
}

/** Every NHS number and UPN anyone holds (truth and every agency record): what an unknown identifier avoids. */
export interface HeldIdentifiers {
  nhsNumbers: ReadonlySet<string>;
  upns: ReadonlySet<string>;
}

export function heldIdentifiers(population: Population): HeldIdentifiers {
  const nhsNumbers = new Set<string>();
  const upns = new Set<string>();
  const add = (identity: { nhsNumber: string | null; upn: string | null }) => {
    if (identity.nhsNumber !== null) nhsNumbers.add(identity.nhsNumber);
    if (identity.upn !== null) upns.add(identity.upn);
  };
  population.people.forEach(add);
  for (const records of [population.socialCare, population.gp, population.education, population.adult])
    for (const record of records) add(record.identity);
  return { nhsNumbers, upns };
}

/** Identifier → the people whose records carry it. */
function holders(
  population: Population,
  pick: (identity: { nhsNumber: string | null; upn: string | null }) => string | null,
) {
  const byValue = new Map<string, Set<string>>();
  const note = (value: string | null, truthKey: string) => {
    if (value === null) return;
    const set = byValue.get(value) ?? new Set<string>();
    set.add(truthKey);
    byValue.set(value, set);
  };
  for (const person of population.people) note(pick(person), person.truthKey);
  for (const records of [population.socialCare, population.gp, population.education, population.adult])
    for (const record of records) note(pick(record.identity), record.truthKey);
  return byValue;
}

function duplicated(population: Population, agency: 'gp' | 'education'): Set<string> {
  const keys = new Set<string>();
  for (const person of population.people)
    for (const difference of person.recordedDifferences ?? [])
      if (difference.agency === agency && difference.kind === 'DUPLICATE_RECORD') keys.add(person.truthKey);
  return keys;
}

export function knownPatients(population: Population): KnownPatient[] {
  const truth = new Map(population.people.map((person) => [person.truthKey, person]));
  const byNumber = holders(population, (identity) => identity.nhsNumber);
  const duplicates = duplicated(population, 'gp');
  const seen = new Set<string>();
  const out: KnownPatient[] = [];
  for (const record of population.gp) {
    const nhsNumber = record.identity.nhsNumber;
    if (nhsNumber === null || !isValidNhsNumber(nhsNumber)) continue;
    if (truth.get(record.truthKey)?.nhsNumber !== nhsNumber) continue;
    if ((byNumber.get(nhsNumber)?.size ?? 0) !== 1 || duplicates.has(record.truthKey)) continue;
    if (seen.has(record.truthKey)) continue;
    seen.add(record.truthKey);
    out.push({ truthKey: record.truthKey, nhsNumber, record });
  }
  return out;
}

export function knownPupils(population: Population): KnownPupil[] {
  const truth = new Map(population.people.map((person) => [person.truthKey, person]));
  const byUpn = holders(population, (identity) => identity.upn);
  const duplicates = duplicated(population, 'education');
  const seen = new Set<string>();
  const out: KnownPupil[] = [];
  for (const record of population.education) {
    const upn = record.identity.upn;
    const person = truth.get(record.truthKey);
    if (upn === null || !isValidUpn(upn) || person?.upn !== upn) continue;
    if ((byUpn.get(upn)?.size ?? 0) !== 1 || duplicates.has(record.truthKey)) continue;
    const enrolment = record.enrolments.find((e) => e.to === null) ?? record.enrolments.at(-1);
    if (!enrolment || seen.has(record.truthKey)) continue;
    seen.add(record.truthKey);
    out.push({
      truthKey: record.truthKey,
      upn,
      record,
      schoolUrn: enrolment.schoolUrn,
      dateOfBirth: person.dateOfBirth,
    });
  }
  return out;
}
