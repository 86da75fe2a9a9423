/**
 * Acceptance: the learning-review children (simulators/scenarios/learning-review.json, A to G) read through the
 * real connectors and simulators, with every registered reconciliation rule run on each child's joined record.
 * The rule ids with findings must be exactly the child's `expectedFindings`.
 *
 * The registry fills up rule by rule, so the test judges only the rules registered: an expected rule id that is
 * not registered yet is reported as "not implemented" (and does not fail the test); any registered rule that
 * disagrees — a finding not expected, an expected finding missing, an expected rule that could not decide, or a
 * rule that throws — fails it. The table printed names every child's expected, found, not-assessed and
 * not-implemented rule ids (rule ids and scenario keys only: no one's data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childIdsByRecords, type IdentityAgency } from '../connectors/identity/identity-reads.js';
import { readJoinedRecords } from '../jobs/reconcile/read-joined-records.js';
import type { JoinedChildRecord } from '../jobs/rules/joined-record.js';
import { rules } from '../jobs/rules/registry.js';
import { ruleContext } from '../jobs/rules/testing/joined-record-builder.js';
import { startChildViewHarness, type ChildViewHarness } from './support/child-view-harness.js';

interface ScenarioChild {
  key: string;
  hubId: string;
  expected: string[];
  /** The agencies the scenario gives the child a record in. */
  held: Array<'socialCare' | 'health' | 'education' | 'adultServices'>;
}

interface Verdict {
  key: string;
  expected: string[];
  found: string[];
  notAssessed: string[];
  notImplemented: string[];
  /** Registered rules that disagree with the expectation, each with why. */
  disagreements: string[];
}

let hub: ChildViewHarness;
let children: ScenarioChild[];
let records: Map<string, JoinedChildRecord>;

beforeAll(async () => {
  hub = await startChildViewHarness({ seed: 20261125, size: 200 });
  expect(hub.sync.unavailable).toEqual([]);
  const { population } = hub;
  const people = population.people.filter((person) => person.scenario?.startsWith('learning-review/'));
  children = [];
  for (const person of people) {
    const held = {
      socialCare: population.socialCare.find((r) => r.truthKey === person.truthKey)?.personId,
      health: population.gp.find((r) => r.truthKey === person.truthKey)?.patientId,
      education: population.education.find((r) => r.truthKey === person.truthKey)?.pupilId,
      adultServices: population.adult.find((r) => r.truthKey === person.truthKey)?.personId,
    };
    const indexAgency: Record<keyof typeof held, IdentityAgency> = {
      socialCare: 'social-care',
      health: 'gp',
      education: 'education',
      adultServices: 'adult',
    };
    const [part, localId] = Object.entries(held).find(([, id]) => id !== undefined) as [
      keyof typeof held,
      string,
    ];
    const [hubId] = await childIdsByRecords(hub.db, indexAgency[part], [localId]);
    if (!hubId) throw new Error(`the identity index has not linked ${person.truthKey}`);
    children.push({
      key: person.truthKey.slice('learning-review/'.length),
      hubId,
      expected: person.expectedFindings ?? [],
      held: (Object.keys(held) as Array<keyof typeof held>).filter((name) => held[name] !== undefined),
    });
  }
  children.sort((a, b) => (a.key < b.key ? -1 : 1));
  const read = await readJoinedRecords(
    { db: hub.db, connectors: hub.gateway.connectors, now: () => new Date() },
    children.map((child) => child.hubId),
  );
  records = new Map(children.map((child, index) => [child.key, read[index]!]));
}, 240_000);

afterAll(async () => {
  await hub?.close();
}, 60_000);

function judge(child: ScenarioChild, record: JoinedChildRecord): Verdict {
  const context = ruleContext(hub.asOf);
  const registered = new Set(rules.map((rule) => rule.id));
  const found: string[] = [];
  const notAssessed: string[] = [];
  const disagreements: string[] = [];
  for (const rule of rules) {
    let outcome;
    try {
      outcome = rule.evaluate(record, context);
    } catch (error) {
      disagreements.push(`${rule.id} threw ${error instanceof Error ? error.name : 'a non-error'}`);
      continue;
    }
    const isExpected = child.expected.includes(rule.id);
    if (outcome.kind === 'NOT_ASSESSED') {
      notAssessed.push(`${rule.id} (${outcome.reason})`);
      if (isExpected) disagreements.push(`${rule.id} expected, but NOT_ASSESSED: ${outcome.reason}`);
    } else if (outcome.findings.length > 0) {
      found.push(rule.id);
      if (!isExpected) disagreements.push(`${rule.id} found, not expected`);
    } else if (isExpected) {
      disagreements.push(`${rule.id} expected, not found`);
    }
  }
  return {
    key: child.key,
    expected: child.expected,
    found,
    notAssessed,
    notImplemented: child.expected.filter((id) => !registered.has(id)),
    disagreements,
  };
}

function table(verdicts: readonly Verdict[]): string {
  const list = (ids: readonly string[]) => (ids.length === 0 ? '-' : ids.join(', '));
  const lines = [`reconcile scenarios: ${rules.length} rule(s) registered`];
  for (const verdict of verdicts) {
    lines.push(
      `${verdict.key}: ${verdict.disagreements.length === 0 ? 'agrees' : 'DISAGREES'}`,
      `  expected:        ${list(verdict.expected)}`,
      `  found:           ${list(verdict.found)}`,
      `  not assessed:    ${list(verdict.notAssessed)}`,
      `  not implemented: ${list(verdict.notImplemented)}`,
      ...verdict.disagreements.map((line) => `  ✗ ${line}`),
    );
  }
  return lines.join('\n');
}

describe('the learning-review children', () => {
  it('are all there: A, B and C with findings, D to G in order', () => {
    expect(children.map((child) => child.key)).toEqual([
      'child-a',
      'child-b',
      'child-c',
      'child-d',
      'child-e',
      'child-f',
      'child-g',
    ]);
    for (const key of ['child-a', 'child-b', 'child-c']) {
      expect(children.find((child) => child.key === key)?.expected.length).toBeGreaterThan(0);
    }
    for (const key of ['child-d', 'child-e', 'child-f', 'child-g']) {
      expect(children.find((child) => child.key === key)?.expected).toEqual([]);
    }
  });

  it('are read whole: every agency that holds a child answers OK, the others NOT_LINKED', () => {
    for (const child of children) {
      const record = records.get(child.key)!;
      for (const part of ['socialCare', 'health', 'education', 'adultServices'] as const) {
        expect({ child: child.key, part, state: record[part].state }).toEqual({
          child: child.key,
          part,
          state: child.held.includes(part) ? 'OK' : 'NOT_LINKED',
        });
      }
    }
    // A, B and C share Oak House: the residents rules have what they need.
    for (const key of ['child-a', 'child-b', 'child-c']) {
      expect(records.get(key)?.residential?.unitName).toBe('Oak House');
    }
  });

  it('raise exactly their expected findings under every registered rule', () => {
    const verdicts = children.map((child) => judge(child, records.get(child.key)!));
    const report = table(verdicts);
    // eslint-disable-next-line no-console -- the table this acceptance test exists to show
    console.log(report);
    expect(
      verdicts.filter((verdict) => verdict.disagreements.length > 0),
      report,
    ).toEqual([]);
  });
});
