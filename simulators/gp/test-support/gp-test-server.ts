import type { FastifyInstance } from 'fastify';
import { RequestCounter } from '../../kit/counters.js';
import { FaultController } from '../../kit/faults.js';
import { WebhookSender } from '../../kit/webhooks.js';
import type { Population } from '../../population/model.js';
import type { GpServerOptions } from '../server.js';
import { createGpServer } from '../server.js';
import { gpFixturePopulation } from '../fixture-population.js';

export interface GpTestServer {
  app: FastifyInstance;
  counters: RequestCounter;
  faults: FaultController;
  webhooks: WebhookSender;
}

/** A GP server over the fixture (or a given population) with healthy faults and webhooks recorded, not posted. */
export function gpTestServer(
  options: Partial<Omit<GpServerOptions, 'population'>> & {
    population?: Population;
    extraPatients?: number;
  } = {},
): GpTestServer {
  const { extraPatients, population, ...rest } = options;
  const counters = rest.counters ?? new RequestCounter();
  const faults = rest.faults ?? new FaultController();
  const webhooks = rest.webhooks ?? new WebhookSender({ url: null, secret: 'test-secret-0123456789' });
  const app = createGpServer({
    ...rest,
    population: population ?? gpFixturePopulation(extraPatients === undefined ? {} : { extraPatients }),
    counters,
    faults,
    webhooks,
  });
  return { app, counters, faults, webhooks };
}

export interface FhirResponse {
  status: number;
  contentType: string;
  headers: Record<string, unknown>;
  // Tests read arbitrary FHIR JSON; the validator tests check its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function fhirGet(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string> = {},
): Promise<FhirResponse> {
  const response = await app.inject({
    method: 'GET',
    url,
    headers: { accept: 'application/fhir+json', ...headers },
  });
  return {
    status: response.statusCode,
    contentType: String(response.headers['content-type'] ?? ''),
    headers: response.headers,
    body: response.body === '' ? null : JSON.parse(response.body),
  };
}

/** The ids of a searchset Bundle's entries in the given search mode. */
export function entryIds(
  bundle: { entry?: Array<{ resource: { resourceType: string; id?: string }; search: { mode: string } }> },
  mode = 'match',
): string[] {
  return (bundle.entry ?? [])
    .filter((entry) => entry.search.mode === mode)
    .map((entry) => `${entry.resource.resourceType}/${entry.resource.id ?? ''}`);
}

/** A next/self link made relative to the server, for app.inject. */
export function linkPath(
  bundle: { link: Array<{ relation: string; url: string }> },
  relation: string,
): string | null {
  const link = bundle.link.find((candidate) => candidate.relation === relation);
  if (!link) return null;
  const url = new URL(link.url);
  return `${url.pathname}${url.search}`;
}
