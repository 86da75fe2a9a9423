import { describe, expect, it } from 'vitest';
import type { GpPatient } from '../../../connectors/health/health-types.js';
import type { IdentityConflictValue } from '../joined-record.js';
import { gpNotLinked } from './gp-not-linked.js';
import { evaluate, findingsOf, lookedAfterSince, onlyFinding, textOf } from './testing/builders.js';

const today = '2026-11-25';
const nhsNumber = '9434765919';

const patient = (overrides: Partial<GpPatient> = {}): GpPatient => ({
  patientId: 'GP-P1',
  nhsNumber,
  nhsNumberValid: true,
  givenNames: ['Test'],
  familyName: 'Child',
  birthDate: '2012-05-10',
  gender: 'female',
  restricted: false,
  ...overrides,
});

const conflict = (overrides: Partial<IdentityConflictValue>): IdentityConflictValue => ({
  agency: 'social-care',
  localId: 'P1',
  kind: 'INVALID_NHS_NUMBER',
  otherAgency: null,
  otherLocalId: null,
  detectedAt: '2026-10-01T08:00:00.000Z',
  ...overrides,
});

const socialCare = lookedAfterSince('2026-01-05');
const health = { patients: [patient()] };

describe('GP_NOT_LINKED', () => {
  it('finds nothing when a GP record answers for the agreed NHS number', () => {
    expect(findingsOf(evaluate(gpNotLinked, { socialCare, health }, today))).toEqual([]);
    // GP systems may send the number spaced.
    const spaced = { patients: [patient({ nhsNumber: '943 476 5919' })] };
    expect(findingsOf(evaluate(gpNotLinked, { socialCare, health: spaced }, today))).toEqual([]);
  });

  it('finds a looked-after child whose records agree on no valid NHS number', () => {
    const outcome = evaluate(
      gpNotLinked,
      { child: { nhsNumber: null, identityConflicts: [conflict({})] }, socialCare, health },
      today,
    );
    const finding = onlyFinding(outcome);
    expect(finding.subject).toEqual({ kind: 'CHILD', id: 'child-1' });
    expect(finding.summary).toBe("The looked-after child's records agree on no valid NHS number.");
    expect(finding.evidence[0]).toMatchObject({ agency: 'IDENTITY', recordId: 'P1' });
    expect(finding.evidence[0]?.fact).toContain(
      'social care record holds an NHS number that fails its modulus 11 check',
    );
    expect(textOf(outcome)).not.toContain(nhsNumber);
  });

  it('says so when no record holds a valid NHS number and the index recorded no conflict', () => {
    const finding = onlyFinding(
      evaluate(gpNotLinked, { child: { nhsNumber: null }, socialCare, health }, today),
    );
    expect(finding.evidence).toEqual([
      expect.objectContaining({ fact: 'no linked record holds a valid NHS number' }),
    ]);
  });

  it("finds an invalid NHS number on social care's record even when other agencies agree on a valid one", () => {
    const finding = onlyFinding(
      evaluate(
        gpNotLinked,
        { child: { identityConflicts: [conflict({ agency: 'SOCIAL_CARE' })] }, socialCare, health },
        today,
      ),
    );
    expect(finding.summary).toBe("The looked-after child's social care record holds an invalid NHS number.");
  });

  it('does not count an invalid NHS number on another agency as a GP linkage problem of its own', () => {
    const child = { identityConflicts: [conflict({ agency: 'education', localId: 'E1' })] };
    expect(findingsOf(evaluate(gpNotLinked, { child, socialCare, health }, today))).toEqual([]);
  });

  it('finds a valid NHS number no GP record answers for: none linked, or linked ones holding another', () => {
    const none = onlyFinding(evaluate(gpNotLinked, { socialCare, health: 'NOT_LINKED' }, today));
    expect(none.summary).toBe("No GP record answers for the looked-after child's NHS number.");
    expect(none.evidence).toEqual([
      expect.objectContaining({ agency: 'HEALTH', fact: 'no GP record is linked to the child' }),
    ]);
    const other = onlyFinding(
      evaluate(
        gpNotLinked,
        {
          socialCare,
          health: {
            patients: [
              patient({ nhsNumber: '9000000009' }),
              patient({ patientId: 'GP-P2', nhsNumber: null }),
            ],
          },
        },
        today,
      ),
    );
    expect(other.evidence.map((e) => [e.recordId, e.fact])).toEqual([
      ['GP-P1', 'the linked GP record holds a different NHS number'],
      ['GP-P2', 'the linked GP record holds no NHS number'],
    ]);
  });

  it('does not apply to a child not looked after today', () => {
    expect(
      findingsOf(evaluate(gpNotLinked, { child: { nhsNumber: null }, health: 'NOT_LINKED' }, today)),
    ).toEqual([]);
    expect(
      findingsOf(evaluate(gpNotLinked, { socialCare: 'NOT_LINKED', health: 'NOT_LINKED' }, today)),
    ).toEqual([]);
  });

  it('cannot decide when social care or the GP record could not be read', () => {
    expect(evaluate(gpNotLinked, { socialCare, health: 'TIMED_OUT' }, today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['health'],
    });
    expect(evaluate(gpNotLinked, { socialCare: 'UNAVAILABLE', health }, today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });
});
