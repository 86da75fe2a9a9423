import { describe, expect, it } from 'vitest';
import { clusterOf, link, reviewed, together } from './link-test-helpers.js';
import { child, ref, validNhs, validUpn } from './test-fixtures.js';

const NHS_1 = validNhs(943_476_591);
const NHS_2 = validNhs(401_023_213);
const gp = ref('gp', 'g1');
const school = ref('education', 'e1');
const care = ref('social-care', 's1');

describe('rule 5: manual decisions', () => {
  const strangers = [
    child(gp, { nhsNumber: NHS_1 }),
    child(school, {
      givenName: 'Mia',
      familyName: 'Patel',
      sex: 'F',
      dateOfBirth: '2010-10-10',
      postcode: null,
    }),
  ];
  const likely = [child(gp, { nhsNumber: NHS_1 }), child(school, { upn: validUpn(1), postcode: null })];

  it('CONFIRM links a pair the scoring would not', () => {
    const result = link(strangers, { decisions: [{ a: school, b: gp, decision: 'CONFIRM' }] });
    expect(clusterOf(result, gp).links).toEqual([{ a: school, b: gp, method: 'MANUAL' }]);
  });

  it('SPLIT keeps a probabilistic match apart and needs no review', () => {
    expect(together(link(likely), gp, school)).toBe(true);
    const result = link(likely, { decisions: [{ a: gp, b: school, decision: 'SPLIT' }] });
    expect(together(result, gp, school)).toBe(false);
    expect(result.reviews).toEqual([]);
  });

  it('SPLIT holds when other records would bridge the two', () => {
    const result = link([...likely, child(care, { nhsNumber: NHS_1 })], {
      decisions: [{ a: care, b: school, decision: 'SPLIT' }],
    });
    expect(together(result, gp, care)).toBe(true);
    expect(together(result, gp, school)).toBe(false);
  });

  it('SPLIT does not undo an NHS number match', () => {
    const result = link([child(gp, { nhsNumber: NHS_1 }), child(care, { nhsNumber: NHS_1 })], {
      decisions: [{ a: gp, b: care, decision: 'SPLIT' }],
    });
    expect(together(result, gp, care)).toBe(true);
  });

  it('the last decision about a pair wins', () => {
    const result = link(strangers, {
      decisions: [
        { a: gp, b: school, decision: 'SPLIT' },
        { a: school, b: gp, decision: 'CONFIRM' },
      ],
    });
    expect(together(result, gp, school)).toBe(true);
  });

  it('ignores decisions about records it was not given', () => {
    const result = link(strangers, { decisions: [{ a: gp, b: ref('adult', 'gone'), decision: 'CONFIRM' }] });
    expect(result.clusters).toHaveLength(2);
  });

  it('does not CONFIRM two records of one agency with different NHS numbers; the pair comes back for review', () => {
    const other = ref('gp', 'g2');
    const result = link([child(gp, { nhsNumber: NHS_1 }), child(other, { nhsNumber: NHS_2 })], {
      decisions: [{ a: gp, b: other, decision: 'CONFIRM' }],
    });
    expect(together(result, gp, other)).toBe(false);
    expect(reviewed(result, gp, other)).toBe(true);
  });
});
