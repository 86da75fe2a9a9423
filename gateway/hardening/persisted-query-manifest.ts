/**
 * The allow-list of operations (GRAPHQL_PERSISTED_QUERIES_FILE), in Apollo's persisted query manifest format, as
 * `@apollo/generate-persisted-query-manifest` writes it from a client's code:
 *
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 of body, hex>", "name": "ChildView", "type": "query", "body": "query ..." }] }
 *
 * Validated at load: a bad file stops start-up with every problem listed. Each id must be the SHA-256 of its body
 * (the hash a client sends is checked against it, so a wrong id would let nothing or the wrong text through), and
 * each body must parse.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'graphql';
import { z } from 'zod';
import { ConfigError } from '../../platform/errors.js';

export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  /** By id: the SHA-256 (lower-case hex) of the operation's text. */
  readonly operations: ReadonlyMap<string, PersistedOperation>;
}

const manifestSchema = z.strictObject({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.strictObject({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex'),
      name: z.string().trim().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bodyProblem(body: string): string | undefined {
  try {
    parse(body);
    return undefined;
  } catch (error) {
    return `body does not parse (${(error as Error).message})`;
  }
}

/** Validates a parsed manifest; throws a ConfigError listing every problem, each prefixed with `source`. */
export function parsePersistedQueryManifest(raw: unknown, source = 'manifest'): PersistedQueryManifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const operations = new Map<string, PersistedOperation>();
  parsed.data.operations.forEach((operation, index) => {
    const at = `${source}: operations.${index} (${operation.name})`;
    if (sha256Hex(operation.body) !== operation.id) problems.push(`${at}: id is not the SHA-256 of body`);
    const unparsable = bodyProblem(operation.body);
    if (unparsable) problems.push(`${at}: ${unparsable}`);
    if (operations.has(operation.id)) problems.push(`${at}: duplicate id`);
    operations.set(operation.id, operation);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return { operations };
}

/** Reads and validates the manifest file (GRAPHQL_PERSISTED_QUERIES_FILE). */
export async function loadPersistedQueryManifest(file: string): Promise<PersistedQueryManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `GRAPHQL_PERSISTED_QUERIES_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${file}: not JSON (${(error as Error).message})`]);
  }
  return parsePersistedQueryManifest(raw, file);
}
