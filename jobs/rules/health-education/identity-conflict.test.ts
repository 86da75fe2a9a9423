import { describe, expect, it } from 'vitest';
import type { IdentityConflictValue } from '../joined-record.js';
import { identityConflict } from './identity-conflict.js';
import { evaluate, findingsOf, onlyFinding, textOf } from './testing/builders.js';

const today = '2026-11-25';
const conflict = (overrides: Partial<IdentityConflictValue>): IdentityConflictValue => ({
  agency: 'education',
  localId: 'E1',
  kind: 'INVALID_UPN',
  otherAgency: null,
  otherLocalId: null,
  detectedAt: '2026-10-01T08:00:00.000Z',
  ...overrides,
});
const withConflicts = (...identityConflicts: IdentityConflictValue[]) => ({
  child: { identityConflicts, upn: 'A123456789012' },
});

describe('IDENTITY_CONFLICT', () => {
  it('finds nothing when the identity index recorded no conflict', () => {
    expect(findingsOf(evaluate(identityConflict, {}, today))).toEqual([]);
  });

  it('finds a UPN that fails its check letter, on the education record, for the school to correct', () => {
    const outcome = evaluate(identityConflict, withConflicts(conflict({})), today);
    const finding = onlyFinding(outcome);
    expect(finding).toMatchObject({
      subject: { kind: 'AGENCY_RECORD', id: 'EDUCATION:E1' },
      owner: 'SENCO',
      summary: 'The education record of this child holds a UPN that fails its check letter.',
    });
    expect(finding.evidence).toEqual([
      {
        agency: 'EDUCATION',
        recordId: 'E1',
        fact: "the education record's UPN fails its check letter (found 2026-10-01)",
        asOf: '2026-10-01T08:00:00.000Z',
      },
    ]);
    expect(textOf(outcome)).not.toContain('A123456789012');
  });

  it('finds an NHS number failing modulus 11 and agencies disagreeing, naming the other record', () => {
    const findings = findingsOf(
      evaluate(
        identityConflict,
        withConflicts(
          conflict({ agency: 'social-care', localId: 'P1', kind: 'INVALID_NHS_NUMBER' }),
          conflict({
            agency: 'gp',
            localId: 'G1',
            kind: 'DOB_DISAGREES',
            otherAgency: 'social-care',
            otherLocalId: 'P1',
          }),
          conflict({
            agency: 'gp',
            localId: 'G1',
            kind: 'NHS_NUMBER_DISAGREES',
            otherAgency: 'social-care',
            otherLocalId: 'P1',
          }),
          conflict({ agency: 'adult', localId: 'A1', kind: 'UPN_DISAGREES' }),
        ),
        today,
      ),
    );
    expect(findings.map((f) => [f.subject.id, f.owner])).toEqual([
      ['SOCIAL_CARE:P1', 'SOCIAL_WORKER'],
      ['HEALTH:G1', 'GP'],
      ['ADULT_SERVICES:A1', 'TRANSITION_WORKER'],
    ]);
    expect(findings[1]?.summary).toBe(
      'The GP record of this child holds a date of birth other agencies disagree with, and an NHS number other agencies disagree with.',
    );
    expect(findings[1]?.evidence[0]?.fact).toBe(
      "the GP record's date of birth disagrees with the social care record P1 (found 2026-10-01)",
    );
    expect(findings[2]?.evidence[0]?.fact).toContain('disagrees with the other agencies');
  });

  it('accepts the GraphQL agency names as well as the index', () => {
    const finding = onlyFinding(
      evaluate(
        identityConflict,
        withConflicts(conflict({ agency: 'HEALTH', localId: 'G1', kind: 'INVALID_NHS_NUMBER' })),
        today,
      ),
    );
    expect(finding.subject.id).toBe('HEALTH:G1');
  });

  it('reports a repeated conflict once, and leaves out a sex disagreement and unknown kinds', () => {
    const findings = findingsOf(
      evaluate(
        identityConflict,
        withConflicts(
          conflict({}),
          conflict({ detectedAt: '2026-10-02T08:00:00.000Z' }),
          conflict({ agency: 'gp', localId: 'G1', kind: 'SEX_DISAGREES' }),
          conflict({ agency: 'gp', localId: 'G1', kind: 'SOMETHING_NEW' }),
        ),
        today,
      ),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toHaveLength(1);
  });

  it('decides from the identity index whatever the agencies answer', () => {
    const record = {
      ...withConflicts(conflict({})),
      socialCare: 'UNAVAILABLE' as const,
      health: 'TIMED_OUT' as const,
      education: 'UNAVAILABLE' as const,
    };
    expect(findingsOf(evaluate(identityConflict, record, today))).toHaveLength(1);
  });
});
