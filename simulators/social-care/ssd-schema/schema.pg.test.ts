import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, uniqueName } from '../test-support/pg-test-env.js';
import { createSsdSchema, dropSsdSchema } from './create-schema.js';
import { createReadOnlyRole, dropReadOnlyRole } from './read-only-role.js';
import { ssdStandard } from './ssd-standard.js';

// information_schema.columns.data_type for each of the standard's types.
const pgTypeOf: Record<string, string[]> = {
  nvarchar: ['character varying', 'text'],
  datetime: ['timestamp without time zone'],
  nchar: ['character'],
  float: ['double precision'],
  int: ['integer'],
};

describe('SSD schema in PostgreSQL', () => {
  const owner = new pg.Client({ connectionString: testDatabaseUrl });
  const schema = uniqueName('ssd_schema_test');
  const role = uniqueName('ssd_reader_test');

  beforeAll(async () => {
    await owner.connect();
    await createSsdSchema(owner, schema);
    await createReadOnlyRole(owner, schema, role, 'readerpassword1');
  });

  afterAll(async () => {
    await dropReadOnlyRole(owner, role);
    await dropSsdSchema(owner, schema);
    await owner.end();
  });

  it('has every standard table with exactly the standard columns and types', async () => {
    const { rows } = await owner.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = $1 AND table_name LIKE 'ssd\\_%' ORDER BY table_name, ordinal_position`,
      [schema],
    );
    const actual = new Map<string, Array<[string, string]>>();
    for (const row of rows)
      actual.set(row.table_name, [...(actual.get(row.table_name) ?? []), [row.column_name, row.data_type]]);
    expect([...actual.keys()].sort()).toEqual(Object.keys(ssdStandard).sort());
    for (const [table, columns] of Object.entries(ssdStandard)) {
      const got = actual.get(table) ?? [];
      expect(
        got.map(([name]) => name),
        table,
      ).toEqual(columns.map(([name]) => name));
      columns.forEach(([name, type], i) => expect(pgTypeOf[type], `${table}.${name}`).toContain(got[i]?.[1]));
    }
  });

  it('indexes every person id column for batched ANY lookups', async () => {
    const { rows } = await owner.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = $1 AND c.column_name LIKE '%\\_person\\_id'
          AND NOT EXISTS (
            SELECT 1 FROM pg_indexes i
             WHERE i.schemaname = c.table_schema AND i.tablename = c.table_name
               AND i.indexdef ~ ('\\(' || c.column_name || '\\)'))`,
      [schema],
    );
    expect(rows).toEqual([]);
  });

  it('gives the reader SELECT only, read-only by default, with the schema on its search path', async () => {
    const url = new URL(testDatabaseUrl);
    url.username = role;
    url.password = 'readerpassword1';
    const reader = new pg.Client({ connectionString: url.toString() });
    await reader.connect();
    try {
      const { rows } = await reader.query('SELECT count(*)::int AS n FROM ssd_person');
      expect(rows[0]).toEqual({ n: 0 });
      await expect(
        reader.query(`INSERT INTO ssd_person (pers_person_id) VALUES ('X')`),
      ).rejects.toMatchObject({
        code: '25006',
      });
      await reader.query('BEGIN READ WRITE');
      await expect(
        reader.query(`INSERT INTO ssd_person (pers_person_id) VALUES ('X')`),
      ).rejects.toMatchObject({
        code: '42501',
      });
      await reader.query('ROLLBACK');
    } finally {
      await reader.end();
    }
  });
});
