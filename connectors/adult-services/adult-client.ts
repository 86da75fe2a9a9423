/**
 * The adult social care system's API, through the shared resilient upstream client: per-attempt timeout, retries
 * with jittered backoff for reads (the batch search is a POST but only reads, so it is retried too), and a circuit
 * breaker. Answers are validated with zod; failures leave as HubErrors naming the agency and a reason only.
 */
import { HubError } from '../../platform/errors.js';
import { createHttpJsonClient, type HttpJsonClient } from '../../platform/upstream/http-json-client.js';
import type { UpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import {
  handoffAnswerSchema,
  personIndexAnswerSchema,
  personSearchAnswerSchema,
  type PersonIndexAnswer,
  type PersonSearchAnswer,
} from './payload-schemas.js';
import type { HandoffReceipt, TransitionHandoffPackage } from './transition-handoff.js';

export const adultServicesAgency = 'ADULT_SERVICES';
/** The system's own limit for one POST /people/search. */
export const maxIdsPerSearch = 10_000;

export interface AdultServicesClient {
  /** Every record for these person ids in one request (at most `maxIdsPerSearch`). */
  searchPeople(personIds: readonly string[]): Promise<PersonSearchAnswer>;
  /** One page of the identity listing. */
  indexPage(cursor: string | null, limit: number): Promise<PersonIndexAnswer>;
  /**
   * Hands a transition package to adult services' intake. Sent once: never retried here (the handoff job owns
   * retries and idempotency). A package already received answers with the same reference and `created: false`;
   * the same handoffId with a different package is a CONFLICT.
   */
  submitHandoff(pkg: TransitionHandoffPackage): Promise<HandoffReceipt>;
  /** Resolves when the system answers a minimal read; not retried, so readiness answers quickly. */
  ping(): Promise<void>;
}

export function createAdultServicesClient(options: {
  baseUrl: string;
  policy: UpstreamPolicy;
  fetchImpl?: typeof fetch;
}): AdultServicesClient {
  const fetchImpl = options.fetchImpl ?? fetch;
  const httpClient = (fetchFn: typeof fetch): HttpJsonClient =>
    createHttpJsonClient({ agency: adultServicesAgency, policy: options.policy, fetchImpl: fetchFn });
  const http = httpClient(fetchImpl);
  const base = options.baseUrl;
  const indexUrl = (cursor: string | null, limit: number) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return `${base}/people/index?${query.toString()}`;
  };

  return {
    async searchPeople(personIds) {
      if (personIds.length > maxIdsPerSearch) throw new RangeError('too many person ids for one search');
      // Ids go in the body, never the URL, so no identifier reaches an access log or an error.
      return http.request({
        method: 'POST',
        url: `${base}/people/search`,
        body: { ids: personIds },
        schema: personSearchAnswerSchema,
        idempotent: true,
      });
    },
    indexPage(cursor, limit) {
      return http.request({ url: indexUrl(cursor, limit), schema: personIndexAnswerSchema });
    },
    async submitHandoff(pkg) {
      // 201 means filed now, 200 a replay of a package already filed: the status is all that tells them apart.
      let status = 0;
      const recordingStatus: typeof fetch = async (input, init) => {
        const response = await fetchImpl(input, init);
        status = response.status;
        return response;
      };
      try {
        const answer = await httpClient(recordingStatus).request({
          method: 'POST',
          url: `${base}/transition-handoffs`,
          body: pkg,
          schema: handoffAnswerSchema,
          idempotent: false,
        });
        return { reference: answer.reference, status: answer.status, created: status === 201 };
      } catch (error) {
        if (error instanceof HubError && error.details?.['reason'] === 'UPSTREAM_REJECTED_409') {
          throw new HubError('CONFLICT', {
            safeMessage: 'Adult services already hold a different package under this handoff id.',
            details: { agency: adultServicesAgency, reason: 'HANDOFF_CONFLICT' },
            cause: error,
          });
        }
        throw error;
      }
    },
    async ping() {
      await http.request({ url: indexUrl(null, 1), schema: personIndexAnswerSchema, idempotent: false });
    },
  };
}
