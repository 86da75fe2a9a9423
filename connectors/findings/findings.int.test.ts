/**
 * The findings subschema through the stitched gateway, on the real PostgreSQL store: a child's findings, the list
 * across children, and acknowledging and resolving — each only for children and categories the caller may see.
 */
import { execute, parse, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitEveryChild, testGatewayContext, unrestrictedTestCaller } from '../../gateway/access/testing.js';
import type { AccessDecider } from '../../gateway/access/child-access.js';
import { stitchGateway } from '../../gateway/stitch.js';
import { applyRuleResults } from '../../jobs/findings/findings-store.js';
import { decided } from '../../jobs/rules/rule.js';
import type { Activity, DataCategory } from '../../gateway/auth/vocabulary.js';
import { createLogger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import type { Connector } from '../connector.js';
import identity from '../identity/index.js';
import findings from './index.js';

let store: TestSchema;
let db: Db;
let schema: ReturnType<typeof stitchGateway>;

const rule = (id: string, category: DataCategory) => ({
  id,
  severity: 'high' as const,
  owner: 'SOCIAL_WORKER' as const,
  category,
  source: { kind: 'LAW' as const, citation: 'CPPCR 2010' },
});

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_findings_gql' });
  db = store.db;
  for (const [id, localId] of [
    ['c1', 'P1'],
    ['c2', 'P2'],
  ] as const) {
    await db.query(`INSERT INTO children (id) VALUES ($1)`, [id]);
    await db.query(
      `INSERT INTO agency_records (agency, local_id, child_id, given_name, family_name, date_of_birth, sex)
       VALUES ('social-care', $1, $2, 'A', 'B', '2012-01-01', 'F')`,
      [localId, id],
    );
  }
  for (const childId of ['c1', 'c2'])
    await applyRuleResults(db, {
      childId,
      at: new Date('2026-11-25T09:00:00Z'),
      results: [
        {
          rule: rule('PLACEMENT_PLAN_LATE', 'LOOKED_AFTER'),
          outcome: decided([
            {
              subject: { kind: 'PLACEMENT', id: `PL-${childId}` },
              summary: 'No placement plan.',
              evidence: [
                {
                  agency: 'SOCIAL_CARE',
                  recordId: `PL-${childId}`,
                  fact: 'placement started 2026-11-02',
                  asOf: null,
                },
              ],
              dueDate: '2026-11-09',
            },
          ]),
        },
        {
          rule: rule('RHA_OVERDUE', 'HEALTH'),
          outcome: decided([
            {
              subject: { kind: 'CHILD', id: childId },
              summary: 'Review health assessment overdue.',
              evidence: [{ agency: 'HEALTH', recordId: null, fact: 'last review 2025-06-01', asOf: null }],
              dueDate: '2026-06-01',
            },
          ]),
        },
      ],
    });
  const deps = {
    logger: createLogger({ service: 'findings-test', level: 'silent' }),
    redis: undefined as never,
    cacheKey: () => 'unused',
    now: () => new Date('2026-11-26T09:00:00Z'),
    db,
  };
  const connectors: Connector[] = [
    await identity.create({ maxBatchSize: 100 } as never, deps),
    await findings.create({}, deps),
  ];
  schema = stitchGateway(connectors);
}, 60_000);

afterAll(async () => {
  await store?.drop();
});

/** Only c1 is the caller's. */
const onlyC1: AccessDecider = {
  decide: async (_caller, ids) =>
    new Map(
      ids.map((id) => [
        id,
        {
          childId: id,
          allowed: id === 'c1',
          basis: id === 'c1' ? 'RELATIONSHIP' : 'NONE',
          grantId: null,
          sealedReason: null,
        },
      ]),
    ),
  reachableChildIds: async () => ['c1'],
};

async function run(
  query: string,
  options: { categories?: DataCategory[]; activities?: Activity[]; decider?: AccessDecider } = {},
) {
  const caller = unrestrictedTestCaller({
    ...(options.categories ? { categories: new Set(options.categories) } : {}),
    ...(options.activities ? { activities: new Set(options.activities) } : {}),
  });
  return (await execute({
    schema,
    document: parse(query),
    contextValue: testGatewayContext({ caller, decider: options.decider ?? onlyC1 }),
  })) as ExecutionResult<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('findings in the child view', () => {
  it('shows a child’s findings, most severe first, with evidence and history', async () => {
    const result = await run(
      `{ child(id: "c1") { findings { rule severity category status dueDate evidence { agency fact } history { change actor } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.child.findings.map((f: { rule: string }) => f.rule).sort()).toEqual([
      'PLACEMENT_PLAN_LATE',
      'RHA_OVERDUE',
    ]);
    expect(result.data?.child.findings[0].history).toEqual([{ change: 'OPENED', actor: 'reconciliation' }]);
  });

  it('hides findings of categories the role may not see', async () => {
    const result = await run(`{ child(id: "c1") { findings { rule } } }`, {
      categories: ['IDENTITY', 'LOOKED_AFTER'],
    });
    expect(result.data?.child.findings).toEqual([{ rule: 'PLACEMENT_PLAN_LATE' }]);
  });

  it('lists findings only for the caller’s children, filtered', async () => {
    const all = await run(`{ findings { edges { node { childId rule } } pageInfo { hasNextPage } } }`);
    expect(all.data?.findings.edges.map((e: { node: { childId: string } }) => e.node.childId)).toEqual([
      'c1',
      'c1',
    ]);
    const high = await run(
      `{ findings(filter: { rules: ["RHA_OVERDUE"], agency: HEALTH }) { edges { node { childId rule } } } }`,
    );
    expect(high.data?.findings.edges).toEqual([{ node: { childId: 'c1', rule: 'RHA_OVERDUE' } }]);
    const everyone = await run(
      `{ findings(first: 1) { edges { node { childId } } pageInfo { hasNextPage endCursor } } }`,
      { decider: admitEveryChild({ db }) },
    );
    expect(everyone.data?.findings.pageInfo.hasNextPage).toBe(true);
    const next = await run(
      `{ findings(first: 10, after: "${everyone.data?.findings.pageInfo.endCursor}") { edges { node { childId } } } }`,
      { decider: admitEveryChild({ db }) },
    );
    expect(next.data?.findings.edges).toHaveLength(3);
  });

  it('acknowledges and resolves with the activity, a note, and only for a finding the caller may see', async () => {
    const { rows } = await db.query<{ id: string; child_id: string }>(
      `SELECT id::text AS id, child_id FROM findings WHERE rule_id = 'PLACEMENT_PLAN_LATE' ORDER BY child_id`,
    );
    const [mine, theirs] = [rows[0]!.id, rows[1]!.id];
    const noActivity = await run(`mutation { acknowledgeFinding(id: "${mine}") { status } }`, {
      activities: ['VIEW_CHILD_RECORD'],
    });
    expect(noActivity.errors?.[0]?.message).toBe('You are not allowed to see this.');
    const notMine = await run(`mutation { acknowledgeFinding(id: "${theirs}") { status } }`);
    expect(notMine.errors?.[0]?.message).toBe('No such finding.');
    const acknowledged = await run(
      `mutation { acknowledgeFinding(id: "${mine}", note: "Booking the plan meeting") { status } }`,
    );
    expect(acknowledged.data?.acknowledgeFinding).toEqual({ status: 'ACKNOWLEDGED' });
    const noNote = await run(`mutation { resolveFinding(id: "${mine}", note: "  ") { status } }`);
    expect(noNote.errors?.[0]?.message).toBe('Say how the finding was resolved.');
    const resolved = await run(
      `mutation { resolveFinding(id: "${mine}", note: "Plan uploaded") { status history { change actor note } } }`,
    );
    expect(resolved.data?.resolveFinding).toEqual({
      status: 'RESOLVED',
      history: [
        { change: 'OPENED', actor: 'reconciliation', note: null },
        { change: 'ACKNOWLEDGED', actor: 'test-user', note: 'Booking the plan meeting' },
        { change: 'RESOLVED', actor: 'test-user', note: 'Plan uploaded' },
      ],
    });
  });
});
