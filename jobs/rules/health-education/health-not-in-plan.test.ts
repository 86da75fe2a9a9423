import { describe, expect, it } from 'vitest';
import type { Allergy, Medication } from '../../../connectors/health/health-types.js';
import { emptyHealthRecords } from '../testing/joined-record-builder.js';
import { healthNotInPlan } from './health-not-in-plan.js';
import {
  carePlan,
  condition,
  evaluate,
  findingsOf,
  lookedAfterSince,
  onlyFinding,
  textOf,
} from './testing/builders.js';

const today = '2026-11-25';

const medicine = (id: string, display: string, overrides: Partial<Medication> = {}): Medication => ({
  id,
  display,
  code: null,
  status: 'active',
  start: '2025-01-01',
  end: null,
  dosage: null,
  category: 'HEALTH',
  ...overrides,
});

const allergy = (id: string, display: string, overrides: Partial<Allergy> = {}): Allergy => ({
  id,
  display,
  code: null,
  clinicalStatus: 'active',
  criticality: 'low',
  recorded: '2019-03-01',
  category: 'HEALTH',
  ...overrides,
});

const gp = {
  conditions: [condition('C1', 'Asthma')],
  medications: [medicine('M1', 'Salbutamol 100micrograms/dose inhaler')],
  allergies: [allergy('A1', 'Penicillin allergy')],
};

const fullPlan = carePlan('CP1', '2026-01-10', {
  conditions: ['Asthma'],
  medications: ['Salbutamol 100micrograms/dose inhaler'],
  allergies: ['Penicillin allergy'],
});

const inCare = (plans = [fullPlan]) => lookedAfterSince('2026-01-05', { carePlans: plans });

describe('HEALTH_NOT_IN_PLAN', () => {
  it('finds nothing when the care plan lists everything current the GP records and names the GP', () => {
    expect(findingsOf(evaluate(healthNotInPlan, { socialCare: inCare(), health: gp }, today))).toEqual([]);
  });

  it('matches whatever the case and spacing', () => {
    const plan = carePlan('CP1', '2026-01-10', {
      conditions: ['  ASTHMA '],
      medications: ['salbutamol  100micrograms/dose inhaler'],
      allergies: ['penicillin allergy'],
    });
    expect(findingsOf(evaluate(healthNotInPlan, { socialCare: inCare([plan]), health: gp }, today))).toEqual(
      [],
    );
  });

  it('names each general health item the plan leaves out, on the care plan', () => {
    const health = {
      ...gp,
      conditions: [...gp.conditions, condition('C2', 'Epilepsy', { onset: '2024-05-02' })],
      medications: [...gp.medications, medicine('M2', 'Levetiracetam 250mg tablets')],
    };
    const finding = onlyFinding(evaluate(healthNotInPlan, { socialCare: inCare(), health }, today));
    expect(finding.subject).toEqual({ kind: 'CARE_PLAN', id: 'CP1' });
    expect(finding.summary).toBe("The care plan's health section leaves out 2 current items the GP records.");
    expect(finding.evidence.map((e) => [e.agency, e.recordId])).toEqual([
      ['HEALTH', 'C2'],
      ['HEALTH', 'M2'],
    ]);
    expect(finding.evidence[0]?.fact).toBe(
      'current condition "Epilepsy" (since 2024-05-02) is not in the care plan',
    );
  });

  it('compares mental health items without naming them', () => {
    const health = {
      ...gp,
      mentalHealth: {
        ...emptyHealthRecords(),
        conditions: [condition('MH1', 'Depressive disorder', { category: 'MENTAL_HEALTH' })],
        medications: [medicine('MH2', 'Fluoxetine 20mg capsules', { category: 'MENTAL_HEALTH' })],
      },
    };
    const outcome = evaluate(healthNotInPlan, { socialCare: inCare(), health }, today);
    const finding = onlyFinding(outcome);
    expect(finding.evidence.map((e) => e.recordId)).toEqual(['MH1', 'MH2']);
    expect(textOf(outcome)).not.toMatch(/depress|fluoxetine/i);
    expect(finding.evidence[0]?.fact).toContain('restricted information');
  });

  it('does not compare sexual health records', () => {
    const health = {
      ...gp,
      sexualHealth: {
        ...emptyHealthRecords(),
        conditions: [condition('SH1', 'Chlamydial infection', { category: 'SEXUAL_HEALTH' })],
      },
    };
    expect(findingsOf(evaluate(healthNotInPlan, { socialCare: inCare(), health }, today))).toEqual([]);
  });

  it('ignores what is not current: resolved conditions, stopped or ended medicines, resolved allergies, future onsets', () => {
    const health = {
      ...gp,
      conditions: [
        ...gp.conditions,
        condition('C2', 'Nocturnal enuresis', { active: false, clinicalStatus: 'resolved' }),
        condition('C3', 'Eczema', { onset: '2026-12-01' }),
      ],
      medications: [
        ...gp.medications,
        medicine('M2', 'Doxycycline 100mg capsules', { status: 'completed' }),
        medicine('M3', 'Cetirizine 10mg tablets', { end: '2026-11-24' }),
      ],
      allergies: [...gp.allergies, allergy('A2', 'Latex allergy', { clinicalStatus: 'resolved' })],
    };
    expect(findingsOf(evaluate(healthNotInPlan, { socialCare: inCare(), health }, today))).toEqual([]);
    // A medicine ending today is still current today.
    const endingToday = {
      ...gp,
      medications: [...gp.medications, medicine('M3', 'Cetirizine', { end: today })],
    };
    expect(
      onlyFinding(evaluate(healthNotInPlan, { socialCare: inCare(), health: endingToday }, today)).evidence,
    ).toHaveLength(1);
  });

  it('finds a care plan that names no GP, even when no GP record is linked', () => {
    const plan = carePlan('CP1', '2026-01-10', { gpName: null, conditions: ['Asthma'] });
    const finding = onlyFinding(
      evaluate(healthNotInPlan, { socialCare: inCare([plan]), health: 'NOT_LINKED' }, today),
    );
    expect(finding.summary).toBe("The care plan's health section names no GP.");
    expect(finding.evidence).toEqual([
      expect.objectContaining({ agency: 'SOCIAL_CARE', recordId: 'CP1', fact: 'the care plan names no GP' }),
    ]);
    const both = onlyFinding(
      evaluate(
        healthNotInPlan,
        { socialCare: inCare([{ ...plan, health: { ...plan.health!, gpName: ' ' } }]), health: gp },
        today,
      ),
    );
    expect(both.summary).toBe(
      "The care plan's health section leaves out 2 current items the GP records and names no GP.",
    );
  });

  it('has nothing to compare when no GP record is linked and the plan names a GP', () => {
    expect(
      findingsOf(evaluate(healthNotInPlan, { socialCare: inCare(), health: 'NOT_LINKED' }, today)),
    ).toEqual([]);
  });

  it('uses the care plan in force today, the latest started', () => {
    const old = carePlan('CP0', '2025-01-10', { conditions: [] }, '2026-01-09');
    const earlier = carePlan('CP1', '2026-01-10', { conditions: [] });
    const later = carePlan('CP2', '2026-06-10', { conditions: ['Asthma'], medications: [], allergies: [] });
    const finding = onlyFinding(
      evaluate(healthNotInPlan, { socialCare: inCare([old, earlier, later]), health: gp }, today),
    );
    expect(finding.subject.id).toBe('CP2');
    expect(finding.evidence.map((e) => e.recordId)).toEqual(['M1', 'A1']);
  });

  it('cannot decide without a care plan in force or without its health section', () => {
    const ended = carePlan('CP0', '2025-01-10', {}, '2026-11-24');
    expect(evaluate(healthNotInPlan, { socialCare: inCare([ended]), health: gp }, today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(
      evaluate(
        healthNotInPlan,
        { socialCare: inCare([carePlan('CP1', '2026-01-10', null)]), health: gp },
        today,
      ),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });

  it('cannot decide when social care or the GP record could not be read, naming which', () => {
    expect(evaluate(healthNotInPlan, { socialCare: inCare(), health: 'UNAVAILABLE' }, today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['health'],
    });
    expect(
      evaluate(healthNotInPlan, { socialCare: 'TIMED_OUT', health: 'UNAVAILABLE' }, today),
    ).toMatchObject({
      agencies: ['socialCare', 'health'],
    });
  });

  it('does not apply to a child not looked after today', () => {
    expect(
      findingsOf(evaluate(healthNotInPlan, { socialCare: { carePlans: [fullPlan] }, health: gp }, today)),
    ).toEqual([]);
    expect(findingsOf(evaluate(healthNotInPlan, { socialCare: 'NOT_LINKED', health: gp }, today))).toEqual(
      [],
    );
  });
});
