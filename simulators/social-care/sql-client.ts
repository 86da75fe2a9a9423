import { z } from 'zod';

/** The part of a `pg` client (or pool) this simulator needs, so every SQL path works against either. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * Schema and role names are spliced into DDL (they cannot be bind parameters), so they are restricted to plain
 * lower-case identifiers rather than escaped.
 */
export const sqlIdentifierSchema = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]{0,62}$/,
    'must be a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters)',
  );

export function sqlIdentifier(name: string): string {
  return sqlIdentifierSchema.parse(name);
}
