import { describe, expect, it } from 'vitest';
import { emptyHealthRecords } from '../testing/joined-record-builder.js';
import { indicatesComplexNeeds } from './facts/complex-needs.js';
import { ehcpNeeded } from './ehcp-needed.js';
import {
  condition,
  ehc,
  evaluate,
  findingsOf,
  lookedAfterSince,
  onlyFinding,
  textOf,
} from './testing/builders.js';

const today = '2026-11-25';
const senSupport = { senProvision: 'K' as const };
const openCin = {
  status: {
    lookedAfter: false,
    childInNeed: true,
    childProtectionPlan: false,
    legalStatus: null,
    careLeaver: false,
  },
};

describe('EHCP_NEEDED', () => {
  it('finds a pupil on SEN support with an open social care case and no request', () => {
    const outcome = evaluate(ehcpNeeded, { education: senSupport, socialCare: openCin }, today);
    const finding = onlyFinding(outcome);
    expect(finding.subject).toEqual({ kind: 'CHILD', id: 'child-1' });
    expect(finding.evidence.map((e) => e.agency)).toEqual(['EDUCATION', 'SOCIAL_CARE']);
    expect(finding.evidence[1]?.fact).toBe("children's social care has an open case");
  });

  it('counts being looked after, a child protection plan, and a recorded disability', () => {
    expect(
      findingsOf(
        evaluate(ehcpNeeded, { education: senSupport, socialCare: lookedAfterSince('2025-01-06') }, today),
      ),
    ).toHaveLength(1);
    const cp = { status: { ...openCin.status, childInNeed: false, childProtectionPlan: true } };
    expect(findingsOf(evaluate(ehcpNeeded, { education: senSupport, socialCare: cp }, today))).toHaveLength(
      1,
    );
    const disability = onlyFinding(
      evaluate(ehcpNeeded, { education: senSupport, socialCare: { disabilities: ['AUT'] } }, today),
    );
    expect(disability.evidence[1]?.fact).toBe('social care records a disability');
  });

  it('counts a current complex GP condition, including a mental health one, without naming it', () => {
    const health = {
      mentalHealth: {
        ...emptyHealthRecords(),
        conditions: [condition('MH1', 'Self-injurious behaviour', { category: 'MENTAL_HEALTH' })],
      },
    };
    const outcome = evaluate(ehcpNeeded, { education: senSupport, health }, today);
    expect(onlyFinding(outcome).evidence[1]).toMatchObject({ agency: 'HEALTH', recordId: 'MH1' });
    expect(textOf(outcome)).not.toMatch(/self|injur/i);
    const byCode = { conditions: [condition('C1', 'Problem', { code: '84757009' })] };
    expect(findingsOf(evaluate(ehcpNeeded, { education: senSupport, health: byCode }, today))).toHaveLength(
      1,
    );
  });

  it('does not count a common condition, a resolved one, or sexual health', () => {
    const health = {
      conditions: [
        condition('C1', 'Asthma'),
        condition('C2', 'Anxiety disorder'),
        condition('C3', 'Autistic disorder', { active: false }),
      ],
      sexualHealth: { ...emptyHealthRecords(), conditions: [condition('S1', 'Depressive disorder')] },
    };
    expect(findingsOf(evaluate(ehcpNeeded, { education: senSupport, health }, today))).toEqual([]);
  });

  it('recognises complex conditions by code or words', () => {
    const complex = (display: string, code: string | null = null) =>
      indicatesComplexNeeds({ kind: 'condition', id: 'x', display, code, category: 'HEALTH', since: null });
    for (const display of [
      'Autistic disorder',
      'ADHD',
      'Learning disability',
      "Down's syndrome",
      'Foetal alcohol syndrome',
      'Type 1 diabetes mellitus',
      'Epilepsy',
    ])
      expect(complex(display)).toBe(true);
    for (const display of [
      'Asthma',
      'Atopic dermatitis',
      'Allergic rhinitis',
      'Colour blindness',
      'Nocturnal enuresis',
    ])
      expect(complex(display)).toBe(false);
    expect(complex('Unlabelled', '408856003')).toBe(true);
    expect(
      indicatesComplexNeeds({
        kind: 'medication',
        id: 'x',
        display: 'Epilepsy drug',
        code: null,
        category: 'HEALTH',
        since: null,
      }),
    ).toBe(false);
  });

  it('does not apply once an assessment has been requested, whatever came of it', () => {
    for (const status of ['REQUESTED', 'REFUSED', 'ISSUED'] as const) {
      const education = { ...senSupport, ehcNeedsAssessments: [ehc({ requestDate: '2025-01-10', status })] };
      expect(findingsOf(evaluate(ehcpNeeded, { education, socialCare: openCin }, today))).toEqual([]);
    }
  });

  it('does not apply without SEN support, without indicators, or without an education record', () => {
    expect(
      findingsOf(evaluate(ehcpNeeded, { education: { senProvision: 'N' }, socialCare: openCin }, today)),
    ).toEqual([]);
    expect(
      findingsOf(evaluate(ehcpNeeded, { education: { senProvision: 'E' }, socialCare: openCin }, today)),
    ).toEqual([]);
    expect(findingsOf(evaluate(ehcpNeeded, { education: senSupport }, today))).toEqual([]);
    expect(findingsOf(evaluate(ehcpNeeded, { education: 'NOT_LINKED', socialCare: openCin }, today))).toEqual(
      [],
    );
    expect(
      findingsOf(
        evaluate(
          ehcpNeeded,
          { education: senSupport, socialCare: 'NOT_LINKED', health: 'NOT_LINKED' },
          today,
        ),
      ),
    ).toEqual([]);
  });

  it('cannot decide when any agency it weighs could not be read', () => {
    for (const part of ['education', 'socialCare', 'health'] as const)
      expect(evaluate(ehcpNeeded, { education: senSupport, [part]: 'UNAVAILABLE' }, today)).toMatchObject({
        kind: 'NOT_ASSESSED',
        reason: 'AGENCY_UNAVAILABLE',
        agencies: [part],
      });
  });
});
