import { describe, expect, it } from 'vitest';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
import { toRelationships } from './relationships.js';

describe('toRelationships', () => {
  it('gives each asked-for patient a GP_PRACTICE relationship with the practice ODS code', () => {
    expect(toRelationships(patientRecordsResources(), ['pat-a', 'pat-b'])).toEqual([
      { localId: 'pat-a', kind: 'GP_PRACTICE', subject: { organisation: 'A81001' }, since: null },
      { localId: 'pat-b', kind: 'GP_PRACTICE', subject: { organisation: 'B82002' }, since: null },
    ]);
  });

  it('leaves out patients not asked for, and practices without an ODS code', () => {
    expect(toRelationships(patientRecordsResources(), ['pat-b']).map((r) => r.localId)).toEqual(['pat-b']);
    const withoutCodes = patientRecordsResources().map((resource) =>
      resource.resourceType === 'Organization' ? { ...resource, identifier: [] } : resource,
    );
    expect(toRelationships(withoutCodes, ['pat-a', 'pat-b'])).toEqual([]);
  });
});
