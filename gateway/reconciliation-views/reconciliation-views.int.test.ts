/**
 * The views through a real gateway, over the agency simulators with the demo population (learning-review
 * children included), a migrated PostgreSQL store with the identity index built, and the connectors' own reads:
 * child A's plans across the agencies, what her Oak House referral left out, and the tracking panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childIdsByRecords } from '../../connectors/identity/identity-reads.js';
import { addMonths, dateOf, dayOf } from '../../jobs/rules/time/calendar-day.js';
import {
  startChildViewHarness,
  type ChildViewHarness,
  type RunningGateway,
} from '../../test/support/child-view-harness.js';
import { admitEveryChild, openTestAccess, unrestrictedTestCaller } from '../access/testing.js';

// Generous timeouts and no retries (as jobs/reconcile's int test): a busy two-core machine never times out.
const connectorEnv: Record<string, string> = Object.fromEntries(
  ['SOCIAL_CARE', 'HEALTH', 'EDUCATION', 'ADULT_SERVICES'].flatMap((prefix) => [
    [`${prefix}_TIMEOUT_MS`, '5000'],
    [`${prefix}_RETRIES`, '0'],
    [`${prefix}_BREAKER_THRESHOLD`, '100'],
  ]),
);

let hub: ChildViewHarness;
let gateway: RunningGateway;
let scenario: { a: string; b: string; c: string };

async function hubIdOf(key: string): Promise<string> {
  const record = hub.population.socialCare.find((r) => r.truthKey === `learning-review/${key}`);
  if (!record) throw new Error(`the demo population has no learning-review/${key}`);
  const [childId] = await childIdsByRecords(hub.db, 'social-care', [record.personId]);
  if (!childId) throw new Error(`the identity index has not linked learning-review/${key}`);
  return childId;
}

/** The day `days` before the population's as-of day (scenario dates are written as D-n). */
const daysAgo = (days: number) =>
  new Date(Date.parse(hub.asOf.slice(0, 10)) - days * 86_400_000).toISOString().slice(0, 10);

async function addFinding(
  childId: string,
  rule: string,
  subjectKind: string,
  subjectId: string,
  category: string,
) {
  await hub.db.query(
    `INSERT INTO findings (child_id, rule_id, subject_kind, subject_id, severity, category, summary, evidence,
       due_date, source_kind, source_citation, owner_role, status, opened_at, status_changed_at)
     VALUES ($1, $2, $3, $4, 'high', $5, 'A finding.', '[]', NULL, 'LEARNING_REVIEW', 'The learning review',
       'PANEL', 'OPEN', now(), now())`,
    [childId, rule, subjectKind, subjectId, category],
  );
}

beforeAll(async () => {
  // Midday yesterday (UTC): the same date in England all year, and the views worked out at the population's as-of.
  const asOf = `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T12:00:00.000Z`;
  hub = await startChildViewHarness({ seed: 20261125, size: 400, asOf, env: connectorEnv });
  expect(hub.sync.unavailable).toEqual([]);
  scenario = { a: await hubIdOf('child-a'), b: await hubIdOf('child-b'), c: await hubIdOf('child-c') };
  gateway = await hub.startGateway({});
}, 240_000);

afterAll(async () => {
  await hub?.close();
}, 60_000);

interface Item {
  kind: string;
  category: string;
  status: string;
  date: string | null;
  detail: string | null;
  relatesTo: Array<{ kind: string; id: string }>;
  nextDue: { date: string | null; overdue: boolean; rule: string | null } | null;
}

const plansQuery = `query ($id: ID!) {
  child(id: $id) {
    plans {
      items { kind category status date detail relatesTo { kind id } nextDue { date overdue rule } }
      notRead { agency state }
    }
  }
}`;

describe("learning-review child A's plans", () => {
  let items: Item[];
  beforeAll(async () => {
    const response = await gateway.graphql<{ child: { plans: { items: Item[]; notRead: unknown[] } } }>(
      plansQuery,
      {
        id: scenario.a,
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.child.plans.notRead).toEqual([]);
    items = response.data!.child.plans.items;
  }, 60_000);

  const only = (kind: string) => {
    const found = items.filter((item) => item.kind === kind);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('show her latest assessment overdue for renewal, first in the list', () => {
    // Authorised D-700, so due again 12 months later (ASSESSMENT_STALE), long before her move to Oak House at D-300.
    expect(items[0]).toMatchObject({
      kind: 'CHILD_AND_FAMILY_ASSESSMENT',
      category: 'SOCIAL_CARE',
      status: 'COMPLETED',
      date: daysAgo(700),
      nextDue: { date: dateOf(addMonths(dayOf(daysAgo(700)), 12)), overdue: true, rule: 'ASSESSMENT_STALE' },
    });
  });

  it('tie the care plan and the Oak House placement plan to the next looked-after review', () => {
    const carePlan = only('CARE_PLAN');
    const placementPlan = only('PLACEMENT_PLAN');
    expect(carePlan).toMatchObject({ category: 'LOOKED_AFTER', status: 'IN_FORCE' });
    expect(carePlan.nextDue).toMatchObject({ overdue: false, rule: 'LAC_REVIEW_LATE' });
    expect(placementPlan.nextDue).toEqual(carePlan.nextDue);
    expect(placementPlan).toMatchObject({ category: 'PLACEMENT', date: daysAgo(299) });
    const matching = only('RISK_AND_MATCHING_ASSESSMENT');
    expect(matching).toMatchObject({ detail: 'IMPACT_ON_RESIDENTS', nextDue: null });
    const oakHouse = placementPlan.relatesTo.find((link) => link.kind === 'PLACEMENT');
    expect(matching.relatesTo).toEqual([oakHouse]);
  });

  it('list her health assessment and PEP on their own clocks, and no EHC plan or pathway plan', () => {
    expect(only('REVIEW_HEALTH_ASSESSMENT')).toMatchObject({
      category: 'HEALTH',
      nextDue: { overdue: false, rule: 'RHA_OVERDUE' },
    });
    expect(only('PERSONAL_EDUCATION_PLAN')).toMatchObject({
      category: 'EDUCATION',
      nextDue: { rule: 'PEP_OVERDUE' },
    });
    expect(items.map((item) => item.kind)).not.toEqual(expect.arrayContaining(['EHC_PLAN']));
    expect(items.map((item) => item.kind)).not.toContain('PATHWAY_PLAN');
  });

  it('show a GP only the health items', async () => {
    const gp = await hub.startGateway(
      {},
      {
        access: (db) =>
          openTestAccess({
            caller: unrestrictedTestCaller({
              role: 'GP',
              categories: new Set(['IDENTITY', 'HEALTH']),
              activities: new Set(),
            }),
            decider: admitEveryChild({ db }),
          }),
      },
    );
    const response = await gp.graphql<{ child: { plans: { items: Item[] } } }>(plansQuery, {
      id: scenario.a,
    });
    expect(response.data?.child.plans.items.map((item) => item.category)).toEqual(['HEALTH']);
    await gp.close();
  }, 60_000);
});

interface Omission {
  kind: string;
  what: string;
  knownAtReferral: boolean;
}
interface Audit {
  referralId: string;
  date: string;
  assessment: { problem: string; ageAtReferralDays: number | null };
  omittedRisks: Omission[];
  omittedHealth: Omission[];
  omittedMentalHealth: Omission[];
  omittedSend: Omission[];
  notCompared: unknown[];
}
const auditFields = `referralId date assessment { problem ageAtReferralDays }
  omittedRisks { kind what knownAtReferral } omittedHealth { kind what knownAtReferral }
  omittedMentalHealth { kind what knownAtReferral } omittedSend { kind what knownAtReferral } notCompared { agency }`;

describe("the learning-review children's placement referrals", () => {
  let audits: Record<'a' | 'b' | 'c', Audit[]>;
  beforeAll(async () => {
    const response = await gateway.graphql<Record<string, { referralAudits: Audit[] }>>(
      `query ($a: ID!, $b: ID!, $c: ID!) {
        a: child(id: $a) { referralAudits { ${auditFields} } }
        b: child(id: $b) { referralAudits { ${auditFields} } }
        c: child(id: $c) { referralAudits { ${auditFields} } }
      }`,
      scenario,
    );
    expect(response.errors).toBeUndefined();
    audits = {
      a: response.data!.a!.referralAudits,
      b: response.data!.b!.referralAudits,
      c: response.data!.c!.referralAudits,
    };
  }, 60_000);

  const known = (audit: Audit) =>
    [...audit.omittedRisks, ...audit.omittedHealth, ...audit.omittedMentalHealth, ...audit.omittedSend]
      .filter((omission) => omission.knownAtReferral)
      .map((omission) => `${omission.kind}: ${omission.what}`);

  it("show A's Oak House referral relied on an assessment over a year old and left out her ADHD, its medicine and her missing history", () => {
    const oak = audits.a[0]!;
    expect(oak).toMatchObject({
      date: daysAgo(302),
      assessment: { problem: 'OUT_OF_DATE', ageAtReferralDays: 398 },
    });
    expect(oak.notCompared).toEqual([]);
    expect(known(oak)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DIAGNOSIS: Attention deficit hyperactivity disorder/),
        expect.stringMatching(/^MEDICATION: Methylphenidate/),
        expect.stringMatching(/^MISSING_HISTORY: 2 missing episode\(s\) before the referral/),
      ]),
    );
    expect(known(oak)).toHaveLength(3);
    // Her depression, self-harm and fluoxetine came after the referral: recorded since, not a lapse of it.
    const since = oak.omittedMentalHealth.filter((omission) => !omission.knownAtReferral).map((o) => o.kind);
    expect(since).toEqual(expect.arrayContaining(['DIAGNOSIS', 'MEDICATION']));
  });

  it("show B's referral left out his autism, and C's left out nothing the records held", () => {
    expect(audits.b[0]!.assessment.problem).toBe('NONE');
    expect(known(audits.b[0]!)).toEqual([expect.stringMatching(/^DIAGNOSIS: Autis/)]);
    expect(audits.c[0]).toMatchObject({ assessment: { problem: 'NONE' } });
    expect(known(audits.c[0]!)).toEqual([]);
  });

  it('finds one referral by its id, straight from its finding or by reading the caller’s children', async () => {
    const query = `query ($id: ID!) { referralAudit(referralId: $id) { referralId child { id } assessment { problem } } }`;
    await addFinding(
      scenario.b,
      'REFERRAL_OUT_OF_DATE',
      'PLACEMENT_REFERRAL',
      audits.b[0]!.referralId,
      'PLACEMENT',
    );
    const viaFinding = await gateway.graphql<{ referralAudit: unknown }>(query, {
      id: audits.b[0]!.referralId,
    });
    expect(viaFinding.data?.referralAudit).toEqual({
      referralId: audits.b[0]!.referralId,
      child: { id: scenario.b },
      assessment: { problem: 'NONE' },
    });
    const bySearch = await gateway.graphql<{ referralAudit: unknown }>(query, {
      id: audits.a[0]!.referralId,
    });
    expect(bySearch.data?.referralAudit).toMatchObject({
      child: { id: scenario.a },
      assessment: { problem: 'OUT_OF_DATE' },
    });
    const unknown = await gateway.graphql(query, { id: 'PRF-NOPE' });
    expect(unknown.errors?.[0]?.message).toBe('No such placement referral.');
  }, 120_000);
});

describe('the placement tracker', () => {
  it('lists A and B, waiting past their interim placements’ intended ends, with their open findings', async () => {
    await addFinding(scenario.a, 'LONG_WAIT_FOR_PLACEMENT', 'PLACEMENT', 'x', 'PLACEMENT');
    const query = `query ($min: Int) { placementTracker(minDaysWaiting: $min) {
      entries { child { id } daysWaiting overThreshold pastIntendedEnd daysPastIntendedEnd placement { type interim }
        openFindings { rule severity } }
      undecided { id } } }`;
    type Tracker = {
      placementTracker: {
        entries: Array<{ child: { id: string }; daysWaiting: number; openFindings: unknown[] }>;
        undecided: unknown[];
      };
    };
    const response = await gateway.graphql<Tracker>(query, { min: 100 });
    expect(response.errors).toBeUndefined();
    const { entries, undecided } = response.data!.placementTracker;
    expect(undecided).toEqual([]);
    const byChild = new Map(entries.map((entry) => [entry.child.id, entry]));
    expect(byChild.get(scenario.a)).toEqual({
      child: { id: scenario.a },
      daysWaiting: 300,
      overThreshold: true,
      pastIntendedEnd: true,
      daysPastIntendedEnd: 216,
      placement: { type: 'K2', interim: true },
      openFindings: [{ rule: 'LONG_WAIT_FOR_PLACEMENT', severity: 'HIGH' }],
    });
    expect(byChild.get(scenario.b)).toMatchObject({
      daysWaiting: 210,
      pastIntendedEnd: true,
      daysPastIntendedEnd: 126,
    });
    // C arrived at Oak House 45 days ago: waiting, but for less than 100 days.
    expect(byChild.has(scenario.c)).toBe(false);
    const all = await gateway.graphql<Tracker>(query, { min: 0 });
    expect(all.data?.placementTracker.entries.find((entry) => entry.child.id === scenario.c)).toMatchObject({
      daysWaiting: 45,
    });
  }, 120_000);
});
