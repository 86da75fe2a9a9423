import { describe, expect, it } from 'vitest';
import { idListsOfMergeKeys } from './connector.js';

describe('idListsOfMergeKeys', () => {
  it('takes each key’s id list, in order', () => {
    expect(
      idListsOfMergeKeys([{ pupilIds: ['E1', 'E2'] }, { pupilIds: [] }], 'pupilIds', 'EDUCATION'),
    ).toEqual([['E1', 'E2'], []]);
  });

  it('refuses a key of another shape without repeating its values', () => {
    for (const keys of [[{ personIds: ['P1'] }], [{ pupilIds: 'E1' }], ['E1'], [{ pupilIds: [7] }]]) {
      let thrown: unknown;
      try {
        idListsOfMergeKeys(keys, 'pupilIds', 'EDUCATION');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        code: 'INTERNAL',
        details: { agency: 'EDUCATION', reason: 'BAD_MERGE_KEY' },
      });
      expect(JSON.stringify(thrown)).not.toContain('P1');
      expect(JSON.stringify(thrown)).not.toContain('E1');
    }
  });
});
