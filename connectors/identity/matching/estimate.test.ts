import { describe, expect, it } from 'vitest';
import { PairComparator } from './compare.js';
import { DEFAULT_ESTIMATION, estimateProbabilities } from './estimate.js';
import { prepareRecords } from './prepare.js';
import { DEFAULT_PROBABILITIES } from './probabilities.js';
import { seededRandom } from './random.js';
import { child, validNhs } from './test-fixtures.js';
import type { AgencyPersonRecord } from './types.js';

const GIVEN = ['Oliver', 'Mia', 'Harry', 'Amelia', 'Noah', 'Isla', 'Leo', 'Ava', 'Jack', 'Freya'];
const FAMILY = ['Smith', 'Jones', 'Patel', 'Khan', 'Brown', 'Taylor', 'Evans', 'Walker', 'Wright', 'Green'];

/** n children, each seen by the GP and by social care; social care transposes the date for every other child. */
function population(n: number): AgencyPersonRecord[] {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const records: AgencyPersonRecord[] = [];
  for (let k = 0; k < n; k++) {
    const month = 1 + Math.floor(random() * 11);
    const day = month + 1 + Math.floor(random() * (12 - month));
    const pad = (v: number) => String(v).padStart(2, '0');
    const fields = {
      nhsNumber: validNhs(100_000_000 + k * 17),
      givenName: pick(GIVEN),
      familyName: pick(FAMILY),
      dateOfBirth: `${2005 + Math.floor(random() * 18)}-${pad(month)}-${pad(day)}`,
      postcode: `WX${1 + Math.floor(random() * 14)} ${1 + Math.floor(random() * 9)}AB`,
    };
    records.push(child({ agency: 'gp', localId: `g${k}` }, fields));
    const transposed =
      k % 2 === 0 ? `${fields.dateOfBirth.slice(0, 4)}-${pad(day)}-${pad(month)}` : fields.dateOfBirth;
    records.push(child({ agency: 'social-care', localId: `s${k}` }, { ...fields, dateOfBirth: transposed }));
  }
  return records;
}

function estimate(records: AgencyPersonRecord[]) {
  const prepared = prepareRecords(records);
  return estimateProbabilities(
    prepared,
    new PairComparator(prepared),
    DEFAULT_PROBABILITIES,
    DEFAULT_ESTIMATION,
  );
}

describe('estimateProbabilities', () => {
  it('takes m from the NHS-number-linked pairs, smoothed towards the prior', () => {
    const { probabilities, linkedPairs } = estimate(population(2000));
    expect(linkedPairs).toBe(2000);
    const prior = DEFAULT_PROBABILITIES.dateOfBirth.TRANSPOSED.m;
    expect(probabilities.dateOfBirth.TRANSPOSED.m).toBeCloseTo((1000 + 100 * prior) / (2000 + 100), 6);
    expect(probabilities.givenName.EXACT.m).toBeCloseTo(
      (2000 + 100 * DEFAULT_PROBABILITIES.givenName.EXACT.m) / 2100,
      6,
    );
  });

  it('takes u of exact agreement from the value frequencies, leaving out the linked pairs', () => {
    const { probabilities } = estimate(population(2000));
    // Ten given names drawn evenly: two strangers share one about one time in ten.
    expect(probabilities.givenName.EXACT.u).toBeGreaterThan(0.08);
    expect(probabilities.givenName.EXACT.u).toBeLessThan(0.12);
    expect(probabilities.sex.AGREE.u).toBeGreaterThan(0.95);
  });

  it('stays at the prior for a handful of records', () => {
    const { probabilities } = estimate(population(3));
    expect(probabilities.dateOfBirth.EXACT.u).toBeCloseTo(DEFAULT_PROBABILITIES.dateOfBirth.EXACT.u, 4);
    expect(probabilities.familyName.PARTIAL.m).toBeCloseTo(DEFAULT_PROBABILITIES.familyName.PARTIAL.m, 2);
  });

  it('floors m, so an error never seen in the linked pairs cannot veto a match on its own', () => {
    const { probabilities } = estimate(population(2000));
    expect(probabilities.sex.DISAGREE.m).toBe(DEFAULT_ESTIMATION.minM);
  });

  it('gives the same estimate for the same records in any order', () => {
    const records = population(300);
    expect(estimate([...records].reverse())).toEqual(estimate(records));
  });
});
