import { execute, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HubError } from '../platform/errors.js';
import { stitchGateway } from './stitch.js';
import { fakeAgencyConnector, fakeIdentityConnector } from './testing/fake-connectors.js';
import { testGatewayContext } from './access/testing.js';

const children = Array.from({ length: 250 }, (_, i) => ({
  id: `c${i}`,
  nhsNumber: i % 10 === 0 ? null : `nhs${i}`,
  upn: `upn${i}`,
}));

async function run(
  schema: ReturnType<typeof stitchGateway>,
  query: string,
  variables?: Record<string, unknown>,
) {
  return (await execute({
    schema,
    document: parse(query),
    variableValues: variables ?? {},
    contextValue: testGatewayContext(),
  })) as ExecutionResult<
    Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  >;
}

describe('stitched gateway', () => {
  it('merges every agency onto the child and reports each source', async () => {
    const schema = stitchGateway([
      fakeIdentityConnector(children),
      fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' }),
      fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' }),
    ]);
    const result = await run(
      schema,
      `{ child(id: "c1") { id health { summary } education { summary } sources { agency state } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.child).toEqual({
      id: 'c1',
      health: { summary: 'health record' },
      education: { summary: 'education record' },
      sources: [
        { agency: 'HEALTH', state: 'OK' },
        { agency: 'EDUCATION', state: 'OK' },
      ],
    });
  });

  it('says NOT_LINKED, not "no concerns", when the child has no key for an agency', async () => {
    const schema = stitchGateway([
      fakeIdentityConnector(children),
      fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' }),
    ]);
    const result = await run(schema, `{ child(id: "c10") { health { summary } sources { agency state } } }`);
    expect(result.data?.child).toEqual({
      health: null,
      sources: [{ agency: 'HEALTH', state: 'NOT_LINKED' }],
    });
  });

  it('keeps every other section when one agency fails, and says why in sources', async () => {
    const schema = stitchGateway([
      fakeIdentityConnector(children),
      fakeAgencyConnector({
        name: 'health',
        agency: 'HEALTH',
        keyField: 'nhsNumber',
        failWith: new HubError('UPSTREAM_TIMEOUT', { details: { agency: 'HEALTH' } }),
      }),
      fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' }),
    ]);
    const result = await run(
      schema,
      `{ child(id: "c1") { id health { summary } education { summary } sources { agency state reason } } }`,
    );
    expect(result.data?.child).toEqual({
      id: 'c1',
      health: null,
      education: { summary: 'education record' },
      sources: [
        { agency: 'HEALTH', state: 'UNAVAILABLE', reason: 'UPSTREAM_TIMEOUT' },
        { agency: 'EDUCATION', state: 'OK', reason: null },
      ],
    });
    expect(result.errors?.map((error) => error.message)).toEqual([
      'An agency system did not answer in time.',
    ]);
  });

  it('fetches a page of children with one call per agency, bounded by the maximum batch size', async () => {
    const identity = fakeIdentityConnector(children);
    const health = fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' });
    const education = fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' });
    const schema = stitchGateway([identity, health, education], { maxBatchSize: 100 });
    const ids = children.slice(0, 100).map((child) => child.id);
    const result = await run(
      schema,
      `query ($ids: [ID!]!) { children(ids: $ids) { id health { summary } education { summary } } }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.children).toHaveLength(100);
    expect([health.calls, education.calls]).toEqual([1, 1]);

    const all = children.map((child) => child.id);
    await run(schema, `query ($ids: [ID!]!) { children(ids: $ids) { education { summary } } }`, { ids: all });
    expect(education.keysSeen.slice(1)).toEqual([100, 100, 50]);
  });

  it('merges chronology across agencies in time order, with filters', async () => {
    const schema = stitchGateway([
      fakeIdentityConnector(children),
      fakeAgencyConnector({
        name: 'health',
        agency: 'HEALTH',
        keyField: 'nhsNumber',
        events: {
          nhs1: [
            { at: '2026-03-01T10:00:00Z', kind: 'A_AND_E' },
            { at: '2025-01-01T00:00:00Z', kind: 'GP_VISIT' },
          ],
        },
      }),
      fakeAgencyConnector({
        name: 'education',
        agency: 'EDUCATION',
        keyField: 'upn',
        events: { upn1: [{ at: '2026-01-15T09:00:00Z', kind: 'EXCLUSION' }] },
      }),
    ]);
    const all = await run(schema, `{ child(id: "c1") { chronology { at kind agency } } }`);
    expect(all.data?.child.chronology.map((event: { kind: string }) => event.kind)).toEqual([
      'GP_VISIT',
      'EXCLUSION',
      'A_AND_E',
    ]);
    const filtered = await run(
      schema,
      `{ child(id: "c1") { chronology(agencies: [HEALTH], from: "2026-01-01T00:00:00Z") { kind } } }`,
    );
    expect(filtered.data?.child.chronology).toEqual([{ kind: 'A_AND_E' }]);
  });

  it('keeps the @category declarations in the gateway schema', () => {
    const schema = stitchGateway([
      fakeIdentityConnector(children),
      fakeAgencyConnector({ name: 'health', agency: 'HEALTH', keyField: 'nhsNumber' }),
    ]);
    const field = schema.getType('HealthSection');
    expect(
      field && 'getFields' in field
        ? field.getFields().summary?.astNode?.directives?.[0]?.name.value
        : undefined,
    ).toBe('category');
  });
});

describe('stitched gateway with no agency connectors', () => {
  it('still builds, and every cross-agency field is empty', async () => {
    const schema = stitchGateway([fakeIdentityConnector(children)]);
    const result = await run(
      schema,
      `{ child(id: "c1") { id sources { state } chronology { kind } teamAroundTheChild { name } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.child).toEqual({ id: 'c1', sources: [], chronology: [], teamAroundTheChild: [] });
  });
});
