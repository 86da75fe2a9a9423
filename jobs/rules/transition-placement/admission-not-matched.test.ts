import { describe, expect, it } from 'vitest';
import type {
  PlacementAssessmentValue,
  PlacementValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { ResidentialContextValue } from '../joined-record.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { admissionNotMatched as rule } from './admission-not-matched.js';
import { at } from './testing/at.js';
import {
  coResident,
  homePlacement,
  placement,
  placementAssessment,
  residentialContext,
} from './testing/records.js';

const admission = homePlacement('U1', { id: 'PL1', startDate: '2026-03-02T19:30:00.000Z' });

function child(
  assessments: Array<Partial<PlacementAssessmentValue>> = [],
  placements: PlacementValue[] = [admission],
  residential: ResidentialContextValue | null = null,
) {
  return joinedRecord({
    socialCare: {
      placements,
      placementAssessments: assessments.map((a, i) =>
        placementAssessment({ id: `PA${i + 1}`, placementId: 'PL1', ...a }),
      ),
    },
    residential,
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('ADMISSION_NOT_MATCHED', () => {
  it('falls due the day after admission: nothing that day, a finding the day after', () => {
    expect(findings(rule.evaluate(child(), at('2026-03-03')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child(), at('2026-03-04')));
    expect(finding?.subject).toEqual({ kind: 'PLACEMENT', id: 'PL1' });
    expect(finding?.dueDate).toBe('2026-03-03');
  });

  it('an impact assessment dated by the day after admission answers it; a later one does not', () => {
    expect(findings(rule.evaluate(child([{ date: '2026-03-03' }]), at('2026-04-01')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child([{ date: '2026-03-04' }]), at('2026-04-01')));
    expect(finding?.evidence.map((e) => e.fact)).toContain('IMPACT_ON_RESIDENTS assessment dated 2026-03-04');
  });

  it('needs an assessment that addresses the existing residents', () => {
    const one = (a: Partial<PlacementAssessmentValue>) =>
      findings(rule.evaluate(child([{ date: '2026-03-01', ...a }]), at('2026-04-01'))).length;
    expect(one({ kind: 'RISK', addressesExistingResidents: false })).toBe(1);
    expect(one({ kind: 'RISK', addressesExistingResidents: true })).toBe(0);
    expect(one({ kind: 'MATCHING', addressesExistingResidents: null })).toBe(0);
    expect(one({ kind: 'RISK', addressesExistingResidents: null })).toBe(1);
    expect(one({ kind: 'IMPACT_ON_RESIDENTS', addressesExistingResidents: false })).toBe(1);
    expect(one({ placementId: 'OTHER' })).toBe(1);
  });

  it('checks children’s home admissions only, and a continuation in the same home is not a new admission', () => {
    const foster = placement({ id: 'PL0', startDate: '2026-01-01', endDate: '2026-03-02' });
    expect(findings(rule.evaluate(child([], [foster]), at('2026-04-01')))).toEqual([]);
    const continued = homePlacement('U1', { id: 'PL2', startDate: '2026-03-20' });
    const stay = [{ ...admission, endDate: '2026-03-20' }, continued];
    const result = findings(rule.evaluate(child([], stay), at('2026-04-01')));
    expect(result.map((f) => f.subject.id)).toEqual(['PL1']);
    expect(
      findings(rule.evaluate(child([{ placementId: 'PL2', date: '2026-03-02' }], stay), at('2026-04-01'))),
    ).toEqual([]);
  });

  it('needs no match against residents where the home had none when the child arrived', () => {
    const empty = residentialContext('U1', [coResident({ personId: 'P9', start: '2026-03-10' })]);
    expect(findings(rule.evaluate(child([], [admission], empty), at('2026-04-01')))).toEqual([]);
    const occupied = residentialContext('U1', [coResident({ personId: 'P9', start: '2026-01-10' })]);
    expect(findings(rule.evaluate(child([], [admission], occupied), at('2026-04-01')))).toHaveLength(1);
  });

  it('cannot decide on an undated assessment or without social care', () => {
    expect(rule.evaluate(child([{ date: null }]), at('2026-04-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(rule.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), at('2026-04-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });
});
