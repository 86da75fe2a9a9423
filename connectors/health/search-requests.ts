/**
 * How the connector asks a FHIR R4 server for things, using only standard REST search: the URLs and form bodies
 * of its searches, and the checks on the `next` links it is told to follow. Pure, so the wire format is unit
 * tested without a server.
 */
import { HubError } from '../../platform/errors.js';
import { fhirIdPattern } from './payload-schemas.js';

export interface SearchHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  form?: URLSearchParams;
}

/** Above this URL length a search goes as `POST [base]/<Type>/_search` with a form body (servers and proxies cap URLs). */
export const maxGetUrlLength = 2000;

/** The clinical resources read for a child, each fetched by reverse include on the Patient search. */
export const clinicalRevIncludes = [
  'Condition:patient',
  'MedicationStatement:patient',
  'AllergyIntolerance:patient',
  'Immunization:patient',
  'Encounter:patient',
  'Observation:patient',
] as const;

/** Logical ids that can be searched for: FHIR ids only, so nothing a caller passes can add a search value. */
export function searchableIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => fhirIdPattern.test(id)))];
}

/** Patients by id with every clinical record and their registered practice and GP, in one search. */
export function patientRecordsParams(ids: readonly string[], pageSize: number): URLSearchParams {
  const params = new URLSearchParams({ _id: ids.join(',') });
  for (const revInclude of clinicalRevIncludes) params.append('_revinclude', revInclude);
  params.append('_include', 'Patient:general-practitioner');
  params.append('_count', String(Math.max(1, Math.min(ids.length, pageSize))));
  return params;
}

/** Patients by id with only their registered practice (for relationships). */
export function patientPracticesParams(ids: readonly string[], pageSize: number): URLSearchParams {
  const params = new URLSearchParams({ _id: ids.join(',') });
  params.append('_include', 'Patient:general-practitioner:Organization');
  params.append('_count', String(Math.max(1, Math.min(ids.length, pageSize))));
  return params;
}

/** A page of all patients (for the person index). */
export function patientPageParams(limit: number): URLSearchParams {
  return new URLSearchParams({ _count: String(Math.max(1, limit)) });
}

/** GET when the URL is short enough, else POST `_search` with the same parameters as a form body. */
export function searchRequest(baseUrl: string, type: string, params: URLSearchParams): SearchHttpRequest {
  const url = `${baseUrl}/${type}?${params.toString()}`;
  if (url.length <= maxGetUrlLength) return { method: 'GET', url };
  return { method: 'POST', url: `${baseUrl}/${type}/_search`, form: params };
}

/**
 * A `next` link, resolved against the base and accepted only on the server's own origin: a link elsewhere would
 * send the hub's requests (and the ids in them) to another host. Servers may page on a different path (some use
 * `[base]?_getpages=`), so only the origin is checked.
 */
export function followableLink(baseUrl: string, link: string, agency: string): string {
  let resolved: URL;
  try {
    resolved = new URL(link, `${baseUrl}/`);
  } catch {
    throw new HubError('UPSTREAM_BAD_PAYLOAD', { details: { agency, reason: 'UPSTREAM_BAD_LINK' } });
  }
  if (resolved.origin !== new URL(baseUrl).origin) {
    throw new HubError('UPSTREAM_BAD_PAYLOAD', { details: { agency, reason: 'UPSTREAM_FOREIGN_LINK' } });
  }
  return resolved.toString();
}

/** The `next` link of a Bundle, if any. */
export function nextLinkOf(
  links: ReadonlyArray<{ relation: string; url: string }> | undefined,
): string | null {
  return links?.find((link) => link.relation === 'next')?.url ?? null;
}
