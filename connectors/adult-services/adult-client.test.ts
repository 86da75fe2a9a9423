import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createAdultServicesClient } from './adult-client.js';
import { startFakeAdultApi, totalHits, type FakeAdultApi } from './test-fixtures/fake-adult-api.js';
import type { TransitionHandoffPackage } from './transition-handoff.js';

let api: FakeAdultApi;
beforeAll(async () => {
  api = await startFakeAdultApi();
  // The first request on a new connection is slow to set up; keep it out of the timed tests.
  await (await fetch(`${api.baseUrl}/people/index`)).text();
});
afterAll(() => api.close());
beforeEach(() => {
  api.hits.clear();
  api.searches.length = 0;
  api.script = [];
});

const makeClient = (policy: Partial<UpstreamPolicyConfig> = {}) =>
  createAdultServicesClient({
    baseUrl: api.baseUrl,
    policy: createUpstreamPolicy({
      agency: 'ADULT_SERVICES',
      timeoutMs: 1000,
      retries: 2,
      breakerThreshold: 5,
      breakerHalfOpenMs: 60_000,
      ...policy,
    }),
  });

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    return error as HubError;
  }
  throw new Error('expected a failure');
}

const visible = (error: HubError) =>
  JSON.stringify({ message: error.message, safe: error.safeMessage, details: error.details });

const handoff = (handoffId = 'HUB-HO-1'): TransitionHandoffPackage => ({
  handoffId,
  sentAt: '2026-11-25T09:00:00Z',
  child: { nhsNumber: null, givenName: 'Rae', familyName: 'Reed', dateOfBirth: '2008-02-03', sex: 'F' },
  sections: [{ type: 'HEALTH', content: { conditions: [] } }],
});

describe('adult services client', () => {
  it('reads every asked-for person with one search, ids in the body', async () => {
    const answer = await makeClient().searchPeople(['AP-3', 'AP-1', 'NOPE']);
    expect(answer.people.map((person) => person.personId)).toEqual(['AP-3', 'AP-1']);
    expect(answer.notFound).toEqual(['NOPE']);
    expect(api.searches).toEqual([['AP-3', 'AP-1', 'NOPE']]);
    expect(totalHits(api)).toBe(1);
  });

  it('retries the search (a read, though a POST) after a transient failure, then succeeds', async () => {
    api.script = ['500', 'slow'];
    expect((await makeClient().searchPeople(['AP-1'])).people).toHaveLength(1);
    expect(totalHits(api)).toBe(3);
  });

  it('times out each attempt and reports UPSTREAM_TIMEOUT, naming only the agency', async () => {
    api.script = ['slow', 'slow', 'slow'];
    const error = await failure(makeClient().searchPeople(['AP-1']));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.details).toEqual({ agency: 'ADULT_SERVICES', reason: 'UPSTREAM_TIMEOUT' });
  });

  it('turns a payload that breaks the contract into UPSTREAM_BAD_PAYLOAD without echoing it', async () => {
    api.script = ['bad'];
    const error = await failure(makeClient().searchPeople(['AP-1']));
    expect(error.code).toBe('UPSTREAM_BAD_PAYLOAD');
    expect(visible(error)).not.toContain('n/a');
  });

  it('opens the circuit after consecutive failures and then fails fast without calling', async () => {
    const client = makeClient({ retries: 0, breakerThreshold: 3 });
    api.script = ['500', '500', '500'];
    for (let i = 0; i < 3; i += 1) await failure(client.searchPeople(['AP-1']));
    const before = totalHits(api);
    const error = await failure(client.searchPeople(['AP-1']));
    expect(error.details).toEqual({ agency: 'ADULT_SERVICES', reason: 'CIRCUIT_OPEN' });
    expect(totalHits(api)).toBe(before);
  });

  it('never puts identifiers, upstream bodies or URLs in its errors', async () => {
    api.script = ['500', '500', '500'];
    const error = await failure(makeClient().searchPeople(['AP-1']));
    expect(visible(error)).not.toMatch(/AP-1|failed for|127\.0\.0\.1|adult\/v1/);
  });

  describe('submitHandoff', () => {
    it('files a package and says whether it was new or a replay, with the same reference', async () => {
      const client = makeClient();
      const first = await client.submitHandoff(handoff('HUB-HO-NEW'));
      const replay = await client.submitHandoff(handoff('HUB-HO-NEW'));
      expect(first).toEqual({ reference: expect.stringMatching(/^ASC-/), status: 'RECEIVED', created: true });
      expect(replay).toEqual({ ...first, created: false });
    });

    it('is sent once and never retried here, even when the intake is briefly unavailable', async () => {
      api.script = ['503'];
      const error = await failure(makeClient().submitHandoff(handoff()));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.details).toEqual({ agency: 'ADULT_SERVICES', reason: 'UPSTREAM_HTTP_503' });
      expect(api.hits.get('POST /adult/v1/transition-handoffs')).toBe(1);
    });

    it('is not retried after a timeout either', async () => {
      api.script = ['slow'];
      const error = await failure(makeClient().submitHandoff(handoff()));
      expect(error.code).toBe('UPSTREAM_TIMEOUT');
      expect(api.hits.get('POST /adult/v1/transition-handoffs')).toBe(1);
    });

    it('reports a different package under a used handoff id as CONFLICT', async () => {
      api.script = ['409'];
      const error = await failure(makeClient().submitHandoff(handoff()));
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toEqual({ agency: 'ADULT_SERVICES', reason: 'HANDOFF_CONFLICT' });
      expect(visible(error)).not.toContain('ASC-1');
    });

    it('rejects an answer without a reference as UPSTREAM_BAD_PAYLOAD', async () => {
      api.script = ['bad'];
      expect((await failure(makeClient().submitHandoff(handoff()))).code).toBe('UPSTREAM_BAD_PAYLOAD');
    });
  });

  it('pings without retrying, so readiness answers quickly', async () => {
    await makeClient().ping();
    api.hits.clear();
    api.script = ['500', '500'];
    expect((await failure(makeClient().ping())).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(totalHits(api)).toBe(1);
  });
});
