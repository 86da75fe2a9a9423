/**
 * A small local stand-in for the education API, for unit tests that need real HTTP but no simulator: answers
 * /pupils/search and /pupils/index from the recorded fixtures, counts requests, and misbehaves on cue.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { rawFixture } from './fixtures.js';

export type Misbehaviour = '500' | '400' | 'slow' | 'bad' | 'not-json';

export interface FakeEducationApi {
  baseUrl: string;
  /** Requests received per route, e.g. 'POST /pupils/search'. */
  hits: Map<string, number>;
  /** Ids asked for in each search, in order. */
  searches: string[][];
  /** What the next requests do, one entry each; empty means answer normally. */
  script: Misbehaviour[];
  /** How long a 'slow' answer takes (ms). */
  slowMs: number;
  close(): Promise<void>;
}

export async function startFakeEducationApi(): Promise<FakeEducationApi> {
  const app: FastifyInstance = Fastify();
  const pupils = (rawFixture('pupil-search') as { pupils: Array<{ pupilId: string }> }).pupils;
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
    if (step === '500') return reply.code(500).send({ error: { code: 'X', message: 'failed for P-100' } });
    if (step === '400') return reply.code(400).send({ error: { code: 'INVALID_REQUEST', message: 'no' } });
    if (step === 'slow') await new Promise((resolve) => setTimeout(resolve, api.slowMs));
    if (step === 'bad') return reply.send({ pupils: [{ pupilId: 12345, sen: null }], notFound: {} });
    if (step === 'not-json') return reply.type('application/json').send('{"pupils": [');
    return undefined;
  });
  app.post('/education/v1/pupils/search', async (request) => {
    const { ids } = request.body as { ids: string[] };
    api.searches.push(ids);
    return {
      pupils: ids.flatMap((id) => pupils.filter((pupil) => pupil.pupilId === id)),
      notFound: ids.filter((id) => !pupils.some((pupil) => pupil.pupilId === id)),
    };
  });
  app.get('/education/v1/pupils/index', async () => rawFixture('pupil-index'));

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  api.baseUrl = `${address}/education/v1`;
  return api;
}

export function totalHits(api: FakeEducationApi): number {
  let total = 0;
  for (const count of api.hits.values()) total += count;
  return total;
}
