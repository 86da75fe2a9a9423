/**
 * The batched findings store against the per-child reference: any sequence of nights, each a batch of children
 * (a child possibly listed twice), leaves exactly what applying the same inputs one child at a time leaves — the
 * same findings, statuses, history and assessments, and the same reports — and batches that share children,
 * running at once, neither deadlock nor open a finding twice.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { decided, notAssessed, type Finding } from '../rules/rule.js';
import {
  applyRuleResults,
  applyRuleResultsBatch,
  type ApplyInput,
  type RuleResult,
} from './findings-store.js';

let batched: TestSchema;
let oneByOne: TestSchema;

beforeAll(async () => {
  batched = await migratedSchema({ prefix: 't_findings_batch' });
  oneByOne = await migratedSchema({ prefix: 't_findings_single' });
});
afterAll(async () => {
  await batched?.drop();
  await oneByOne?.drop();
});

const rules: Array<RuleResult['rule']> = ['PLACEMENT_PLAN_LATE', 'HEALTH_ASSESSMENT_OVERDUE'].map((id) => ({
  id,
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'LOOKED_AFTER',
  source: { kind: 'LAW', citation: 'CPPCR 2010 reg 9' },
}));

const finding = (subject: string, fact: number, due: string | null): Finding => ({
  subject: { kind: 'PLACEMENT', id: subject },
  summary: 'No placement plan within 5 working days of the placement starting.',
  evidence: [{ agency: 'SOCIAL_CARE', recordId: subject, fact: `fact ${fact}`, asOf: null }],
  dueDate: due,
});

/** One rule's outcome for a child: not assessed, or some of three subjects with one of two facts each. */
const outcome = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constant(notAssessed('AGENCY_UNAVAILABLE', 'social care TIMED_OUT', ['socialCare'])),
  },
  {
    weight: 4,
    arbitrary: fc
      .subarray(['PL1', 'PL2', 'PL3'])
      .chain((subjects) =>
        fc.tuple(
          ...subjects.map((subject) =>
            fc.tuple(fc.constant(subject), fc.nat(1), fc.constantFrom(null, '2026-11-09')),
          ),
        ),
      )
      .map((chosen) => decided(chosen.map(([subject, fact, due]) => finding(subject, fact, due)))),
  },
);

const input = (night: number) =>
  fc
    .record({
      childId: fc.constantFrom('c1', 'c2', 'c3'),
      outcomes: fc.tuple(outcome, outcome),
      owner: fc.constantFrom(undefined, 'sam.carter@council.example'),
    })
    .map(({ childId, outcomes, owner }): ApplyInput => ({
      childId,
      results: rules.map((rule, i) => ({ rule, outcome: outcomes[i]! })),
      at: new Date(Date.UTC(2026, 10, 20 + night, 9)),
      ...(owner === undefined ? {} : { ownerPeople: { SOCIAL_WORKER: owner } }),
    }));

const nights = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, night) => fc.array(input(night), { minLength: 1, maxLength: 4 })),
    ),
  );

/** Everything the store holds, without generated ids. */
async function contents(db: Db) {
  const findings = await db.query(
    `SELECT child_id, rule_id, subject_kind, subject_id, severity, summary, evidence,
            to_char(due_date, 'YYYY-MM-DD') AS due_date, owner_role, owner_person, status,
            opened_at, status_changed_at, closed_at,
            (SELECT json_agg(json_build_array(h.change, h.status, h.actor, h.at, h.detail) ORDER BY h.id)
             FROM finding_history h WHERE h.finding_id = f.id) AS history
     FROM findings f ORDER BY child_id, rule_id, subject_id, opened_at, closed_at NULLS LAST, status`,
  );
  const assessments = await db.query(`SELECT * FROM rule_assessments ORDER BY child_id, rule_id`);
  return { findings: findings.rows, assessments: assessments.rows };
}

async function empty(db: Db) {
  await db.exec('TRUNCATE finding_history, findings, rule_assessments');
}

describe('applying a batch of children', () => {
  it('leaves what applying them one child at a time leaves, with the same reports (property)', async () => {
    await fc.assert(
      fc.asyncProperty(nights, async (batches) => {
        await empty(batched.db);
        await empty(oneByOne.db);
        for (const batch of batches) {
          const together = await applyRuleResultsBatch(batched.db, batch);
          const separately = [];
          for (const one of batch) separately.push(await applyRuleResults(oneByOne.db, one));
          expect(together).toEqual(separately);
        }
        expect(await contents(batched.db)).toEqual(await contents(oneByOne.db));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('serialises batches that share children: no deadlock, one open finding each', async () => {
    await empty(batched.db);
    const children = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const batch = (ids: string[]): ApplyInput[] =>
      ids.map((childId) => ({
        childId,
        results: [{ rule: rules[0]!, outcome: decided([finding('PL1', 0, null)]) }],
        at: new Date(Date.UTC(2026, 10, 25, 9)),
      }));
    // Overlapping sets in opposite orders: taken in list order, their locks would deadlock.
    const reports = await Promise.all([
      applyRuleResultsBatch(batched.db, batch(children)),
      applyRuleResultsBatch(batched.db, batch([...children].reverse())),
      applyRuleResultsBatch(batched.db, batch(children.slice(10, 25))),
      applyRuleResults(batched.db, batch(['c12'])[0]!),
    ]);
    const opened = reports.flat().reduce((sum, report) => sum + report.opened, 0);
    expect(opened).toBe(children.length);
    const { rows } = await batched.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM findings WHERE status = 'OPEN'`,
    );
    expect(rows[0]?.n).toBe(children.length);
  });

  it('does nothing for no children', async () => {
    expect(await applyRuleResultsBatch(batched.db, [])).toEqual([]);
  });
});
