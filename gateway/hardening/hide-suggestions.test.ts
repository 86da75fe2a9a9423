import fc from 'fast-check';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withoutSuggestions } from './hide-suggestions.js';

describe('withoutSuggestions', () => {
  it('removes every kind of suggestion graphql-js makes, and keeps the rest of the message', () => {
    const schema = buildSchema(`
      enum Agency { HEALTH EDUCATION }
      input Filter { agency: Agency }
      type Query { children(first: Int, filter: Filter): [Child] }
      type Child { name: String }
    `);
    const query = `query Q($f: Fitler) {
      children(frist: 1, filter: { agncy: HEALTH }) { nme }
      again: children(filter: { agency: HEALTHH }) { name }
    }`;
    const messages = validate(schema, parse(query)).map((error) => error.message);
    expect(messages.filter((message) => message.includes('Did you mean'))).toHaveLength(5);
    expect(messages.map(withoutSuggestions)).toEqual([
      'Unknown type "Fitler".',
      'Unknown argument "frist" on field "Query.children".',
      'Field "agncy" is not defined by type "Filter".',
      'Cannot query field "nme" on type "Child".',
      'Value "HEALTHH" does not exist in "Agency" enum.',
      'Variable "$f" is never used in operation "Q".',
    ]);
  });

  it('leaves no schema name behind, whatever the names suggested', () => {
    const name = fc.stringMatching(/^[_A-Za-z][_0-9A-Za-z]{0,15}$/);
    fc.assert(
      fc.property(name, fc.array(name, { minLength: 1, maxLength: 5 }), (asked, suggested) => {
        const quoted = suggested.map((s) => `"${s}"`);
        const list =
          quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')}, or ${quoted.at(-1)}`;
        const message = `Cannot query field "${asked}" on type "Child". Did you mean ${list}?`;
        expect(withoutSuggestions(message)).toBe(`Cannot query field "${asked}" on type "Child".`);
      }),
    );
  });
});
