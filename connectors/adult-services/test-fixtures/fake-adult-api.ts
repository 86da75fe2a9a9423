/**
 * A small local stand-in for the adult services API, for unit tests that need real HTTP but no simulator:
 * answers /people/search, /people/index and handoff intake, counts requests, and misbehaves on cue.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { rawFixture } from './fixtures.js';

export type Misbehaviour = '500' | '503' | '409' | 'slow' | 'bad';

export interface FakeAdultApi {
  baseUrl: string;
  /** Requests received per route, e.g. 'POST /people/search'. */
  hits: Map<string, number>;
  searches: string[][];
  script: Misbehaviour[];
  slowMs: number;
  close(): Promise<void>;
}

export async function startFakeAdultApi(): Promise<FakeAdultApi> {
  const app: FastifyInstance = Fastify();
  const people = (rawFixture('person-search') as { people: Array<{ personId: string }> }).people;
  const handoffs = new Map<string, string>();
  const api = {
    baseUrl: '',
    hits: new Map<string, number>(),
    searches: [] as string[][],
    script: [] as Misbehaviour[],
    slowMs: 2500,
    close: () => app.close(),
  };

  app.addHook('onRequest', async (request, reply) => {
    const route = `${request.method} ${request.url.split('?')[0]}`;
    api.hits.set(route, (api.hits.get(route) ?? 0) + 1);
    const step = api.script.shift();
    if (step === '500') return reply.code(500).send({ error: { code: 'X', message: 'failed for AP-1' } });
    if (step === '503')
      return reply.code(503).send({ error: { code: 'INTAKE_UNAVAILABLE', message: 'later' } });
    if (step === '409')
      return reply.code(409).send({ error: { code: 'HANDOFF_CONFLICT', message: 'ASC-1 differs' } });
    if (step === 'slow') await new Promise((resolve) => setTimeout(resolve, api.slowMs));
    if (step === 'bad') return reply.send({ people: [{ personId: null, cldEvents: 'n/a' }], ref: 1 });
    return undefined;
  });
  app.post('/adult/v1/people/search', async (request) => {
    const { ids } = request.body as { ids: string[] };
    api.searches.push(ids);
    return {
      people: ids.flatMap((id) => people.filter((person) => person.personId === id)),
      notFound: ids.filter((id) => !people.some((person) => person.personId === id)),
    };
  });
  app.get('/adult/v1/people/index', async () => rawFixture('person-index'));
  app.post('/adult/v1/transition-handoffs', async (request, reply) => {
    const { handoffId } = request.body as { handoffId: string };
    const known = handoffs.get(handoffId);
    if (known) return reply.code(200).send({ reference: known, status: 'RECEIVED' });
    const reference = `ASC-${String(handoffs.size + 1).padStart(8, '0')}`;
    handoffs.set(handoffId, reference);
    return reply.code(201).send({ reference, status: 'RECEIVED' });
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  api.baseUrl = `${address}/adult/v1`;
  return api;
}

export function totalHits(api: FakeAdultApi): number {
  let total = 0;
  for (const count of api.hits.values()) total += count;
  return total;
}
