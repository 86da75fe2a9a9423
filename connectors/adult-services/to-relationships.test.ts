import { describe, expect, it } from 'vitest';
import { toRelationships } from './to-relationships.js';
import { fixturePerson } from './test-fixtures/fixtures.js';

describe('toRelationships', () => {
  it('gives the transition worker and personal adviser by lower-case work email', () => {
    expect(toRelationships(fixturePerson('AP-1'))).toEqual([
      {
        localId: 'AP-1',
        kind: 'TRANSITION_WORKER',
        subject: { person: 'transitions@asc.example' },
        since: null,
      },
      {
        localId: 'AP-1',
        kind: 'PERSONAL_ADVISER',
        subject: { person: 'leaving.care@council.example' },
        since: '2024-08-15',
      },
    ]);
  });

  it('gives nothing when nobody is recorded', () => {
    expect(toRelationships(fixturePerson('AP-3'))).toEqual([]);
  });
});
