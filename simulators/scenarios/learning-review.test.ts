import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../population/generate.js';
import type { Population, SocialCareRecord } from '../population/model.js';
import { applyScenarios } from './apply.js';
import { loadScenarioFile } from './load.js';
import { RuleProbes } from './rule-probes.js';

const scenario = loadScenarioFile(fileURLToPath(new URL('./learning-review.json', import.meta.url)));
const AS_OF = scenario.expectationsAsOf ?? '2026-11-25T09:00:00.000Z';

function build(asOf: string, mode: 'add' | 'replace'): Population {
  return applyScenarios(generatePopulation({ seed: 8, size: 300, asOf }), [scenario], { mode });
}

const record = (population: Population, child: string): SocialCareRecord => {
  const found = population.socialCare.find((r) => r.truthKey === `learning-review/${child}`);
  if (!found) throw new Error(`no social care record for ${child}`);
  return found;
};

describe('the learning review scenario', () => {
  it.each(['replace', 'add'] as const)('shows exactly the expected findings for each child (%s)', (mode) => {
    const population = build(AS_OF, mode);
    const probes = new RuleProbes(population);
    for (const child of scenario.children) {
      expect([child.key, probes.findings(`learning-review/${child.key}`).sort()]).toEqual([
        child.key,
        [...child.expectedFindings].sort(),
      ]);
    }
  });

  it.each(['2027-03-15T12:00:00.000Z', '2027-06-20T09:00:00.000Z', '2026-01-12T09:00:00.000Z'])(
    'keeps those findings when loaded on another day (%s)',
    (asOf) => {
      const probes = new RuleProbes(build(asOf, 'replace'));
      for (const child of scenario.children) {
        expect([child.key, probes.findings(`learning-review/${child.key}`).sort()]).toEqual([
          child.key,
          [...child.expectedFindings].sort(),
        ]);
      }
    },
  );

  it('has three children in Oak House at once, the third admitted without anyone telling the others', () => {
    const population = build(AS_OF, 'replace');
    const oak = population.residentialUnits.find((u) => u.name === 'Oak House');
    const current = (child: string) => record(population, child).placements.find((p) => p.endDate === null);
    for (const child of ['child-a', 'child-b', 'child-c'])
      expect(current(child)?.residentialUnitId).toBe(oak?.id);
    expect(record(population, 'child-c').coresidentNotifications).toEqual([]);
    const aboutA = record(population, 'child-b').coresidentNotifications;
    expect(aboutA.map((n) => n.notifiedProfessionalId).sort()).toEqual([
      'learning-review-iro-1',
      'learning-review-sw-a',
    ]);
    expect(aboutA.every((n) => n.aboutPersonId === record(population, 'child-a').personId)).toBe(true);
  });

  it('records the placement referral for A on an assessment over a year old, missing what the GP records', () => {
    const population = build(AS_OF, 'replace');
    const a = record(population, 'child-a');
    const referral = a.placementReferrals.find((r) => r.resultingPlacementId === a.placements.at(-1)?.id);
    const relied = a.assessments.find((x) => x.id === referral?.assessmentId);
    expect(Date.parse(referral!.date) - Date.parse(relied!.authorisedDate!)).toBeGreaterThan(
      365 * 86_400_000,
    );
    expect(referral?.content.diagnoses).toEqual([]);
    const gp = population.gp.find((g) => g.truthKey === 'learning-review/child-a');
    expect(gp?.conditions.map((c) => c.display)).toContain('Attention deficit hyperactivity disorder');
  });
});
