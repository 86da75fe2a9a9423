import { buildSchema, parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { childSelection, childViewQueries } from '../../bench/child-view/queries.js';
import type { AgencyCode } from '../../connectors/connector.js';
import { formatGraphQLError } from '../format-error.js';
import { createCostRule } from './armor-rules.js';
import { hardeningDefaults, type HardeningConfig } from './hardening-config.js';
import type { LimitName } from './limit-rejection.js';
import { createOperationLimits } from './operation-limits.js';
import { inlinePageSizes } from './page-size-cost.js';
import { nestedQuery, startTestServer, type TestServer } from './testing.js';

const limits = {
  maxDepth: hardeningDefaults.maxDepth,
  maxAliases: hardeningDefaults.maxAliases,
  maxCost: hardeningDefaults.maxCost,
  maxTokens: hardeningDefaults.maxTokens,
  maxDirectives: hardeningDefaults.maxDirectives,
};
const config: Pick<HardeningConfig, 'limits' | 'fieldSuggestions'> = { limits, fieldSuggestions: undefined };
const everyAgency: AgencyCode[] = ['SOCIAL_CARE', 'HEALTH', 'EDUCATION', 'ADULT_SERVICES'];

/** The limits' rules alone: they read the document, not the schema, so any schema will do. */
function limitErrors(query: string) {
  const { validationRules } = createOperationLimits(config, 'production');
  return validate(buildSchema('type Query { _: Int }'), parse(query), validationRules);
}

describe('the limits let the product through', () => {
  it('passes the one-child view and a literal page of 100 children with the full view (bench/child-view)', () => {
    for (const query of childViewQueries(everyAgency, 'c1'))
      expect(limitErrors(query.body.query)).toEqual([]);
  });

  it('passes a page of 100 children with the full view when the page size is a variable', () => {
    const query = `query Page($first: Int!) { children(first: $first) {
      totalCount edges { node { ${childSelection(everyAgency)} } } } }`;
    const document = parse(query);
    expect(limitErrors(query)).toEqual([]);
    const costRule = createCostRule(limits);
    const schema = buildSchema('type Query { _: Int }');
    const costAt = (first: number) => {
      const operation = document.definitions[0];
      if (operation?.kind !== 'OperationDefinition') throw new Error('expected an operation');
      const inlined = inlinePageSizes(document, operation, { first });
      if (!inlined) throw new Error('expected the page size to be inlined');
      return validate(schema, inlined, [costRule]);
    };
    expect(costAt(100)).toEqual([]);
    // A page well past what the product asks for is refused, variable or not.
    expect(costAt(200)).toHaveLength(1);
  });

  it('leaves headroom over the product: measured depth 7 and cost 225,542 against the defaults', () => {
    expect(limitErrors(nestedQuery(hardeningDefaults.maxDepth))).toEqual([]);
    const page = childViewQueries(everyAgency, 'c1')[1]!.body.query;
    const tighter = createOperationLimits(
      { limits: { ...limits, maxCost: 225_000 }, fieldSuggestions: undefined },
      'production',
    );
    // The measurement the default rests on: just under it is refused, so the default's headroom is real.
    expect(validate(buildSchema('type Query { _: Int }'), parse(page), tighter.validationRules)).toHaveLength(
      1,
    );
  });
});

describe('an operation over a limit, through Apollo', () => {
  const rejected: LimitName[] = [];
  let server: TestServer;
  const start = async () => {
    const operationLimits = createOperationLimits(config, 'production', {
      onRejected: (limit) => rejected.push(limit),
    });
    server = await startTestServer({ ...operationLimits, formatError: formatGraphQLError });
    return server;
  };
  const ready = start();
  afterAll(async () => (await ready).stop());

  const refusedWith = async (query: string, variables?: Record<string, unknown>) => {
    const { status, body } = await (await ready).post(variables ? { query, variables } : { query });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    return body.errors![0]!;
  };

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH and accepts one at it', async () => {
    const error = await refusedWith(nestedQuery(hardeningDefaults.maxDepth + 1));
    expect(error).toEqual({
      message: 'The operation is nested too deeply.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const accepted = await (await ready).post({ query: nestedQuery(hardeningDefaults.maxDepth) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: hardeningDefaults.maxAliases + 1 }, (_, i) => `a${i}: hub`);
    const error = await refusedWith(`{ ${aliases.join(' ')} }`);
    expect(error.message).toBe('The operation uses too many aliases.');
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses too many directives', async () => {
    const fields = Array.from(
      { length: hardeningDefaults.maxDirectives + 1 },
      () => 'hub @include(if: true)',
    );
    const error = await refusedWith(`{ ${fields.join(' ')} }`);
    expect(error.message).toBe('The operation uses too many directives.');
  });

  it('refuses a costly query, whether the page size is written in or sent as a variable', async () => {
    const selection = 'id name child { id name child { id name children(first: 100) { id name } } }';
    expect((await refusedWith(`{ nodes(first: 500) { ${selection} } }`)).message).toMatch(
      /asks for too much/,
    );
    const byVariable = await refusedWith(`query Page($n: Int) { nodes(first: $n) { ${selection} } }`, {
      n: 500,
    });
    expect(byVariable).toEqual({
      message: 'The operation asks for too much at once: ask for fewer items or fields.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const small = await (
      await ready
    ).post({
      query: `query Page($n: Int) { nodes(first: $n) { ${selection} } }`,
      variables: { n: 3 },
    });
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses a document over GRAPHQL_MAX_TOKENS while parsing it', async () => {
    const fields = Array.from({ length: hardeningDefaults.maxTokens }, () => 'hub');
    const error = await refusedWith(`{ ${fields.join(' ')} }`);
    expect(error).toEqual({
      message: 'The operation is too long.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('never states a limit in an error, and reports each refusal to onRejected', async () => {
    rejected.length = 0;
    const answers = [
      await refusedWith(nestedQuery(12)),
      await refusedWith(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: hub`).join(' ')} }`),
      await refusedWith(`{ ${Array.from({ length: 3000 }, () => 'hub').join(' ')} }`),
    ];
    for (const value of Object.values(limits)) expect(JSON.stringify(answers)).not.toContain(String(value));
    expect(rejected).toEqual(['depth', 'aliases', 'tokens']);
  });
});

describe('field suggestions', () => {
  const misspelt = {
    field: '{ node { nme } }',
    enumValue: '{ nodes(agency: HEALTHH) { id } }',
    argument: '{ nodes(frist: 1) { id } }',
  };

  async function messages(nodeEnv: 'production' | 'development', fieldSuggestions?: boolean) {
    const server = await startTestServer(createOperationLimits({ limits, fieldSuggestions }, nodeEnv));
    try {
      const out: string[] = [];
      for (const query of Object.values(misspelt)) {
        const { body } = await server.post({ query });
        out.push(...(body.errors ?? []).map((error) => error.message));
      }
      const enumVariable = await server.post({
        query: 'query Q($a: Agency) { nodes(agency: $a) { id } }',
        variables: { a: 'HEALTHH' },
      });
      out.push(...(enumVariable.body.errors ?? []).map((error) => error.message));
      return out;
    } finally {
      await server.stop();
    }
  }

  it('are hidden in production, keeping the rest of the message', async () => {
    const hidden = await messages('production');
    expect(hidden).toHaveLength(4);
    for (const message of hidden) expect(message).not.toMatch(/Did you mean|name|HEALTH"|first/);
    expect(hidden[0]).toBe('Cannot query field "nme" on type "Node".');
  });

  it('are shown in development, and follow GRAPHQL_FIELD_SUGGESTIONS when it is set', async () => {
    const shown = await messages('development');
    expect(shown[0]).toBe('Cannot query field "nme" on type "Node". Did you mean "name"?');
    expect(shown.every((message) => message.includes('Did you mean'))).toBe(true);
    expect((await messages('production', true))[0]).toContain('Did you mean "name"?');
    expect((await messages('development', false)).some((message) => message.includes('Did you mean'))).toBe(
      false,
    );
  });
});
