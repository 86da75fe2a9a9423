import { execute, parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../connector.js';
import { parseConfig } from '../../platform/config.js';
import { isHubError } from '../../platform/errors.js';
import health from './index.js';
import { startFhirStub, type FhirStub } from './fixtures/fhir-stub-server.js';

let stub: FhirStub;
beforeAll(async () => {
  stub = await startFhirStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
  stub.script.length = 0;
});

const asOf = '2025-04-01T08:00:00.000Z';
const now = () => new Date(asOf);

async function connector() {
  const { health: config } = parseConfig(
    { health: health.configSection },
    { HEALTH_FHIR_BASE_URL: stub.base, HEALTH_TIMEOUT_MS: '1000', HEALTH_RETRIES: '0' },
  );
  return health.create(config, { now } as unknown as ConnectorDeps);
}

const keyFor = async (gpPatientIds: string[]) => (await connector()).merge['Child']!.key!({ gpPatientIds });

describe('health readChildren', () => {
  it('answers one read per key, in order, from one upstream search for every key', async () => {
    const keys = [
      await keyFor(['pat-a']),
      await keyFor([]),
      await keyFor(['pat-b', 'pat-a']),
      await keyFor(['gone']),
    ];
    const read = await (await connector()).readChildren!(keys);
    expect(stub.requests).toHaveLength(1);
    expect(read.map((child) => child.source)).toEqual([
      { agency: 'HEALTH', state: 'OK', asOf, reason: null },
      { agency: 'HEALTH', state: 'NOT_LINKED', asOf: null, reason: null },
      { agency: 'HEALTH', state: 'OK', asOf, reason: null },
      { agency: 'HEALTH', state: 'NOT_LINKED', asOf, reason: 'PATIENT_NOT_FOUND' },
    ]);
    expect(read.map((child) => child.section === null)).toEqual([false, true, false, true]);
  });

  it('gives the section the subschema gives, sensitive categories included', async () => {
    const healthConnector = await connector();
    const [read] = await healthConnector.readChildren!([await keyFor(['pat-a'])]);
    const viaSchema = await execute({
      schema: healthConnector.schema,
      document: parse(`{ _healthChildren(keys: [["pat-a"]]) { health {
        registeredPractice { odsCode } conditions { display } sexualHealth { conditions { display } }
        mentalHealth { conditions { display } } asOf } } }`),
      contextValue: {},
    });
    const section = read?.section as Record<string, unknown>;
    const expected = (viaSchema.data as { _healthChildren: Array<{ health: Record<string, unknown> }> })
      ._healthChildren[0]!.health;
    expect(section).toMatchObject(expected);
    expect(section['asOf']).toBe(asOf);
  });

  it('keeps nothing between calls, and asks nobody when no key names a patient', async () => {
    const healthConnector = await connector();
    await healthConnector.readChildren!([await keyFor(['pat-a'])]);
    await healthConnector.readChildren!([await keyFor(['pat-a'])]);
    expect(stub.requests).toHaveLength(2);
    await healthConnector.readChildren!([await keyFor([]), await keyFor([])]);
    expect(stub.requests).toHaveLength(2);
  });

  it('reports a failure in every linked source instead of throwing', async () => {
    stub.script.push({ kind: 'status', status: 503 });
    const read = await (await connector()).readChildren!([await keyFor(['pat-a']), await keyFor([])]);
    expect(read).toEqual([
      {
        source: { agency: 'HEALTH', state: 'UNAVAILABLE', asOf, reason: 'UPSTREAM_HTTP_503' },
        section: null,
      },
      { source: { agency: 'HEALTH', state: 'NOT_LINKED', asOf: null, reason: null }, section: null },
    ]);
  });

  it('refuses a key its merge config did not make, without repeating its values', async () => {
    const error = await (
      await connector()
    ).readChildren!([{ ids: ['pat-a'] }]).catch((caught: unknown) => caught);
    expect(isHubError(error) && error.code).toBe('INTERNAL');
    expect(JSON.stringify({ error, message: (error as Error).message })).not.toContain('pat-a');
    expect(stub.requests).toHaveLength(0);
  });
});
