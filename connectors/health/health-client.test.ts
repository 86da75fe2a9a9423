import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import { createHttpJsonClient } from '../../platform/upstream/http-json-client.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { rawFixture } from './fixtures/fixture-bundle.js';
import { page, startFhirStub, type FhirStub } from './fixtures/fhir-stub-server.js';
import { createHealthClient } from './health-client.js';

let stub: FhirStub;
beforeAll(async () => {
  stub = await startFhirStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
  stub.script.length = 0;
});

function makeClient(overrides: Partial<UpstreamPolicyConfig> = {}, pageSize = 200) {
  const policy = createUpstreamPolicy({
    agency: 'HEALTH',
    timeoutMs: 1000,
    retries: 2,
    breakerThreshold: 5,
    breakerHalfOpenMs: 60_000,
    ...overrides,
  });
  return createHealthClient({
    baseUrl: stub.base,
    pageSize,
    http: createHttpJsonClient({ agency: 'HEALTH', policy }),
  });
}

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    return error as HubError;
  }
  throw new Error('expected a failure');
}

const patient = (id: string) => ({ resourceType: 'Patient', id });

describe('health client', () => {
  it('reads patients with their records in one GET search, strictly', async () => {
    const resources = await makeClient().patientRecords(['pat-a', 'pat-b']);
    expect(resources.length).toBeGreaterThan(10);
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/fhir/Patient');
    expect(request?.query.get('_id')).toBe('pat-a,pat-b');
    expect(request?.query.get('_count')).toBe('2');
    expect(request?.prefer).toBe('handling=strict');
  });

  it('POSTs _search with a form body for a long id list', async () => {
    const ids = Array.from(
      { length: 150 },
      (_, i) => `0f8fad5b-d9cb-469f-a165-${String(i).padStart(12, '0')}`,
    );
    await makeClient().patientRecords(ids);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.method).toBe('POST');
    expect(stub.requests[0]?.path).toBe('/fhir/Patient/_search');
    expect(stub.requests[0]?.form?.get('_id')?.split(',')).toHaveLength(150);
  });

  it('follows next links and counts each page as a request', async () => {
    stub.script.push(
      { kind: 'bundle', body: page([patient('p1')], `${stub.base}/Patient?_cursor=2`) },
      { kind: 'bundle', body: page([patient('p2')], `${stub.base}/Patient?_cursor=3`) },
      { kind: 'bundle', body: page([patient('p3')]) },
    );
    const resources = await makeClient({}, 1).patientRecords(['p1', 'p2', 'p3']);
    expect(resources.map((r) => r.id)).toEqual(['p1', 'p2', 'p3']);
    expect(stub.requests.map((r) => r.query.get('_cursor'))).toEqual([null, '2', '3']);
  });

  it('refuses a server that keeps paging past what the ids could fill', async () => {
    for (let i = 0; i < 4; i += 1)
      stub.script.push({ kind: 'bundle', body: page([patient('p1')], `${stub.base}/Patient?_cursor=${i}`) });
    const error = await failure(makeClient().patientRecords(['p1', 'p2']));
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'UPSTREAM_PAGING_LOOP' });
    expect(stub.requests).toHaveLength(3);
  });

  it('does not follow a next link to another host', async () => {
    stub.script.push({
      kind: 'bundle',
      body: page([patient('p1')], 'http://elsewhere.invalid/fhir/Patient?x=1'),
    });
    const error = await failure(makeClient().patientRecords(['p1', 'p2']));
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'UPSTREAM_FOREIGN_LINK' });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries 5xx, 429 and dropped connections on a read, then succeeds', async () => {
    stub.script.push({ kind: 'status', status: 503 }, { kind: 'status', status: 429 });
    await makeClient().patientRecords(['pat-a']);
    expect(stub.requests).toHaveLength(3);
    stub.requests.length = 0;
    stub.script.push({ kind: 'drop' });
    await makeClient().patientRecords(['pat-a']);
    expect(stub.requests).toHaveLength(2);
  });

  it('retries a POSTed search too: a search changes nothing', async () => {
    const ids = Array.from(
      { length: 150 },
      (_, i) => `0f8fad5b-d9cb-469f-a165-${String(i).padStart(12, '0')}`,
    );
    stub.script.push({ kind: 'status', status: 500 });
    await makeClient().patientRecords(ids);
    expect(stub.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('does not retry a rejection (4xx) and says so without the body', async () => {
    stub.script.push({ kind: 'status', status: 400 });
    const error = await failure(makeClient().patientRecords(['pat-a']));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'UPSTREAM_REJECTED_400' });
    expect(stub.requests).toHaveLength(1);
    expect(JSON.stringify({ m: error.safeMessage, d: error.details })).not.toContain('9434765919');
  });

  it('times out each attempt and reports UPSTREAM_TIMEOUT after the retries', async () => {
    stub.script.push({ kind: 'slow', ms: 2500 }, { kind: 'slow', ms: 2500 }, { kind: 'slow', ms: 2500 });
    const error = await failure(makeClient({ timeoutMs: 800 }).patientRecords(['pat-a']));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'UPSTREAM_TIMEOUT' });
    expect(stub.requests).toHaveLength(3);
  });

  it('opens the circuit after consecutive failures and then fails fast without calling', async () => {
    const client = makeClient({ retries: 0, breakerThreshold: 3 });
    for (let i = 0; i < 3; i += 1) {
      stub.script.push({ kind: 'status', status: 500 });
      await failure(client.patientRecords(['pat-a']));
    }
    const error = await failure(client.patientRecords(['pat-a']));
    expect(error.details).toEqual({ agency: 'HEALTH', reason: 'CIRCUIT_OPEN' });
    expect(stub.requests).toHaveLength(3);
  });

  it('turns a body that is not a valid searchset into UPSTREAM_BAD_PAYLOAD without echoing it', async () => {
    stub.script.push({
      kind: 'bundle',
      body: {
        resourceType: 'Bundle',
        type: 'searchset',
        total: 'unknown',
        entry: [{ resource: { id: '9434765919' } }],
      },
    });
    const error = await failure(makeClient().patientRecords(['pat-a']));
    expect(error.code).toBe('UPSTREAM_BAD_PAYLOAD');
    expect(JSON.stringify({ m: error.safeMessage, d: error.details })).not.toContain('9434765919');
  });

  it('pings the capability statement once, without retrying (readiness wants a prompt answer)', async () => {
    await makeClient().capabilities();
    expect(stub.requests.map((r) => r.path)).toEqual(['/fhir/metadata']);
    stub.requests.length = 0;
    stub.script.push({ kind: 'status', status: 503 });
    expect((await failure(makeClient().capabilities())).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(stub.requests).toHaveLength(1);
  });

  it('pages the person index from the first page, then from the next link it was given', async () => {
    stub.script.push({
      kind: 'bundle',
      body: page([patient('p1')], `${stub.base}/Patient?_count=1&_cursor=c1`),
    });
    const first = await makeClient().patientPage(null, 1);
    expect(first.next).toBe(`${stub.base}/Patient?_count=1&_cursor=c1`);
    stub.script.push({ kind: 'bundle', body: page([patient('p2')]) });
    const second = await makeClient().patientPage(first.next, 1);
    expect(second).toMatchObject({ next: null, resources: [{ id: 'p2' }] });
    expect(stub.requests.map((r) => r.query.toString())).toEqual(['_count=1', '_count=1&_cursor=c1']);
    expect(await failure(makeClient().patientPage('http://elsewhere.invalid/fhir/Patient', 1))).toMatchObject(
      {
        code: 'UPSTREAM_BAD_PAYLOAD',
      },
    );
  });

  it('reads nothing for no ids', async () => {
    expect(await makeClient().patientRecords([])).toEqual([]);
    expect(stub.requests).toHaveLength(0);
    expect(rawFixture('patient-records-bundle.json').resourceType).toBe('Bundle');
  });
});
