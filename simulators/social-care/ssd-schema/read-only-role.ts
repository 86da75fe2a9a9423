import { z } from 'zod';
import type { SqlClient } from '../sql-client.js';
import { sqlIdentifier } from '../sql-client.js';

// Spliced into CREATE ROLE (no bind parameters in DDL), so only characters that need no quoting.
const passwordSchema = z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'password must be 8–64 letters or digits');

/**
 * The login the hub uses: SELECT on the schema's tables and views only, every transaction read-only by default,
 * and the schema first on its search path so queries can name tables unqualified. Role names are cluster-wide.
 */
export async function createReadOnlyRole(
  client: SqlClient,
  schemaName: string,
  roleName: string,
  password?: string,
): Promise<void> {
  const schema = sqlIdentifier(schemaName);
  const role = sqlIdentifier(roleName);
  const passwordClause = password === undefined ? '' : ` PASSWORD '${passwordSchema.parse(password)}'`;
  await client.query(
    [
      `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${passwordClause}`,
      `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
      `ALTER ROLE ${role} SET default_transaction_read_only = on`,
      `ALTER ROLE ${role} SET search_path = ${schema}`,
    ].join(';\n'),
  );
}

export async function dropReadOnlyRole(client: SqlClient, roleName: string): Promise<void> {
  const role = sqlIdentifier(roleName);
  const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (rows.length === 0) return;
  // DROP OWNED also revokes the role's grants, which DROP ROLE would otherwise refuse over.
  await client.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
}
