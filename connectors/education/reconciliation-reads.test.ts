import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isHubError } from '../../platform/errors.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createEducationClient } from './education-client.js';
import { createEducationReadChildren } from './reconciliation-reads.js';
import { educationMerge } from './schema.js';
import {
  startFakeEducationApi,
  totalHits,
  type FakeEducationApi,
} from './test-fixtures/fake-education-api.js';
import { fixturePupil } from './test-fixtures/fixtures.js';
import { toEducationSection } from './to-education-section.js';

let api: FakeEducationApi;
beforeAll(async () => {
  api = await startFakeEducationApi();
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
    agency: 'EDUCATION',
    timeoutMs: 400,
    retries: 0,
    breakerThreshold: 100,
    breakerHalfOpenMs: 60_000,
  });
  return createEducationReadChildren({
    client: createEducationClient({ baseUrl: api.baseUrl, policy }),
    now: () => new Date(asOf),
    onMappingError: () => undefined,
  });
}

const keyFor = (educationPupilIds: string[]) => educationMerge['Child']!.key!({ educationPupilIds });

describe('education readChildren', () => {
  it('answers the subschema section, one per key in order, from one search for every key', async () => {
    const read = await readChildren()([keyFor(['P-100', 'P-101']), keyFor([]), keyFor(['P-404'])]);
    expect(read).toEqual([
      {
        source: { agency: 'EDUCATION', state: 'OK', asOf, reason: null },
        section: toEducationSection([fixturePupil('P-100'), fixturePupil('P-101')]),
      },
      { source: { agency: 'EDUCATION', state: 'NOT_LINKED', asOf: null, reason: null }, section: null },
      {
        source: { agency: 'EDUCATION', state: 'NOT_LINKED', asOf, reason: 'RECORD_NOT_FOUND' },
        section: null,
      },
    ]);
    expect(api.searches).toEqual([['P-100', 'P-101', 'P-404']]);
  });

  it('keeps nothing between calls, and asks nobody when no key names a pupil', async () => {
    const read = readChildren();
    await read([keyFor(['P-100'])]);
    await read([keyFor(['P-100'])]);
    expect(totalHits(api)).toBe(2);
    await read([keyFor([])]);
    expect(totalHits(api)).toBe(2);
  });

  it.each([
    ['a failing system', '500', 'UNAVAILABLE', 'UPSTREAM_HTTP_500'],
    ['a slow system', 'slow', 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
  ] as const)('reports %s in every linked source instead of throwing', async (_name, step, state, reason) => {
    api.script = [step];
    const read = await readChildren()([keyFor(['P-100']), keyFor(['P-200']), keyFor([])]);
    expect(read.map((child) => child.source)).toEqual([
      { agency: 'EDUCATION', state, asOf, reason },
      { agency: 'EDUCATION', state, asOf, reason },
      { agency: 'EDUCATION', state: 'NOT_LINKED', asOf: null, reason: null },
    ]);
    expect(read.map((child) => child.section)).toEqual([null, null, null]);
  });

  it('refuses a key its merge config did not make, without repeating its values', async () => {
    const error = await readChildren()([{ ids: ['P-100'] }]).catch((caught: unknown) => caught);
    expect(isHubError(error) && error.code).toBe('INTERNAL');
    expect(JSON.stringify({ error, message: (error as Error).message })).not.toContain('P-100');
    expect(totalHits(api)).toBe(0);
  });
});
