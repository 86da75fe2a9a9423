import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isHubError } from '../../platform/errors.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createAdultServicesClient } from './adult-client.js';
import { createAdultServicesReadChildren } from './reconciliation-reads.js';
import { adultServicesMerge } from './schema.js';
import { startFakeAdultApi, totalHits, type FakeAdultApi } from './test-fixtures/fake-adult-api.js';
import { fixturePerson } from './test-fixtures/fixtures.js';
import { toAdultSection } from './to-adult-section.js';

let api: FakeAdultApi;
beforeAll(async () => {
  api = await startFakeAdultApi();
  api.slowMs = 800;
});
afterAll(() => api.close());
beforeEach(() => {
  api.hits.clear();
  api.searches.length = 0;
  api.script = [];
});

const asOf = '2026-11-25T09:00:00.000Z';
function readChildren() {
  const policy = createUpstreamPolicy({
    agency: 'ADULT_SERVICES',
    timeoutMs: 400,
    retries: 0,
    breakerThreshold: 100,
    breakerHalfOpenMs: 60_000,
  });
  return createAdultServicesReadChildren({
    client: createAdultServicesClient({ baseUrl: api.baseUrl, policy }),
    now: () => new Date(asOf),
    onMappingError: () => undefined,
  });
}

const keyFor = (adultPersonIds: string[]) => adultServicesMerge['Child']!.key!({ adultPersonIds });

describe('adult services readChildren', () => {
  it('answers the subschema section, one per key in order, from one search for every key', async () => {
    const read = await readChildren()([keyFor(['AP-1', 'AP-2']), keyFor([]), keyFor(['AP-404'])]);
    expect(read).toEqual([
      {
        source: { agency: 'ADULT_SERVICES', state: 'OK', asOf, reason: null },
        section: toAdultSection([fixturePerson('AP-1'), fixturePerson('AP-2')]),
      },
      { source: { agency: 'ADULT_SERVICES', state: 'NOT_LINKED', asOf: null, reason: null }, section: null },
      {
        source: { agency: 'ADULT_SERVICES', state: 'NOT_LINKED', asOf, reason: 'RECORD_NOT_FOUND' },
        section: null,
      },
    ]);
    expect(api.searches).toEqual([['AP-1', 'AP-2', 'AP-404']]);
  });

  it('keeps nothing between calls, and asks nobody when no key names a person', async () => {
    const read = readChildren();
    await read([keyFor(['AP-1'])]);
    await read([keyFor(['AP-1'])]);
    expect(totalHits(api)).toBe(2);
    await read([keyFor([])]);
    expect(totalHits(api)).toBe(2);
  });

  it.each([
    ['a failing system', '500', 'UNAVAILABLE', 'UPSTREAM_HTTP_500'],
    ['a slow system', 'slow', 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
  ] as const)('reports %s in every linked source instead of throwing', async (_name, step, state, reason) => {
    api.script = [step];
    const read = await readChildren()([keyFor(['AP-1']), keyFor(['AP-3']), keyFor([])]);
    expect(read.map((child) => child.source)).toEqual([
      { agency: 'ADULT_SERVICES', state, asOf, reason },
      { agency: 'ADULT_SERVICES', state, asOf, reason },
      { agency: 'ADULT_SERVICES', state: 'NOT_LINKED', asOf: null, reason: null },
    ]);
    expect(read.map((child) => child.section)).toEqual([null, null, null]);
  });

  it('refuses a key its merge config did not make, without repeating its values', async () => {
    const error = await readChildren()([{ ids: ['AP-1'] }]).catch((caught: unknown) => caught);
    expect(isHubError(error) && error.code).toBe('INTERNAL');
    expect(JSON.stringify({ error, message: (error as Error).message })).not.toContain('AP-1');
    expect(totalHits(api)).toBe(0);
  });
});
