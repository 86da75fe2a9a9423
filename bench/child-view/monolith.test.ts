import { execute, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { stitchGateway } from '../../gateway/stitch.js';
import { fakeAgencyConnector, fakeIdentityConnector } from '../../gateway/testing/fake-connectors.js';
import { HubError } from '../../platform/errors.js';
import { buildMonolithSchema } from './monolith.js';
import { testGatewayContext } from '../../gateway/access/testing.js';

const children = Array.from({ length: 120 }, (_, i) => ({
  id: `c${i}`,
  nhsNumber: i % 10 === 0 ? null : `nhs${i}`,
  upn: `upn${i}`,
}));
const events = {
  nhs1: [
    { at: '2024-02-01T00:00:00Z', kind: 'A_AND_E_ATTENDANCE' },
    { at: '2023-01-01T00:00:00Z', kind: 'CONDITION_RECORDED' },
  ],
  upn1: [{ at: '2023-06-01T00:00:00Z', kind: 'EXCLUSION' }],
};

const selection = `id nhsNumber upn
  health { summary }
  education { summary }
  sources { agency state asOf reason }
  chronology { at agency kind }
  older: chronology(to: "2023-12-31T00:00:00Z") { kind }
  teamAroundTheChild { agency name role }`;

async function run(schema: ReturnType<typeof stitchGateway>, query: string) {
  return (await execute({
    schema,
    document: parse(query),
    contextValue: testGatewayContext(),
  })) as ExecutionResult<Record<string, unknown>>;
}

function setUp(options: { healthFails?: boolean } = {}) {
  const identity = fakeIdentityConnector(children);
  const connectors = () => [
    identity,
    fakeAgencyConnector({
      name: 'health',
      agency: 'HEALTH',
      keyField: 'nhsNumber',
      events,
      ...(options.healthFails ? { failWith: new HubError('UPSTREAM_UNAVAILABLE') } : {}),
    }),
    fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn', events }),
  ];
  const stitchedConnectors = connectors();
  const monolithConnectors = connectors();
  return {
    stitched: stitchGateway(stitchedConnectors, { maxBatchSize: 100 }),
    monolith: buildMonolithSchema(monolithConnectors, { maxBatchSize: 100 }),
    stitchedConnectors,
    monolithConnectors,
  };
}

describe('the monolithic ceiling', () => {
  it('answers the child view exactly as the stitched gateway does', async () => {
    const { stitched, monolith } = setUp();
    for (const query of [
      `{ child(id: "c1") { ${selection} } }`,
      `{ child(id: "c10") { ${selection} } }`,
      `{ children(ids: ${JSON.stringify(children.map((child) => child.id))}) { ${selection} } }`,
    ]) {
      const expected = await run(stitched, query);
      expect(expected.errors).toBeUndefined();
      expect(await run(monolith, query)).toEqual(expected);
    }
  });

  it('calls each agency as stitching does for a page: one root call per maxBatchSize distinct keys', async () => {
    const { stitched, monolith, stitchedConnectors, monolithConnectors } = setUp();
    const page = `{ children(ids: ${JSON.stringify(children.map((child) => child.id))}) { ${selection} } }`;
    expect((await run(stitched, page)).errors).toBeUndefined();
    expect((await run(monolith, page)).errors).toBeUndefined();
    const keysSeen = (connectors: typeof stitchedConnectors) =>
      connectors.map((connector) => (connector as { keysSeen?: number[] }).keysSeen);
    // 120 children, 12 without an NHS number (not delegated): 108 distinct NHS numbers; 120 UPNs.
    expect(keysSeen(monolithConnectors)).toEqual([undefined, [100, 8], [100, 20]]);
    expect(keysSeen(monolithConnectors)).toEqual(keysSeen(stitchedConnectors));
  });

  it('keeps an agency failure to that agency, as stitching does', async () => {
    const { stitched, monolith } = setUp({ healthFails: true });
    const query = `{ child(id: "c1") { id health { summary } education { summary } sources { agency state reason } } }`;
    const expected = await run(stitched, query);
    const actual = await run(monolith, query);
    expect(actual.data).toEqual(expected.data);
    expect(actual.data?.child).toMatchObject({
      health: null,
      sources: [
        { agency: 'HEALTH', state: 'UNAVAILABLE', reason: 'UPSTREAM_UNAVAILABLE' },
        { agency: 'EDUCATION', state: 'OK', reason: null },
      ],
    });
    expect(actual.errors?.map((error) => error.path)).toEqual([['child', 'health']]);
  });
});
