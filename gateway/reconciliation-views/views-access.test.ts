import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import { bindToChild, guardRootAnswers, type ViewsAccessProbe } from './views-access.js';

const schema = guardRootAnswers(
  makeExecutableSchema({
    typeDefs: `${sharedTypeDefs}
      type Answer { placement: String @category(name: PLACEMENT) health: String @category(name: HEALTH) plain: String }
      type Query { bound: Answer unbound: Answer }`,
    resolvers: {
      Query: {
        bound: () => bindToChild({ placement: 'P', health: 'H', plain: 'x' }, 'c1'),
        unbound: () => ({ placement: 'P', health: 'H', plain: 'x' }),
      },
    },
  }),
);

function probe(withheld: Record<string, string>) {
  const released: string[] = [];
  const value: ViewsAccessProbe = {
    admit: async () => ({ allowed: true }),
    withholding: (_child, category) => withheld[category] ?? null,
    reachableChildIds: async () => [],
    noteReleased: (child, category, field) => released.push(`${child}:${category}:${field}`),
  };
  return { value, released };
}

describe('guardRootAnswers', () => {
  it("checks a bound answer's categorised fields for its child, and notes each release for the audit", async () => {
    const { value, released } = probe({ PLACEMENT: 'SEALED' });
    const result = await execute({
      schema,
      document: parse('{ bound { placement health plain } }'),
      contextValue: { access: value },
    });
    expect(result.data).toEqual({ bound: { placement: null, health: 'H', plain: 'x' } });
    expect(result.errors?.map((error) => error.message)).toEqual(['This record is sealed.']);
    expect(released).toEqual(['c1:HEALTH:Answer.health']);
  });

  it('leaves answers inside a Child (not bound) to the gateway', async () => {
    const { value, released } = probe({ PLACEMENT: 'SEALED', HEALTH: 'CATEGORY_NOT_PERMITTED' });
    const result = await execute({
      schema,
      document: parse('{ unbound { placement health } }'),
      contextValue: { access: value },
    });
    expect(result).toEqual({ data: { unbound: { placement: 'P', health: 'H' } } });
    expect(released).toEqual([]);
  });
});
