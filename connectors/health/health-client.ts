/**
 * The GP system's FHIR R4 API as the connector uses it: patient searches (following `next` links), validated by
 * zod, through the shared upstream policy (per-attempt timeout, jittered retries for reads, circuit breaker).
 * Every failure leaves as a HubError naming the agency and a reason code, never a URL, body or identifier.
 */
import { HubError } from '../../platform/errors.js';
import type { HttpJsonClient } from '../../platform/upstream/http-json-client.js';
import type { FhirResource, SearchSetBundle } from './payload-schemas.js';
import { capabilityStatementSchema, searchSetBundleSchema } from './payload-schemas.js';
import type { SearchHttpRequest } from './search-requests.js';
import {
  followableLink,
  nextLinkOf,
  patientPageParams,
  patientPracticesParams,
  patientRecordsParams,
  searchRequest,
} from './search-requests.js';

export const healthAgency = 'HEALTH';

export interface PatientPage {
  /** The page's matched patients (and anything the server included). */
  resources: FhirResource[];
  /** Absolute URL of the next page, on the server's origin; null on the last page. */
  next: string | null;
}

export interface HealthClient {
  /** Patients by id with all their clinical records and registration, in one search (plus any `next` pages). */
  patientRecords(ids: readonly string[]): Promise<FhirResource[]>;
  /** Patients by id with their registered practice only. */
  patientPractices(ids: readonly string[]): Promise<FhirResource[]>;
  /** One page of all patients: the first when `url` is null, else the page a previous `next` named. */
  patientPage(url: string | null, limit: number): Promise<PatientPage>;
  /** Reads the CapabilityStatement: answers when the server answers and speaks R4. */
  capabilities(): Promise<void>;
}

export interface HealthClientOptions {
  baseUrl: string;
  pageSize: number;
  http: HttpJsonClient;
}

/**
 * Headers for every search. Strict handling makes a server that cannot honour a parameter refuse the search
 * rather than silently leave, say, allergies out of the answer.
 */
const searchHeaders = { accept: 'application/fhir+json', prefer: 'handling=strict' };

export function createHealthClient(options: HealthClientOptions): HealthClient {
  const { baseUrl, pageSize, http } = options;

  const fetchBundle = (request: SearchHttpRequest): Promise<SearchSetBundle> =>
    http.request({
      method: request.method,
      url: request.url,
      ...(request.form ? { form: request.form } : {}),
      headers: searchHeaders,
      schema: searchSetBundleSchema,
      // A search changes nothing, so it is retried even when it has to be POSTed.
      idempotent: true,
    });

  /**
   * Runs a search and follows `next` links to the end. Each page holds at least one match, so a search for n
   * patients cannot honestly take more than n + 1 pages; more means the server is looping.
   */
  async function searchAll(first: SearchHttpRequest, maxPages: number): Promise<FhirResource[]> {
    const resources: FhirResource[] = [];
    let request: SearchHttpRequest | null = first;
    for (let page = 0; request !== null; page += 1) {
      if (page >= maxPages) {
        throw new HubError('UPSTREAM_BAD_PAYLOAD', {
          details: { agency: healthAgency, reason: 'UPSTREAM_PAGING_LOOP' },
        });
      }
      const bundle = await fetchBundle(request);
      for (const entry of bundle.entry ?? []) resources.push(entry.resource);
      const next = nextLinkOf(bundle.link);
      request = next === null ? null : { method: 'GET', url: followableLink(baseUrl, next, healthAgency) };
    }
    return resources;
  }

  return {
    async patientRecords(ids) {
      if (ids.length === 0) return [];
      return searchAll(
        searchRequest(baseUrl, 'Patient', patientRecordsParams(ids, pageSize)),
        ids.length + 1,
      );
    },

    async patientPractices(ids) {
      if (ids.length === 0) return [];
      return searchAll(
        searchRequest(baseUrl, 'Patient', patientPracticesParams(ids, pageSize)),
        ids.length + 1,
      );
    },

    async patientPage(url, limit) {
      const request: SearchHttpRequest =
        url === null
          ? searchRequest(baseUrl, 'Patient', patientPageParams(limit))
          : { method: 'GET', url: followableLink(baseUrl, url, healthAgency) };
      const bundle = await fetchBundle(request);
      const next = nextLinkOf(bundle.link);
      return {
        resources: (bundle.entry ?? []).map((entry) => entry.resource),
        next: next === null ? null : followableLink(baseUrl, next, healthAgency),
      };
    },

    async capabilities() {
      await http.request({
        url: `${baseUrl}/metadata`,
        headers: { accept: 'application/fhir+json' },
        schema: capabilityStatementSchema,
        // Readiness wants a prompt answer, not one that waited out the retries.
        idempotent: false,
      });
    },
  };
}
