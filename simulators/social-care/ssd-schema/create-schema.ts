import type { SqlClient } from '../sql-client.js';
import { sqlIdentifier } from '../sql-client.js';
import { allTables } from './all-tables.js';
import { extensionViews } from './extension-tables.js';
import type { TableDef } from './table-def.js';

function createTableSql(schema: string, def: TableDef): string {
  const columns = def.columns.map((col) =>
    col.name === def.primaryKey ? `${col.name} ${col.sqlType} PRIMARY KEY` : `${col.name} ${col.sqlType}`,
  );
  return `CREATE TABLE ${schema}.${def.name} (\n  ${columns.join(',\n  ')}\n)`;
}

function createIndexSql(schema: string, def: TableDef): string[] {
  return def.indexed.map((col) => `CREATE INDEX ${def.name}_${col}_idx ON ${schema}.${def.name} (${col})`);
}

/**
 * Creates the SSD tables, the local extension and their indexes in `schemaName` (which must not exist yet).
 * Person-id columns and the keys tables join on are indexed so `WHERE x_person_id = ANY($1)` stays an index scan.
 */
export async function createSsdSchema(client: SqlClient, schemaName: string): Promise<void> {
  const schema = sqlIdentifier(schemaName);
  const statements = [
    `CREATE SCHEMA ${schema}`,
    ...allTables.map((def) => createTableSql(schema, def)),
    ...allTables.flatMap((def) => createIndexSql(schema, def)),
    ...extensionViews.map((view) => `CREATE VIEW ${schema}.${view.name} AS ${view.select(schema)}`),
  ];
  // One round trip: the simple protocol runs a multi-statement string as one implicit transaction.
  await client.query(statements.join(';\n'));
}

export async function dropSsdSchema(client: SqlClient, schemaName: string): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${sqlIdentifier(schemaName)} CASCADE`);
}
