/**
 * The education / SEND system's API, through the shared resilient upstream client: per-attempt timeout, retries
 * with jittered backoff for reads (the batch search is a POST but only reads, so it is retried too), and a circuit
 * breaker. Answers are validated with zod; failures leave as HubErrors naming the agency and a reason only.
 */
import { createHttpJsonClient } from '../../platform/upstream/http-json-client.js';
import type { UpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import {
  pupilIndexAnswerSchema,
  pupilSearchAnswerSchema,
  type PupilIndexAnswer,
  type PupilSearchAnswer,
} from './payload-schemas.js';

export const educationAgency = 'EDUCATION';
/** The system's own limit for one POST /pupils/search. */
export const maxIdsPerSearch = 10_000;

export interface EducationClient {
  /** Every record for these pupil ids in one request (at most `maxIdsPerSearch`). */
  searchPupils(pupilIds: readonly string[]): Promise<PupilSearchAnswer>;
  /** One page of the identity listing. */
  indexPage(cursor: string | null, limit: number): Promise<PupilIndexAnswer>;
  /** Resolves when the system answers a minimal read; not retried, so readiness answers quickly. */
  ping(): Promise<void>;
}

export function createEducationClient(options: {
  baseUrl: string;
  policy: UpstreamPolicy;
  fetchImpl?: typeof fetch;
}): EducationClient {
  const http = createHttpJsonClient({
    agency: educationAgency,
    policy: options.policy,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  const base = options.baseUrl;
  const indexUrl = (cursor: string | null, limit: number) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return `${base}/pupils/index?${query.toString()}`;
  };

  return {
    async searchPupils(pupilIds) {
      if (pupilIds.length > maxIdsPerSearch) throw new RangeError('too many pupil ids for one search');
      // Ids go in the body, never the URL, so no identifier reaches an access log or an error.
      return http.request({
        method: 'POST',
        url: `${base}/pupils/search`,
        body: { ids: pupilIds },
        schema: pupilSearchAnswerSchema,
        idempotent: true,
      });
    },
    indexPage(cursor, limit) {
      return http.request({ url: indexUrl(cursor, limit), schema: pupilIndexAnswerSchema });
    },
    async ping() {
      await http.request({ url: indexUrl(null, 1), schema: pupilIndexAnswerSchema, idempotent: false });
    },
  };
}
