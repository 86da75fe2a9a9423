import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createEducationClient } from './education-client.js';
import {
  startFakeEducationApi,
  totalHits,
  type FakeEducationApi,
} from './test-fixtures/fake-education-api.js';

let api: FakeEducationApi;
beforeAll(async () => {
  api = await startFakeEducationApi();
  api.slowMs = 2500;
  // The first request on a new connection is slow to set up; keep it out of the timed tests.
  await (await fetch(`${api.baseUrl}/pupils/index`)).text();
});
afterAll(() => api.close());
beforeEach(() => {
  api.hits.clear();
  api.searches.length = 0;
  api.script = [];
});

const makeClient = (policy: Partial<UpstreamPolicyConfig> = {}) =>
  createEducationClient({
    baseUrl: api.baseUrl,
    policy: createUpstreamPolicy({
      agency: 'EDUCATION',
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

/** What a client (or a log line) could see of an error: nothing identifying may be in it. */
function visible(error: HubError): string {
  return JSON.stringify({ message: error.message, safe: error.safeMessage, details: error.details });
}

describe('education client', () => {
  it('reads every asked-for pupil with one search, ids in the body', async () => {
    const answer = await makeClient().searchPupils(['P-200', 'P-100', 'NOPE']);
    expect(answer.pupils.map((pupil) => pupil.pupilId)).toEqual(['P-200', 'P-100']);
    expect(answer.notFound).toEqual(['NOPE']);
    expect(api.hits.get('POST /education/v1/pupils/search')).toBe(1);
    expect(api.searches).toEqual([['P-200', 'P-100', 'NOPE']]);
  });

  it('retries the search (a read, though a POST) after a transient failure, then succeeds', async () => {
    api.script = ['500', 'slow'];
    const answer = await makeClient().searchPupils(['P-100']);
    expect(answer.pupils).toHaveLength(1);
    expect(totalHits(api)).toBe(3);
  });

  it('times out each attempt and reports UPSTREAM_TIMEOUT, naming only the agency', async () => {
    api.script = ['slow', 'slow', 'slow'];
    const error = await failure(makeClient().searchPupils(['P-100']));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.details).toEqual({ agency: 'EDUCATION', reason: 'UPSTREAM_TIMEOUT' });
    expect(totalHits(api)).toBe(3);
  });

  it('does not retry a rejection (4xx)', async () => {
    api.script = ['400'];
    const error = await failure(makeClient().searchPupils(['P-100']));
    expect(error.details).toEqual({ agency: 'EDUCATION', reason: 'UPSTREAM_REJECTED_400' });
    expect(totalHits(api)).toBe(1);
  });

  it('turns a payload that breaks the contract into UPSTREAM_BAD_PAYLOAD without echoing it', async () => {
    api.script = ['bad'];
    const bad = await failure(makeClient().searchPupils(['P-100']));
    expect(bad.code).toBe('UPSTREAM_BAD_PAYLOAD');
    expect(visible(bad)).not.toContain('12345');
    api.script = ['not-json'];
    expect((await failure(makeClient().searchPupils(['P-100']))).code).toBe('UPSTREAM_BAD_PAYLOAD');
  });

  it('opens the circuit after consecutive failures and then fails fast without calling', async () => {
    const client = makeClient({ retries: 0, breakerThreshold: 3 });
    api.script = ['500', '500', '500'];
    for (let i = 0; i < 3; i += 1) await failure(client.searchPupils(['P-100']));
    const before = totalHits(api);
    const error = await failure(client.searchPupils(['P-100']));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.details).toEqual({ agency: 'EDUCATION', reason: 'CIRCUIT_OPEN' });
    expect(totalHits(api)).toBe(before);
  });

  it('pings without retrying, so readiness answers quickly', async () => {
    await makeClient().ping();
    api.script = ['500', '500'];
    api.hits.clear();
    const error = await failure(makeClient().ping());
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(totalHits(api)).toBe(1);
  });

  it('never puts identifiers, upstream bodies or URLs in its errors', async () => {
    api.script = ['500', '500', '500'];
    const error = await failure(makeClient().searchPupils(['P-100']));
    expect(visible(error)).not.toMatch(/P-100|failed for|127\.0\.0\.1|education\/v1/);
  });

  it('reads an index page with the cursor it was given', async () => {
    const page = await makeClient().indexPage('cDI', 2);
    expect(page.people.map((person) => person.id)).toEqual(['P-100', 'P-200']);
    expect(page.next).toBe('cDI');
  });
});
