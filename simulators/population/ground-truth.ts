/**
 * The true linkage behind the agency records: for each real person, the local ids every agency holds for them
 * (duplicates included) and the deliberate differences between those records and the truth. This is what the hub's
 * identity matching is scored against; no simulator ever serves it.
 */
import type { AgencyCode, Population, RecordedDifference } from './model.js';
import { writeJsonDocument } from './json-lines-document.js';

export interface GroundTruthPerson {
  truthKey: string;
  nhsNumber: string | null;
  upn: string | null;
  scenario: string | null;
  expectedFindings: string[] | null;
  socialCare: string[];
  gp: string[];
  education: string[];
  adult: string[];
  differences: RecordedDifference[];
}

export interface GroundTruth {
  seed: number;
  asOf: string;
  people: GroundTruthPerson[];
}

export function groundTruthOf(population: Population): GroundTruth {
  const byKey = new Map<string, GroundTruthPerson>();
  const people = population.people.map((person) => {
    const entry: GroundTruthPerson = {
      truthKey: person.truthKey,
      nhsNumber: person.nhsNumber,
      upn: person.upn,
      scenario: person.scenario ?? null,
      expectedFindings: person.expectedFindings ?? null,
      socialCare: [],
      gp: [],
      education: [],
      adult: [],
      differences: person.recordedDifferences ?? [],
    };
    byKey.set(person.truthKey, entry);
    return entry;
  });
  const link = (agency: AgencyCode, truthKey: string, localId: string) => {
    const entry = byKey.get(truthKey);
    if (!entry) throw new Error(`${agency} record ${localId} names an unknown truthKey ${truthKey}`);
    const list =
      agency === 'social-care'
        ? entry.socialCare
        : agency === 'gp'
          ? entry.gp
          : agency === 'education'
            ? entry.education
            : entry.adult;
    list.push(localId);
  };
  for (const record of population.socialCare) link('social-care', record.truthKey, record.personId);
  for (const record of population.gp) link('gp', record.truthKey, record.patientId);
  for (const record of population.education) link('education', record.truthKey, record.pupilId);
  for (const record of population.adult) link('adult', record.truthKey, record.personId);
  return { seed: population.seed, asOf: population.asOf, people };
}

/** Writes the ground truth as JSON with one person per line (valid JSON, and greppable at 100,000 people). */
export function writeGroundTruth(population: Population, filePath: string): void {
  const truth = groundTruthOf(population);
  writeJsonDocument(filePath, { seed: truth.seed, asOf: truth.asOf }, { people: truth.people });
}
