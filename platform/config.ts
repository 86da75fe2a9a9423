/**
 * Configuration: each module declares its own section (a zod schema over environment variables that turns them
 * into that module's typed config). The composition root combines the sections it needs and parses them once at
 * start-up; an invalid environment stops start-up with every problem listed, not just the first. The result is a
 * plain value passed down to whoever needs it; nothing reads process.env after this.
 */
import { z } from 'zod';
import { ConfigError } from './errors.js';

export type Env = Record<string, string | undefined>;

export interface ConfigSection<T> {
  readonly name: string;
  readonly schema: z.ZodType<T, Env>;
  /** Environment variables this section reads, for .env.example and diagnostics. */
  readonly variables: readonly string[];
}

/** Declares a section from an object schema of env vars and a mapping to the module's config shape. */
export function defineConfigSection<Shape extends z.ZodRawShape, T>(
  name: string,
  shape: Shape,
  toConfig: (env: z.output<z.ZodObject<Shape>>) => T,
): ConfigSection<T> {
  const schema = z.object(shape).transform((env) => toConfig(env)) as unknown as z.ZodType<T, Env>;
  return { name, schema, variables: Object.keys(shape) };
}

type SectionOutputs<S extends Record<string, ConfigSection<unknown>>> = {
  [K in keyof S]: S[K] extends ConfigSection<infer T> ? T : never;
};

/** Parses every section against the environment; throws one ConfigError listing all problems. */
export function parseConfig<S extends Record<string, ConfigSection<unknown>>>(
  sections: S,
  env: Env,
): SectionOutputs<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, section] of Object.entries(sections)) {
    const parsed = section.schema.safeParse(normaliseEmpty(env));
    if (parsed.success) {
      result[key] = parsed.data;
    } else {
      for (const issue of parsed.error.issues) {
        const variable = issue.path.length > 0 ? issue.path.join('.') : section.name;
        problems.push(`${variable}: ${issue.message}`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as SectionOutputs<S>;
}

/** An empty variable (FOO=) means "not set", as in most shells' env files. */
function normaliseEmpty(env: Env): Env {
  const out: Env = {};
  for (const [key, value] of Object.entries(env)) out[key] = value === '' ? undefined : value;
  return out;
}

// ─── helpers for env-var schemas ───

const truthy = new Set(['1', 'true', 'yes', 'on']);
const falsy = new Set(['0', 'false', 'no', 'off']);

/** A boolean env var: 1/0, true/false, yes/no, on/off. */
export function envBoolean(defaultValue: boolean) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return defaultValue;
      const lower = value.toLowerCase();
      if (truthy.has(lower)) return true;
      if (falsy.has(lower)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true/false, got "${value}"` });
      return z.NEVER;
    });
}

/** An integer env var within bounds. */
export function envInt(defaultValue: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue);
}

/** A URL env var restricted to the given protocols (without the colon). */
export function envUrl(protocols: string[]) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `expected a URL (${protocols.join(', ')})` },
  );
}

/** All variables named by a set of sections (for .env.example checks). */
export function variablesOf(sections: Record<string, ConfigSection<unknown>>): string[] {
  return [...new Set(Object.values(sections).flatMap((section) => section.variables))].sort();
}
