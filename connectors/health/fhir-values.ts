/** Small pure readers of FHIR datatypes, shared by the mappers. */
import type { CodeableConcept, Coding, HumanName, Reference } from './payload-schemas.js';

export const systems = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  odsOrganisationCode: 'https://fhir.nhs.uk/Id/ods-organization-code',
  snomed: 'http://snomed.info/sct',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
} as const;

const referencePattern = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The type and logical id a reference points at. Relative (`Patient/1`), absolute
 * (`https://gp.example/fhir/Patient/1`) and versioned (`Patient/1/_history/2`) references all name the same
 * resource; contained (`#x`) and logical-only references name none the connector can follow.
 */
export function referenceTarget(reference: Reference | undefined): { type: string; id: string } | null {
  const match = reference?.reference === undefined ? null : referencePattern.exec(reference.reference);
  return match ? { type: match[1] as string, id: match[2] as string } : null;
}

/** `Type/id`, the key resources are indexed under. */
export const resourceKey = (type: string, id: string): string => `${type}/${id}`;

/** The code a concept carries, preferring the given system (SNOMED CT unless told otherwise). */
export function preferredCoding(
  concept: CodeableConcept | undefined,
  system: string = systems.snomed,
): Coding | undefined {
  const codings = concept?.coding ?? [];
  return codings.find((coding) => coding.system === system) ?? codings[0];
}

/** What a person reads for a concept: its text, else a coding's display, else its code. */
export function conceptText(concept: CodeableConcept | undefined): string | null {
  if (concept?.text !== undefined && concept.text.trim() !== '') return concept.text;
  for (const coding of concept?.coding ?? []) if (coding.display) return coding.display;
  for (const coding of concept?.coding ?? []) if (coding.code) return coding.code;
  return null;
}

/** The first code from a concept (e.g. a clinical status), whatever the system. */
export function conceptCode(concept: CodeableConcept | undefined): string | null {
  for (const coding of concept?.coding ?? []) if (coding.code) return coding.code;
  return null;
}

/** A name as people write it: `text` if the system gave one, else prefix, given names and family name. */
export function humanNameText(name: HumanName | undefined): string | null {
  if (name === undefined) return null;
  if (name.text !== undefined && name.text.trim() !== '') return name.text.trim();
  const parts = [...(name.prefix ?? []), ...(name.given ?? []), ...(name.family ? [name.family] : [])];
  const joined = parts.join(' ').trim();
  return joined === '' ? null : joined;
}

/** The name in use: the official one if there is one, else the first that is not old. */
export function currentName(names: readonly HumanName[] | undefined): HumanName | undefined {
  const list = names ?? [];
  return list.find((name) => name.use === 'official') ?? list.find((name) => name.use !== 'old') ?? list[0];
}

/**
 * A FHIR date or dateTime (validated by the payload schemas) as an instant, for ordering events: a partial date
 * means the start of the period it names (2019 → 2019-01-01T00:00:00.000Z), a date without a time its UTC
 * midnight. Null when there is no date.
 */
export function toInstant(value: string | undefined | null): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value.includes('T')) {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  }
  const [yearPart, monthPart = '01', dayPart = '01'] = value.split('-');
  const parsed = new Date(`${yearPart}-${monthPart}-${dayPart}T00:00:00.000Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** A complete calendar date (YYYY-MM-DD) or null: partial FHIR dates say less than a date of birth needs. */
export function fullDate(value: string | undefined): string | null {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}
