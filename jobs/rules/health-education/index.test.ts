import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JoinedChildRecord } from '../joined-record.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { HEALTH_EDUCATION_RULES } from './index.js';
import { carePlan, condition, ehc, healthCheck, lookedAfterSince, on, textOf } from './testing/builders.js';

const nhsNumber = '9434765919';
const upn = 'A123456789012';

/** A child who trips most of the group's rules, with names and identifiers that must never reach a finding. */
function troubledChild(): JoinedChildRecord {
  return joinedRecord({
    child: {
      dateOfBirth: '2011-02-14',
      nhsNumber,
      upn,
      identityConflicts: [
        {
          agency: 'education',
          localId: 'E1',
          kind: 'INVALID_UPN',
          otherAgency: null,
          otherLocalId: null,
          detectedAt: '2026-10-01T08:00:00.000Z',
        },
      ],
    },
    socialCare: lookedAfterSince('2025-01-06', {
      healthAssessments: [healthCheck('H1', 'IHA', '2025-03-20')],
      carePlans: [carePlan('CP1', '2025-01-09', { gpName: null })],
    }),
    health: {
      conditions: [condition('C1', 'Epilepsy')],
      patients: [
        {
          patientId: 'G1',
          nhsNumber: '9000000009',
          nhsNumberValid: true,
          givenNames: ['Zebedee'],
          familyName: 'Quixote',
          birthDate: '2011-02-14',
          gender: 'male',
          restricted: false,
        },
      ],
    },
    education: {
      senProvision: 'K',
      enrolments: [
        {
          schoolUrn: '190001',
          schoolName: 'Quixote Academy',
          yearGroup: '10',
          from: '2022-09-01',
          to: null,
          current: true,
        },
      ],
      ehcNeedsAssessments: [
        ehc({
          requestDate: '2026-01-05',
          annualReviews: [{ id: 'AR1', date: '2026-10-01', preparingForAdulthoodOutcomes: false }],
        }),
      ],
    },
  });
}

describe('HEALTH_EDUCATION_RULES', () => {
  it('lists the group in the order of statutory-rules.md, each id once, one file each', () => {
    const ids = HEALTH_EDUCATION_RULES.map((rule) => rule.id);
    expect(ids).toEqual([
      'IHA_MISSING',
      'RHA_OVERDUE',
      'HEALTH_NOT_IN_PLAN',
      'GP_NOT_LINKED',
      'PEP_OVERDUE',
      'EHCP_NEEDED',
      'EHCP_DECISION_LATE',
      'EHCP_ISSUE_LATE',
      'EHCP_REVIEW_OVERDUE',
      'PFA_MISSING',
      'IDENTITY_CONFLICT',
    ]);
    const files = new Set(readdirSync(new URL('.', import.meta.url)));
    for (const id of ids) {
      const kebab = id.toLowerCase().replaceAll('_', '-');
      expect(files.has(`${kebab}.ts`) && files.has(`${kebab}.test.ts`)).toBe(true);
    }
  });

  it('names a source, a title and the parts each rule reads', () => {
    for (const rule of HEALTH_EDUCATION_RULES) {
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.source.citation.length).toBeGreaterThan(5);
      expect(Object.isFrozen(rule)).toBe(true);
    }
  });

  it('says NOT_ASSESSED, naming the part, whenever a part a rule needs could not be read', () => {
    for (const rule of HEALTH_EDUCATION_RULES)
      for (const part of rule.needs)
        for (const state of ['UNAVAILABLE', 'TIMED_OUT'] as const) {
          const outcome = rule.evaluate(joinedRecord({ [part]: state }), on('2026-11-25'));
          expect(outcome, `${rule.id} with ${part} ${state}`).toMatchObject({
            kind: 'NOT_ASSESSED',
            reason: 'AGENCY_UNAVAILABLE',
            agencies: [part],
          });
        }
  });

  it('is pure: the same answer twice, and the record untouched', () => {
    const record = troubledChild();
    const before = JSON.stringify(record);
    for (const rule of HEALTH_EDUCATION_RULES) {
      const first = rule.evaluate(record, on('2026-11-25'));
      expect(rule.evaluate(record, on('2026-11-25'))).toEqual(first);
    }
    expect(JSON.stringify(record)).toBe(before);
  });

  it('raises findings with evidence for a troubled child, and never puts a name or identifier in them', () => {
    const record = troubledChild();
    const fired: string[] = [];
    for (const rule of HEALTH_EDUCATION_RULES) {
      const outcome = rule.evaluate(record, on('2026-11-25'));
      expect(outcome.kind, rule.id).toBe('DECIDED');
      if (outcome.kind === 'DECIDED' && outcome.findings.length > 0) fired.push(rule.id);
      if (outcome.kind === 'DECIDED')
        for (const finding of outcome.findings) {
          expect(finding.evidence.length, rule.id).toBeGreaterThan(0);
          expect(finding.summary).toMatch(/\.$/);
        }
      const text = textOf(outcome);
      for (const secret of [nhsNumber, '9000000009', upn, 'Zebedee', 'Quixote', '2011-02-14'])
        expect(text, `${rule.id} leaks`).not.toContain(secret);
    }
    expect(fired).toEqual([
      'IHA_MISSING',
      'RHA_OVERDUE',
      'HEALTH_NOT_IN_PLAN',
      'GP_NOT_LINKED',
      'PEP_OVERDUE',
      'EHCP_DECISION_LATE',
      'EHCP_ISSUE_LATE',
      'PFA_MISSING',
      'IDENTITY_CONFLICT',
    ]);
  });
});
