import { describe, expect, it } from 'vitest';
import { IdentityUnion } from './identity-union.js';
import { prepareRecords } from './prepare.js';
import { child, validNhs, validUpn } from './test-fixtures.js';

// Canonical order is by agency then local id: adult, education, gp, social-care.
const records = prepareRecords([
  child({ agency: 'adult', localId: 'a1' }, { nhsNumber: validNhs(100_000_001) }),
  child({ agency: 'education', localId: 'e1' }, { upn: validUpn(1) }),
  child({ agency: 'education', localId: 'e2' }, { upn: validUpn(2) }),
  child({ agency: 'gp', localId: 'g1' }, { nhsNumber: validNhs(100_000_001) }),
  child({ agency: 'gp', localId: 'g2' }, { nhsNumber: validNhs(200_000_002) }),
  child({ agency: 'social-care', localId: 's1' }),
]);
const [A1, E1, E2, G1, G2, S1] = [0, 1, 2, 3, 4, 5];

describe('IdentityUnion', () => {
  it('joins clusters and carries their identities', () => {
    const union = new IdentityUnion(records);
    expect(union.same(A1, G1)).toBe(false);
    union.union(A1, G1);
    expect(union.same(A1, G1)).toBe(true);
    expect(union.identitiesConflict(G1, G2)).toBe(true);
    expect(union.identitiesConflict(A1, S1)).toBe(false);
    union.union(S1, A1);
    // The social-care record now belongs to a cluster carrying NHS number 1.
    expect(union.identitiesConflict(S1, G2)).toBe(true);
  });

  it('sees conflicting UPNs across clusters', () => {
    const union = new IdentityUnion(records);
    expect(union.identitiesConflict(E1, E2)).toBe(true);
    union.union(E1, S1);
    expect(union.identitiesConflict(S1, E2)).toBe(true);
  });

  it('guards the one-NHS-number-per-agency invariant', () => {
    const union = new IdentityUnion(records);
    expect(union.agencyNhsConflict(G1, G2)).toBe(true);
    // Different agencies with different numbers are an identity conflict, not an agency one.
    expect(union.agencyNhsConflict(A1, G2)).toBe(false);
    union.union(E1, G1);
    expect(union.agencyNhsConflict(E1, G2)).toBe(true);
  });

  it('remembers splits across later merges', () => {
    const union = new IdentityUnion(records);
    union.forbid(E1, S1);
    expect(union.splitForbids(E1, S1)).toBe(true);
    expect(union.splitForbids(S1, E1)).toBe(true);
    union.union(E1, E2);
    union.union(S1, A1);
    expect(union.splitForbids(E2, A1)).toBe(true);
    expect(union.splitForbids(E2, G2)).toBe(false);
  });
});
