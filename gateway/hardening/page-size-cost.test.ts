import fc from 'fast-check';
import { buildSchema, parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCostRule } from './armor-rules.js';
import { inlinePageSizes } from './page-size-cost.js';

function operationOf(query: string, name?: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === 'OperationDefinition' && (name === undefined || definition.name?.value === name),
  );
  if (!operation) throw new Error('no operation');
  return { document, operation };
}

function inlined(query: string, variables?: Record<string, unknown>, name?: string): string | undefined {
  const { document, operation } = operationOf(query, name);
  const result = inlinePageSizes(document, operation, variables);
  return result && print(result).replace(/\s+/g, ' ');
}

describe('inlinePageSizes', () => {
  it('writes in first and last from the variables, also inside fragments', () => {
    expect(
      inlined('query P($n: Int, $m: Int) { a(first: $n) { ...F } } fragment F on A { b(last: $m) { c } }', {
        n: 100,
        m: 5,
      }),
    ).toBe('query P($n: Int, $m: Int) { a(first: 100) { ...F } } fragment F on A { b(last: 5) { c } }');
  });

  it('uses a variable’s default when the request leaves it out', () => {
    expect(inlined('query P($n: Int = 50) { a(first: $n) { c } }', {})).toBe(
      'query P($n: Int = 50) { a(first: 50) { c } }',
    );
  });

  it('changes nothing when no page size comes from a usable variable', () => {
    expect(inlined('{ a(first: 10) { c } }', {})).toBeUndefined();
    expect(inlined('query P($n: Int) { a(after: $n) { c } }', { n: 5 })).toBeUndefined();
    expect(inlined('query P($n: Int) { a(first: $n) { c } }', { n: '100' })).toBeUndefined();
    expect(inlined('query P($n: Int) { a(first: $n) { c } }', { n: 1.5 })).toBeUndefined();
    expect(inlined('query P($n: Int) { a(first: $n) { c } }', {})).toBeUndefined();
  });

  it('takes only the operation being run', () => {
    expect(inlined('query A($n: Int) { a(first: $n) { c } } query B { b }', { n: 3 }, 'A')).toBe(
      'query A($n: Int) { a(first: 3) { c } }',
    );
  });

  it('makes a page size sent as a variable cost what the same page size written in costs', () => {
    const limits = { maxDepth: 10, maxAliases: 15, maxCost: 5000, maxTokens: 2000, maxDirectives: 20 };
    const rule = createCostRule(limits);
    const schema = buildSchema('type Query { _: Int }');
    const selection = '{ id name child { id name } }';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const literal = validate(schema, parse(`{ nodes(first: ${n}) ${selection} }`), [rule]);
        const { document, operation } = operationOf(`query Q($n: Int) { nodes(first: $n) ${selection} }`);
        const fromVariable = validate(schema, inlinePageSizes(document, operation, { n })!, [rule]);
        expect(fromVariable.length).toBe(literal.length);
      }),
    );
  });
});
