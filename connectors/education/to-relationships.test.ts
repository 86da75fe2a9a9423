import { describe, expect, it } from 'vitest';
import { toRelationships } from './to-relationships.js';
import { fixturePupil } from './test-fixtures/fixtures.js';

describe('toRelationships', () => {
  it('gives the current school by URN and the virtual school head by lower-case email', () => {
    expect(toRelationships(fixturePupil('P-100'))).toEqual([
      { localId: 'P-100', kind: 'SCHOOL', subject: { organisation: '130002' }, since: '2020-09-02' },
      {
        localId: 'P-100',
        kind: 'VIRTUAL_SCHOOL',
        subject: { person: 'virtual.school@council.example' },
        since: null,
      },
    ]);
  });

  it('gives only the school when no virtual school head is recorded', () => {
    expect(toRelationships(fixturePupil('P-200')).map((r) => r.kind)).toEqual(['SCHOOL']);
  });
});
