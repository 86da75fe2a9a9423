/**
 * The patients of one GP feed (one Bundle), so that a clinical resource anywhere in the feed can name its
 * patient as `Patient/<id>` or by the `urn:uuid:` fullUrl of the Patient's entry. Built from every record of the
 * feed, in any order: a feed's records may be processed in several chunks and replays.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { nhsNumberSystem } from './fhir-resource-schemas.js';

/** Reference → the patient's NHS number, or null for a Patient without a valid one. */
export type BundlePatients = ReadonlyMap<string, string | null>;

export interface FeedEntry {
  fullUrl: string | undefined;
  resource: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record is a Bundle entry (`{ fullUrl, resource }`) or, from simpler senders, the bare resource. */
export function feedEntryOf(json: unknown): FeedEntry | null {
  if (!isObject(json)) return null;
  if ('resource' in json) {
    if (!isObject(json['resource'])) return null;
    const fullUrl = json['fullUrl'];
    return { fullUrl: typeof fullUrl === 'string' ? fullUrl : undefined, resource: json['resource'] };
  }
  return { fullUrl: undefined, resource: json };
}

/** The valid NHS number a Patient carries, if any. */
export function patientNhsNumber(resource: Record<string, unknown>): string | null {
  const identifiers = Array.isArray(resource['identifier']) ? (resource['identifier'] as unknown[]) : [];
  for (const identifier of identifiers) {
    if (!isObject(identifier) || identifier['system'] !== nhsNumberSystem) continue;
    const value = identifier['value'];
    if (typeof value === 'string' && isValidNhsNumber(value)) return normaliseNhsNumber(value);
  }
  return null;
}

export function bundlePatients(texts: Iterable<string>): Map<string, string | null> {
  const patients = new Map<string, string | null>();
  for (const text of texts) addBundlePatient(patients, text);
  return patients;
}

export function addBundlePatient(patients: Map<string, string | null>, text: string): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  const entry = feedEntryOf(json);
  if (!entry || entry.resource['resourceType'] !== 'Patient') return;
  const id = entry.resource['id'];
  const nhsNumber = patientNhsNumber(entry.resource);
  // The first Patient with a usable NHS number wins a key; a later one cannot unlink it.
  const put = (key: string) => {
    if (!patients.get(key)) patients.set(key, nhsNumber);
  };
  if (typeof id === 'string') put(`Patient/${id}`);
  if (entry.fullUrl) put(entry.fullUrl);
}
