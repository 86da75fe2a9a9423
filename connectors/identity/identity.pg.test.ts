import { randomUUID } from 'node:crypto';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { writeIdentityIndex } from './index-writer.js';
import { linkRecords, type AgencyPersonRecord } from './matching/index.js';
import { createIdentitySchema } from './schema.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const person = (
  over: Partial<AgencyPersonRecord> & Pick<AgencyPersonRecord, 'agency' | 'localId'>,
): AgencyPersonRecord => ({
  nhsNumber: null,
  upn: null,
  givenName: 'Jordan',
  familyName: 'Ellis',
  dateOfBirth: '2010-03-14',
  sex: 'M',
  postcode: 'LS6 2AB',
  ...over,
});

// NHS number 9434765919 is valid; 9434765918 is not. J873123456789 is a valid UPN.
const records: AgencyPersonRecord[] = [
  person({ agency: 'social-care', localId: 'SC1', nhsNumber: '9434765919', upn: 'J873123456789' }),
  person({ agency: 'gp', localId: 'P1', nhsNumber: '9434765919' }),
  person({ agency: 'education', localId: 'E1', upn: 'J873123456789' }),
  person({
    agency: 'adult',
    localId: 'A1',
    nhsNumber: '9434765918',
    givenName: 'Kim',
    familyName: 'Osei',
    dateOfBirth: '2008-01-02',
    sex: 'F',
    postcode: 'BD1 1AA',
  }),
];

describe('identity index on PostgreSQL', () => {
  const schemaName = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let db: Db;
  let counter = 0;
  const makeId = () => `ch_test${(counter += 1)}`;

  beforeAll(async () => {
    db = await openPostgresDb({
      url: databaseUrl,
      schema: schemaName,
      poolMax: 4,
      statementTimeoutMs: 10_000,
    });
    await migrate(db);
  });
  afterAll(async () => {
    await db.exec(`DROP SCHEMA ${schemaName} CASCADE`);
    await db.close();
  });

  const query = (source: string, variables: Record<string, unknown> = {}) =>
    execute({
      schema: createIdentitySchema({ db, maxBatchSize: 100, actorOf: () => 'tester' }),
      document: parse(source),
      variableValues: variables,
      contextValue: {},
    });

  it('links records deterministically, records an invalid NHS number as a conflict, and serves the child', async () => {
    const report = await writeIdentityIndex(db, records, linkRecords(records), makeId);
    expect(report).toMatchObject({ children: 2, newChildren: 2, records: 4 });
    const result = await query(`{ childByIdentifier(system: NHS_NUMBER, value: "943 476 5919") {
      id givenName nhsNumber upn socialCarePersonIds gpPatientIds educationPupilIds adultPersonIds links { agency method } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.childByIdentifier).toMatchObject({
      givenName: 'Jordan',
      nhsNumber: '9434765919',
      upn: 'J873123456789',
      socialCarePersonIds: ['SC1'],
      gpPatientIds: ['P1'],
      educationPupilIds: ['E1'],
      adultPersonIds: [],
    });
    const other = await query(
      `{ childByIdentifier(system: ADULT_PERSON_ID, value: "A1") { nhsNumber identityConflicts { agency kind } } }`,
    );
    expect(other.data?.childByIdentifier).toEqual({
      nhsNumber: null,
      identityConflicts: [{ agency: 'ADULT_SERVICES', kind: 'INVALID_NHS_NUMBER' }],
    });
  });

  it('keeps child ids stable when the same records are linked again', async () => {
    const before = await query(
      `{ children(first: 10) { edges { node { id socialCarePersonIds } } totalCount } }`,
    );
    await writeIdentityIndex(db, records, linkRecords(records), makeId);
    const after = await query(
      `{ children(first: 10) { edges { node { id socialCarePersonIds } } totalCount } }`,
    );
    expect(after.data).toEqual(before.data);
    expect(counter).toBe(2);
  });

  it('pages children with a cursor, and filters by linked agency', async () => {
    const first = await query(
      `{ children(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
    );
    const page = first.data?.children as {
      pageInfo: { endCursor: string; hasNextPage: boolean };
      totalCount: number;
    };
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.totalCount).toBe(2);
    const second = await query(
      `query ($after: String) { children(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    expect((second.data?.children as { pageInfo: { hasNextPage: boolean } }).pageInfo.hasNextPage).toBe(
      false,
    );
    const gpOnly = await query(`{ children(filter: { linkedTo: [HEALTH] }) { totalCount } }`);
    expect(gpOnly.data?.children).toEqual({ totalCount: 1 });
    const both = await query(`{ children(filter: { linkedTo: [HEALTH, ADULT_SERVICES] }) { totalCount } }`);
    expect(both.data?.children).toEqual({ totalCount: 0 });
  });

  it('rejects an invalid NHS number in a lookup with a validation error', async () => {
    const result = await query(`{ childByIdentifier(system: NHS_NUMBER, value: "9434765918") { id } }`);
    expect(result.errors?.[0]?.message).toBe('That is not a valid NHS number.');
  });

  it('never links an uncertain pair until someone confirms it, then merges the children', async () => {
    const uncertain: AgencyPersonRecord[] = [
      person({
        agency: 'social-care',
        localId: 'SC9',
        givenName: 'Aimee',
        familyName: 'Clarke',
        dateOfBirth: '2012-07-09',
        sex: 'F',
        postcode: 'HX1 1AA',
      }),
      person({
        agency: 'education',
        localId: 'E9',
        givenName: 'Amy',
        familyName: 'Clark',
        dateOfBirth: '2012-09-07',
        sex: 'F',
        postcode: null,
      }),
    ];
    const all = [...records, ...uncertain];
    // The pair is put to review by hand, so this test is about the review path, not the matcher's thresholds.
    const linked = linkRecords(records);
    const result = {
      ...linked,
      clusters: [
        ...linked.clusters,
        ...uncertain.map((record) => ({
          records: [{ agency: record.agency, localId: record.localId }],
          links: [],
        })),
      ],
      reviews: [
        {
          a: { agency: 'social-care' as const, localId: 'SC9' },
          b: { agency: 'education' as const, localId: 'E9' },
          score: 4.2,
          agreement: { givenName: 'NICKNAME' } as never,
        },
      ],
    };
    await writeIdentityIndex(db, all, result, makeId);
    const reviews = await query(`{ matchReviews { nodes { id a { localId } b { localId } status } } }`);
    const node = (reviews.data?.matchReviews as { nodes: Array<{ id: string }> }).nodes[0]!;
    const before = await query(
      `{ childByIdentifier(system: EDUCATION_PUPIL_ID, value: "E9") { socialCarePersonIds } }`,
    );
    expect(before.data?.childByIdentifier).toEqual({ socialCarePersonIds: [] });
    const confirmed = await execute({
      schema: createIdentitySchema({ db, maxBatchSize: 100, actorOf: () => 'tester' }),
      document: parse(
        `mutation ($id: ID!) { confirmMatch(reviewId: $id, reason: "same child, school confirmed") { status } }`,
      ),
      variableValues: { id: node.id },
      contextValue: {},
    });
    expect(confirmed.data?.confirmMatch).toEqual({ status: 'CONFIRMED' });
    const after = await query(
      `{ childByIdentifier(system: EDUCATION_PUPIL_ID, value: "E9") { socialCarePersonIds links { localId method } } }`,
    );
    expect(after.data?.childByIdentifier).toMatchObject({ socialCarePersonIds: ['SC9'] });
  });

  it('splits a record out of a child on request, and the matcher keeps it apart', async () => {
    const before = await query(
      `{ childByIdentifier(system: EDUCATION_PUPIL_ID, value: "E1") { id educationPupilIds socialCarePersonIds } }`,
    );
    const childId = (before.data?.childByIdentifier as { id: string }).id;
    const split = await execute({
      schema: createIdentitySchema({ db, maxBatchSize: 100, actorOf: () => 'tester' }),
      document: parse(
        `mutation ($id: ID!) { splitLink(childId: $id, agency: EDUCATION, localId: "E1", reason: "different pupil") { id educationPupilIds socialCarePersonIds links { method } } }`,
      ),
      variableValues: { id: childId },
      contextValue: {},
    });
    expect(split.errors).toBeUndefined();
    const created = split.data?.splitLink as {
      id: string;
      educationPupilIds: string[];
      socialCarePersonIds: string[];
      links: Array<{ method: string }>;
    };
    expect(created.id).not.toBe(childId);
    expect(created).toMatchObject({
      educationPupilIds: ['E1'],
      socialCarePersonIds: [],
      links: [{ method: 'MANUAL' }],
    });
    const decisions = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_decisions WHERE decision = 'SPLIT' AND 'E1' IN (a_local_id, b_local_id)`,
    );
    expect(decisions.rows[0]?.n).toBeGreaterThan(0);
  });
});
