import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, validate, type ExecutionResult } from 'graphql';
import type { HubError } from '../../platform/errors.js';
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../connectors/connector.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import type { Caller } from '../auth/policy.js';
import type { Activity, DataCategory } from '../auth/vocabulary.js';
import { stitchGateway } from '../stitch.js';
import { fakeIdentityConnector } from '../testing/fake-connectors.js';
import type { AccessDecider, ChildAccess } from './child-access.js';
import { testGatewayContext, unrestrictedTestCaller } from './testing.js';

// A health agency whose fields carry several categories, so one child's answer mixes what a role may and may not see.
function healthConnector(): Connector & { calls: number } {
  const connector = {
    name: 'health',
    calls: 0,
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type HealthRecord {
          conditions: [String!]! @category(name: HEALTH)
          sexualHealth: [String!]! @category(name: SEXUAL_HEALTH)
          registeredPractice: String @category(name: GP_DETAILS)
          address: String @category(name: ADDRESS)
        }
        type Child {
          nhsNumber: String
          health: HealthRecord @category(name: HEALTH)
          healthSource: SourceStatus!
          healthChronology: [ChronologyEvent!]
          healthTeam: [Practitioner!]
        }
        type Query {
          _healthChildren(keys: [String]!): [Child]!
        }
      `,
      resolvers: {
        Query: {
          _healthChildren: (_: unknown, { keys }: { keys: Array<string | null> }) => {
            connector.calls += 1;
            return keys.map((key) => ({ key }));
          },
        },
        Child: {
          nhsNumber: (child: { key: string }) => child.key,
          health: (child: { key: string }) => ({
            conditions: [`asthma-${child.key}`],
            sexualHealth: ['contraception'],
            registeredPractice: 'A81001',
            address: '1 Secret Road',
          }),
          healthSource: () => ({ agency: 'HEALTH', state: 'OK', asOf: null, reason: null }),
          healthChronology: () => [
            event('2026-01-01T00:00:00Z', 'GP_CONSULTATION', 'HEALTH'),
            event('2026-01-02T00:00:00Z', 'CONTRACEPTION', 'SEXUAL_HEALTH'),
            event('2026-01-03T00:00:00Z', 'PRACTICE_CHANGED', 'GP_DETAILS'),
          ],
          healthTeam: () => [
            {
              agency: 'HEALTH',
              name: 'Dr Who',
              role: 'GP',
              organisation: 'A81001',
              email: null,
              phone: null,
              since: null,
            },
          ],
        },
      },
    }),
    merge: {
      Child: {
        selectionSet: '{ nhsNumber }',
        fieldName: '_healthChildren',
        key: (child: { nhsNumber: string | null }) => child.nhsNumber,
        argsFromKeys: (keys: readonly (string | null)[]) => ({ keys }),
      },
    },
    agency: {
      agency: 'HEALTH' as const,
      keyField: 'nhsNumber',
      sourceField: 'healthSource',
      chronologyField: 'healthChronology',
      teamField: 'healthTeam',
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
  return connector;
}

function event(at: string, kind: string, category: DataCategory) {
  return { at, agency: 'HEALTH', kind, summary: kind, recordId: null, category };
}

const children = Array.from({ length: 120 }, (_, i) => ({ id: `c${i}`, nhsNumber: `n${i}`, upn: null }));

/** c0..c9 are the caller's; c5 is sealed. */
function decider(): AccessDecider & { batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    async decide(_caller, ids) {
      batches.push(ids.length);
      return new Map(
        ids.map((id): [string, ChildAccess] => {
          const n = Number(id.slice(1));
          const allowed = n < 10;
          return [
            id,
            {
              childId: id,
              allowed,
              basis: allowed ? 'RELATIONSHIP' : 'NONE',
              grantId: null,
              sealedReason: n === 5 ? 'ADOPTION' : null,
            },
          ];
        }),
      );
    },
    reachableChildIds: async () => [],
  };
}

function caller(categories: DataCategory[], activities: Activity[] = []): Caller {
  return unrestrictedTestCaller({
    role: 'GP',
    categories: new Set(categories),
    activities: new Set(activities),
  });
}

async function run(query: string, who: Caller, variables: Record<string, unknown> = {}) {
  const health = healthConnector();
  const identity = fakeIdentityConnector(children);
  const schema = stitchGateway([identity, health]);
  const access = decider();
  const context = testGatewayContext({ caller: who, decider: access });
  const document = parse(query);
  const invalid = validate(schema, document);
  const result = (
    invalid.length > 0
      ? { errors: invalid }
      : await execute({
          schema,
          document,
          variableValues: variables,
          contextValue: context,
        })
  ) as ExecutionResult<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  return { result, health, access, events: context.access.auditEvents(new Date('2026-12-01T00:00:00Z')) };
}

const codes = (result: ExecutionResult) =>
  result.errors?.map((error) => (error.originalError as HubError | undefined)?.code ?? error.message);

describe('access control at the gateway', () => {
  it('returns nothing of a child the caller has no relationship with, and never asks the agency', async () => {
    const { result, health, events } = await run(
      `{ child(id: "c50") { id nhsNumber health { conditions } } }`,
      caller(['IDENTITY', 'HEALTH']),
    );
    expect(result.data?.child).toBeNull();
    expect(result.errors?.[0]?.message).toBe('You have no recorded relationship with this child.');
    expect(health.calls).toBe(0);
    expect(events).toMatchObject([{ childId: 'c50', outcome: 'DENIED', fields: ['Query.child'] }]);
  });

  it('releases only the categories the role sees, and says which were withheld', async () => {
    const { result, events } = await run(
      `{ child(id: "c1") { id health { conditions sexualHealth registeredPractice } } }`,
      caller(['IDENTITY', 'HEALTH', 'GP_DETAILS']),
    );
    expect(result.data?.child).toEqual({
      id: 'c1',
      health: { conditions: ['asthma-n1'], sexualHealth: null, registeredPractice: 'A81001' },
    });
    expect(result.errors?.map((error) => error.path)).toEqual([['child', 'health', 'sexualHealth']]);
    expect(events).toEqual([
      expect.objectContaining({
        childId: 'c1',
        outcome: 'PARTIAL',
        reason: 'CATEGORY_NOT_PERMITTED',
        categories: ['GP_DETAILS', 'HEALTH'],
        fields: ['Child.health', 'HealthRecord.conditions', 'HealthRecord.registeredPractice'],
      }),
    ]);
  });

  it('hides a sealed record’s address and GP details unless the caller may override the seal', async () => {
    const query = `{ child(id: "c5") { health { conditions registeredPractice address } } }`;
    const all: DataCategory[] = ['IDENTITY', 'HEALTH', 'GP_DETAILS', 'ADDRESS'];
    const sealed = await run(query, caller(all));
    expect(sealed.result.data?.child.health).toEqual({
      conditions: ['asthma-n5'],
      registeredPractice: null,
      address: null,
    });
    expect(new Set(sealed.result.errors?.map((error) => error.message))).toEqual(
      new Set(['This record is sealed.']),
    );
    expect(JSON.stringify(sealed.result)).not.toContain('A81001');
    expect(JSON.stringify(sealed.result)).not.toContain('Secret Road');
    expect(sealed.events[0]).toMatchObject({ outcome: 'PARTIAL', reason: 'SEALED' });

    const override = await run(query, caller(all, ['SEAL_OVERRIDE']));
    expect(override.result.errors).toBeUndefined();
    expect(override.result.data?.child.health.address).toBe('1 Secret Road');
  });

  it('filters chronology and the team by category and seal, item by item', async () => {
    const query = `{ child(id: "ID") { chronology { kind } teamAroundTheChild { name } } }`;
    const gp = caller(['IDENTITY', 'HEALTH', 'GP_DETAILS']);
    const open = await run(query.replace('ID', 'c1'), gp);
    expect(open.result.data?.child.chronology.map((e: { kind: string }) => e.kind)).toEqual([
      'GP_CONSULTATION',
      'PRACTICE_CHANGED',
    ]);
    expect(open.result.data?.child.teamAroundTheChild).toEqual([{ name: 'Dr Who' }]);
    const sealed = await run(query.replace('ID', 'c5'), gp);
    expect(sealed.result.data?.child.chronology.map((e: { kind: string }) => e.kind)).toEqual([
      'GP_CONSULTATION',
    ]);
    expect(sealed.result.data?.child.teamAroundTheChild).toEqual([]);
  });

  it('reports an agency whose data the role may not see at all as FORBIDDEN in sources', async () => {
    const { result } = await run(
      `{ child(id: "c1") { sources { agency state reason } } }`,
      caller(['IDENTITY', 'EDUCATION']),
    );
    expect(result.data?.child.sources).toEqual([
      { agency: 'HEALTH', state: 'FORBIDDEN', reason: 'CATEGORY_NOT_PERMITTED' },
    ]);
  });

  it('answers 100 aliased child ids one by one: only the caller’s children, one decision batch', async () => {
    const aliases = Array.from(
      { length: 100 },
      (_, i) => `a${i}: child(id: "c${i}") { id health { conditions } }`,
    );
    const { result, access, events, health } = await run(
      `{ ${aliases.join(' ')} }`,
      caller(['IDENTITY', 'HEALTH']),
    );
    const returned = Object.values(result.data ?? {}).filter((child) => child !== null);
    expect(returned).toHaveLength(10);
    expect(access.batches).toEqual([100]);
    expect(health.calls).toBe(1);
    expect(events).toHaveLength(100);
    expect(events.filter((e) => e.outcome === 'DENIED')).toHaveLength(90);
    const leaked = JSON.stringify(result.data);
    for (let i = 10; i < 100; i++) expect(leaked).not.toContain(`asthma-n${i}"`);
  });

  it('admits every child of a list field, and audits each', async () => {
    const { result, events } = await run(`{ children(ids: ["c1", "c60"]) { id } }`, caller(['IDENTITY']));
    expect(result.data?.children).toEqual([{ id: 'c1' }, null]);
    expect(events.map((e) => [e.childId, e.outcome])).toEqual([
      ['c1', 'ALLOWED'],
      ['c60', 'DENIED'],
    ]);
  });

  it('a role that sees no child data gets nothing, even of a related child', async () => {
    const { result, events } = await run(`{ child(id: "c1") { id } }`, caller([]));
    expect(result.data?.child).toBeNull();
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(events[0]).toMatchObject({ outcome: 'DENIED' });
  });

  it('hides the merge-only root fields from clients', async () => {
    const { result } = await run(`{ _childrenByIds(ids: ["c1"]) { id } }`, caller(['IDENTITY']));
    expect(codes(result)?.[0]).toMatch(/^Cannot query field "_childrenByIds" on type "Query"/);
  });
});
