import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { hardeningConfigSection } from './hardening-config.js';

const parse = (env: Record<string, string | undefined>) =>
  parseConfig({ hardening: hardeningConfigSection }, env).hardening;

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parse(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('hardeningConfigSection', () => {
  it('has measured defaults, suggestions left to NODE_ENV, no allow-list, 600 a minute', () => {
    expect(parse({})).toEqual({
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 300_000, maxTokens: 2000, maxDirectives: 20 },
      fieldSuggestions: undefined,
      persistedQueries: { mode: 'off' },
      rateLimitPerMinute: 600,
    });
    expect(hardeningConfigSection.variables).toEqual([
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_COST',
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_MAX_DIRECTIVES',
      'GRAPHQL_FIELD_SUGGESTIONS',
      'GRAPHQL_PERSISTED_QUERIES',
      'GRAPHQL_PERSISTED_QUERIES_FILE',
      'GRAPHQL_RATE_LIMIT_PER_MINUTE',
    ]);
  });

  it('reads every variable', () => {
    expect(
      parse({
        GRAPHQL_MAX_DEPTH: '12',
        GRAPHQL_MAX_ALIASES: '5',
        GRAPHQL_MAX_COST: '1000000',
        GRAPHQL_MAX_TOKENS: '5000',
        GRAPHQL_MAX_DIRECTIVES: '0',
        GRAPHQL_FIELD_SUGGESTIONS: 'off',
        GRAPHQL_PERSISTED_QUERIES: 'allow-list',
        GRAPHQL_PERSISTED_QUERIES_FILE: 'config/operations.json',
        GRAPHQL_RATE_LIMIT_PER_MINUTE: '0',
      }),
    ).toEqual({
      limits: { maxDepth: 12, maxAliases: 5, maxCost: 1_000_000, maxTokens: 5000, maxDirectives: 0 },
      fieldSuggestions: false,
      persistedQueries: { mode: 'allow-list', file: 'config/operations.json' },
      rateLimitPerMinute: 0,
    });
  });

  it('needs a manifest file in allow-list mode, and lists it with the other problems', () => {
    expect(
      problems({ GRAPHQL_PERSISTED_QUERIES: 'allow-list', GRAPHQL_MAX_DEPTH: '0', GRAPHQL_MAX_COST: 'lots' }),
    ).toEqual([
      expect.stringMatching(/^GRAPHQL_MAX_DEPTH: /),
      expect.stringMatching(/^GRAPHQL_MAX_COST: /),
      "GRAPHQL_PERSISTED_QUERIES_FILE: required when GRAPHQL_PERSISTED_QUERIES is 'allow-list' (the operation manifest)",
    ]);
  });

  it('refuses unknown modes and values out of range', () => {
    expect(
      problems({
        GRAPHQL_PERSISTED_QUERIES: 'on',
        GRAPHQL_MAX_TOKENS: '10',
        GRAPHQL_RATE_LIMIT_PER_MINUTE: '-1',
        GRAPHQL_FIELD_SUGGESTIONS: 'maybe',
      }).map((problem) => problem.split(':')[0]),
    ).toEqual([
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_FIELD_SUGGESTIONS',
      'GRAPHQL_PERSISTED_QUERIES',
      'GRAPHQL_RATE_LIMIT_PER_MINUTE',
    ]);
  });
});
