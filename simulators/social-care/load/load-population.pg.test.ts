import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePopulation } from '../../population/generate.js';
import { buildSyntheticPopulation } from '../fixtures/synthetic-population.js';
import { createSsdSchema, dropSsdSchema } from '../ssd-schema/create-schema.js';
import { testDatabaseUrl, uniqueName } from '../test-support/pg-test-env.js';
import { DuplicateKeyError } from './insert-rows.js';
import { loadPopulation } from './load-population.js';

describe('loadPopulation into PostgreSQL', () => {
  const owner = new pg.Client({ connectionString: testDatabaseUrl });
  const schemas: string[] = [];
  const freshSchema = async () => {
    const schema = uniqueName('ssd_load_test');
    schemas.push(schema);
    await createSsdSchema(owner, schema);
    return schema;
  };

  beforeAll(async () => {
    await owner.connect();
  });

  afterAll(async () => {
    for (const schema of schemas) await dropSsdSchema(owner, schema);
    await owner.end();
  });

  it('stores a child as social care recorded them, readable back by person id', async () => {
    const population = buildSyntheticPopulation({ socialCareRecords: 200, seed: 11 });
    const schema = await freshSchema();
    const summary = await loadPopulation(owner, schema, population);
    expect(summary.rows.ssd_person).toBe(200);

    const child = population.socialCare.find((r) => r.placements.length > 0 && r.identity.nhsNumber !== null);
    if (!child) throw new Error('fixture has no looked-after child with an NHS number');
    const { rows } = await owner.query(
      `SELECT pers_forename, pers_surname, pers_common_child_id, to_char(pers_dob, 'YYYY-MM-DD') AS dob
         FROM ${schema}.ssd_person WHERE pers_person_id = $1`,
      [child.personId],
    );
    expect(rows).toEqual([
      {
        pers_forename: child.identity.givenName,
        pers_surname: child.identity.familyName,
        pers_common_child_id: child.identity.nhsNumber,
        dob: child.identity.dateOfBirth,
      },
    ]);
    const placements = await owner.query(
      `SELECT clap_cla_placement_id, clap_cla_placement_start_date FROM ${schema}.ssd_cla_placement
        WHERE clap_person_id = $1 ORDER BY clap_cla_placement_start_date`,
      [child.personId],
    );
    expect(placements.rows.map((r) => r.clap_cla_placement_id)).toEqual(
      [...child.placements]
        .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))
        .map((p) => p.id),
    );
    expect((placements.rows[0]?.clap_cla_placement_start_date as Date).getTime()).toBeGreaterThan(0);
  });

  it('answers a batched ANY lookup for many children in one query', async () => {
    const population = buildSyntheticPopulation({ socialCareRecords: 300, seed: 12 });
    const schema = await freshSchema();
    await loadPopulation(owner, schema, population);
    const ids = population.socialCare.slice(0, 150).map((r) => r.personId);
    const expected = population.socialCare
      .slice(0, 150)
      .reduce((n, r) => n + r.visits.filter((v) => v.kind === 'CIN').length, 0);
    const { rows } = await owner.query(
      `SELECT cinv_person_id FROM ${schema}.ssd_cin_visits WHERE cinv_person_id = ANY($1::text[])`,
      [ids],
    );
    expect(rows.length).toBe(expected);
    expect(new Set(rows.map((r) => r.cinv_person_id)).size).toBeGreaterThan(100);
  });

  it('refuses a population whose ids repeat, naming the table, and writes nothing', async () => {
    const population = buildSyntheticPopulation({ socialCareRecords: 3, seed: 13 });
    const [first, second] = population.socialCare;
    if (!first || !second) throw new Error('fixture too small');
    second.personId = first.personId;
    const schema = await freshSchema();
    await expect(loadPopulation(owner, schema, population)).rejects.toThrow(DuplicateKeyError);
    await expect(loadPopulation(owner, schema, population)).rejects.toThrow(/ssd_person/);
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM ${schema}.ssd_person`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('loads what the shared population generator produces', { timeout: 120_000 }, async () => {
    const population = generatePopulation({ seed: 15, size: 3000 });
    const schema = await freshSchema();
    const summary = await loadPopulation(owner, schema, population);
    expect(summary.rows.ssd_person).toBe(population.socialCare.length);
    const lookedAfter = population.socialCare.filter((r) => r.placements.length > 0).map((r) => r.personId);
    const { rows } = await owner.query(
      `SELECT count(DISTINCT clap_person_id)::int AS n FROM ${schema}.ssd_cla_placement WHERE clap_person_id = ANY($1)`,
      [lookedAfter],
    );
    expect(rows[0]).toEqual({ n: lookedAfter.length });
  });

  it('loads a 100,000-child area (15,000 social care records) completely', { timeout: 180_000 }, async () => {
    const population = buildSyntheticPopulation({ socialCareRecords: 15_000, seed: 14 });
    const schema = await freshSchema();
    const summary = await loadPopulation(owner, schema, population);
    const { rows } = await owner.query(
      `SELECT (SELECT count(*) FROM ${schema}.ssd_person)::int AS people,
              (SELECT count(*) FROM ${schema}.ssd_cla_placement)::int AS placements,
              (SELECT count(*) FROM ${schema}.ssd_cin_visits)::int AS visits`,
    );
    expect(rows[0]).toEqual({
      people: 15_000,
      placements: summary.rows.ssd_cla_placement,
      visits: summary.rows.ssd_cin_visits,
    });
    expect(summary.totalRows).toBeGreaterThan(200_000);
  });
});
