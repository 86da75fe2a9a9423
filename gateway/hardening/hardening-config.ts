/**
 * The hardening section of the hub's configuration: how big an operation may be, whether unknown fields get
 * "Did you mean" suggestions, whether only allow-listed operations run, and how many operations a user may send
 * a minute. Defaults are measured against the queries the product runs (README.md in this folder says how).
 */
import { z } from 'zod';
import { envBoolean, envInt, type ConfigSection, type Env } from '../../platform/config.js';

export interface OperationLimitsConfig {
  /** Deepest field nesting, fragments counted as if written inline. */
  maxDepth: number;
  /** Most aliased fields in one operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Highest graphql-armor cost; a list field's `first`/`last` multiplies the cost of what is under it. */
  maxCost: number;
  /** Most lexical tokens in the document: bounds parsing before anything else is done. */
  maxTokens: number;
  /** Most directives (`@include`, `@skip`, ...) in one operation. */
  maxDirectives: number;
}

export type PersistedQueriesConfig = { mode: 'off' } | { mode: 'allow-list'; file: string };

export interface HardeningConfig {
  limits: OperationLimitsConfig;
  /** "Did you mean ...?" in errors; undefined means on outside production, off in production. */
  fieldSuggestions: boolean | undefined;
  persistedQueries: PersistedQueriesConfig;
  /** GraphQL operations per user per minute (sliding window); 0 turns the limiter off. */
  rateLimitPerMinute: number;
}

/** The defaults, and what they were measured against (see README.md). */
export const hardeningDefaults = {
  /** The deepest query the product runs is 7 levels (a page of children down to a placement's unit). */
  maxDepth: 10,
  /** The product's widest operation uses 2. */
  maxAliases: 15,
  /** A page of 100 children with the full view (bench/child-view) costs 225,542. */
  maxCost: 300_000,
  /** That page is 417 tokens. */
  maxTokens: 2000,
  /** The product uses none; a conditional UI might use a few per section. */
  maxDirectives: 20,
  rateLimitPerMinute: 600,
} as const;

const shape = {
  GRAPHQL_MAX_DEPTH: envInt(hardeningDefaults.maxDepth, { min: 2, max: 100 }),
  GRAPHQL_MAX_ALIASES: envInt(hardeningDefaults.maxAliases, { min: 0, max: 1000 }),
  GRAPHQL_MAX_COST: envInt(hardeningDefaults.maxCost, { min: 1, max: 1_000_000_000 }),
  GRAPHQL_MAX_TOKENS: envInt(hardeningDefaults.maxTokens, { min: 100, max: 1_000_000 }),
  GRAPHQL_MAX_DIRECTIVES: envInt(hardeningDefaults.maxDirectives, { min: 0, max: 1000 }),
  GRAPHQL_FIELD_SUGGESTIONS: envBoolean(false).optional(),
  GRAPHQL_PERSISTED_QUERIES: z.enum(['off', 'allow-list']).default('off'),
  GRAPHQL_PERSISTED_QUERIES_FILE: z.string().trim().min(1).optional(),
  GRAPHQL_RATE_LIMIT_PER_MINUTE: envInt(hardeningDefaults.rateLimitPerMinute, { min: 0, max: 1_000_000 }),
};

type HardeningEnv = z.output<z.ZodObject<typeof shape>>;

// Built like defineConfigSection's sections, plus one cross-variable check (as auth-config.ts does). The check
// runs even when another variable is invalid (`when`), so start-up still lists every problem at once.
const schema = z
  .object(shape)
  .refine(
    (env) =>
      env.GRAPHQL_PERSISTED_QUERIES !== 'allow-list' || env.GRAPHQL_PERSISTED_QUERIES_FILE !== undefined,
    {
      path: ['GRAPHQL_PERSISTED_QUERIES_FILE'],
      message: "required when GRAPHQL_PERSISTED_QUERIES is 'allow-list' (the operation manifest)",
      when: (payload) => {
        const value = payload.value as Partial<HardeningEnv> | undefined;
        return (
          typeof value === 'object' && value !== null && value.GRAPHQL_PERSISTED_QUERIES === 'allow-list'
        );
      },
    },
  )
  .transform((env): HardeningConfig => ({
    limits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
    },
    fieldSuggestions: env.GRAPHQL_FIELD_SUGGESTIONS,
    persistedQueries:
      env.GRAPHQL_PERSISTED_QUERIES === 'allow-list' && env.GRAPHQL_PERSISTED_QUERIES_FILE !== undefined
        ? { mode: 'allow-list', file: env.GRAPHQL_PERSISTED_QUERIES_FILE }
        : { mode: 'off' },
    rateLimitPerMinute: env.GRAPHQL_RATE_LIMIT_PER_MINUTE,
  }));

export const hardeningConfigSection: ConfigSection<HardeningConfig> = {
  name: 'hardening',
  schema: schema as unknown as z.ZodType<HardeningConfig, Env>,
  variables: Object.keys(shape),
};
