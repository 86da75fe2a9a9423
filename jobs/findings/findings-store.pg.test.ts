import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { decided, notAssessed, type Finding } from '../rules/rule.js';
import { actOnFinding } from '../../connectors/findings/finding-actions.js';
import { applyRuleResults, type RuleResult } from './findings-store.js';

let store: TestSchema;
let db: Db;

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_findings' });
  db = store.db;
});
afterEach(async () => {
  await store.drop();
});

const rule: RuleResult['rule'] = {
  id: 'PLACEMENT_PLAN_LATE',
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'LOOKED_AFTER',
  source: { kind: 'LAW', citation: 'CPPCR 2010 reg 9' },
};

const finding = (
  id: string,
  fact = 'placement started 2026-11-02',
  asOf = '2026-11-25T09:00:00Z',
): Finding => ({
  subject: { kind: 'PLACEMENT', id },
  summary: 'No placement plan within 5 working days of the placement starting.',
  evidence: [{ agency: 'SOCIAL_CARE', recordId: id, fact, asOf }],
  dueDate: '2026-11-09',
});

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));

async function rows() {
  const { rows } = await db.query<{ subject_id: string; status: string; owner_person: string | null }>(
    `SELECT subject_id, status, owner_person FROM findings ORDER BY id`,
  );
  return rows;
}

async function historyOf() {
  const { rows } = await db.query<{ change: string; actor: string }>(
    `SELECT change, actor FROM finding_history ORDER BY id`,
  );
  return rows.map((row) => `${row.change}:${row.actor}`);
}

describe('the findings store', () => {
  it('opens one finding per subject, and running again over the same facts changes nothing', async () => {
    const first = await applyRuleResults(db, {
      childId: 'c1',
      results: [{ rule, outcome: decided([finding('PL1'), finding('PL2'), finding('PL1')]) }],
      at: day(25),
      ownerPeople: { SOCIAL_WORKER: 'sam.carter@council.example' },
    });
    expect(first).toMatchObject({ opened: 2, updated: 0, autoResolved: 0 });
    const again = await applyRuleResults(db, {
      childId: 'c1',
      // The same facts, read a day later.
      results: [
        { rule, outcome: decided([finding('PL2', undefined, '2026-11-26T09:00:00Z'), finding('PL1')]) },
      ],
      at: day(26),
      ownerPeople: { SOCIAL_WORKER: 'sam.carter@council.example' },
    });
    expect(again).toMatchObject({ opened: 0, updated: 0, unchanged: 2, autoResolved: 0 });
    expect(await rows()).toEqual([
      { subject_id: 'PL1', status: 'OPEN', owner_person: 'sam.carter@council.example' },
      { subject_id: 'PL2', status: 'OPEN', owner_person: 'sam.carter@council.example' },
    ]);
    expect(await historyOf()).toEqual(['OPENED:reconciliation', 'OPENED:reconciliation']);
  });

  it('updates a finding whose facts changed, and auto-resolves one whose condition cleared', async () => {
    await applyRuleResults(db, {
      childId: 'c1',
      results: [{ rule, outcome: decided([finding('PL1'), finding('PL2')]) }],
      at: day(25),
    });
    const report = await applyRuleResults(db, {
      childId: 'c1',
      results: [{ rule, outcome: decided([finding('PL1', 'placement started 2026-11-03')]) }],
      at: day(26),
    });
    expect(report).toMatchObject({ opened: 0, updated: 1, autoResolved: 1 });
    expect(await rows()).toEqual([
      { subject_id: 'PL1', status: 'OPEN', owner_person: null },
      { subject_id: 'PL2', status: 'AUTO_RESOLVED', owner_person: null },
    ]);
    expect(await historyOf()).toEqual([
      'OPENED:reconciliation',
      'OPENED:reconciliation',
      'UPDATED:reconciliation',
      'AUTO_RESOLVED:reconciliation',
    ]);
  });

  it('leaves findings alone when the rule could not decide, and records that it could not', async () => {
    await applyRuleResults(db, {
      childId: 'c1',
      results: [{ rule, outcome: decided([finding('PL1')]) }],
      at: day(25),
    });
    const report = await applyRuleResults(db, {
      childId: 'c1',
      results: [
        { rule, outcome: notAssessed('AGENCY_UNAVAILABLE', 'social care could not be read', ['socialCare']) },
      ],
      at: day(26),
    });
    expect(report).toMatchObject({ notAssessed: 1, autoResolved: 0 });
    expect(await rows()).toEqual([{ subject_id: 'PL1', status: 'OPEN', owner_person: null }]);
    const { rows: assessed } = await db.query(`SELECT state, reason, agencies FROM rule_assessments`);
    expect(assessed).toEqual([
      { state: 'NOT_ASSESSED', reason: 'AGENCY_UNAVAILABLE', agencies: ['socialCare'] },
    ]);
  });

  it('keeps one open finding when the same child is reconciled twice at once', async () => {
    const run = () =>
      applyRuleResults(db, {
        childId: 'c1',
        results: [{ rule, outcome: decided([finding('PL1')]) }],
        at: day(25),
      });
    const reports = await Promise.all([run(), run(), run(), run()]);
    expect(reports.reduce((sum, report) => sum + report.opened, 0)).toBe(1);
    expect(await rows()).toHaveLength(1);
  });

  it('lets a person acknowledge and resolve with a note; a still-true condition opens a new finding', async () => {
    await applyRuleResults(db, {
      childId: 'c1',
      results: [{ rule, outcome: decided([finding('PL1')]) }],
      at: day(25),
    });
    const {
      rows: [open],
    } = await db.query<{ id: string }>(`SELECT id::text AS id FROM findings`);
    expect(
      await actOnFinding(db, {
        findingId: open!.id,
        action: 'ACKNOWLEDGE',
        actor: 'sw-1',
        note: 'on it',
        at: day(25),
      }),
    ).toBe('ACKNOWLEDGED');
    expect(
      await actOnFinding(db, {
        findingId: open!.id,
        action: 'RESOLVE',
        actor: 'sw-1',
        note: 'plan uploaded',
        at: day(26),
      }),
    ).toBe('RESOLVED');
    expect(
      await actOnFinding(db, {
        findingId: open!.id,
        action: 'RESOLVE',
        actor: 'sw-1',
        note: null,
        at: day(26),
      }),
    ).toBeNull();
    await applyRuleResults(db, {
      childId: 'c1',
      results: [{ rule, outcome: decided([finding('PL1')]) }],
      at: day(27),
    });
    expect((await rows()).map((row) => row.status)).toEqual(['RESOLVED', 'OPEN']);
    expect(await historyOf()).toEqual([
      'OPENED:reconciliation',
      'ACKNOWLEDGED:sw-1',
      'RESOLVED:sw-1',
      'OPENED:reconciliation',
    ]);
  });
});
