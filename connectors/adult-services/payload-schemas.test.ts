import { describe, expect, it } from 'vitest';
import { handoffAnswerSchema, personIndexAnswerSchema, personSearchAnswerSchema } from './payload-schemas.js';
import { rawFixture } from './test-fixtures/fixtures.js';

type Json = Record<string, unknown>;
const searchWith = (change: (person: Json) => void): unknown => {
  const raw = rawFixture('person-search') as { people: Json[] };
  change(raw.people[0] as Json);
  return raw;
};

describe('adult services payload schemas', () => {
  it('accept what adult services send, and drop what the hub does not use', () => {
    const parsed = personSearchAnswerSchema.parse(rawFixture('person-search'));
    expect(parsed.people.map((person) => person.personId)).toEqual(['AP-1', 'AP-2', 'AP-3']);
    expect(parsed.people[0]).not.toHaveProperty('addressLine');
    expect(parsed.people[0]).not.toHaveProperty('nhsNumber');
    expect(personIndexAnswerSchema.parse(rawFixture('person-index')).people).toHaveLength(2);
    expect(handoffAnswerSchema.parse({ reference: 'ASC-1', status: 'RECEIVED', extra: 1 })).toEqual({
      reference: 'ASC-1',
      status: 'RECEIVED',
    });
  });

  it('reject the shapes a half-deployed upstream sends', () => {
    expect(
      personSearchAnswerSchema.safeParse({
        people: [{ personId: null, nhsNumber: 9990000000, cldEvents: 'n/a' }],
      }).success,
    ).toBe(false);
    expect(handoffAnswerSchema.safeParse({ ref: 12345, state: ['RECEIVED'] }).success).toBe(false);
  });

  it.each([
    [
      'an unknown s58 outcome',
      (p: Json) =>
        (p['s58Assessments'] = [
          { id: 'S', referralDate: '2024-01-01', assessmentDate: null, outcome: 'MAYBE' },
        ]),
    ],
    [
      'an unknown CLD event type',
      (p: Json) => (p['cldEvents'] = [{ id: 'E', eventType: 'VISIT', date: '2024-01-01', detail: '' }]),
    ],
    [
      'a date that is not ISO',
      (p: Json) => (p['transitionReferrals'] = [{ id: 'T', date: '2/9/2024', source: 'X', reason: 'Y' }]),
    ],
    ['a missing transition worker field', (p: Json) => delete p['transitionWorker']],
  ])('reject %s', (_name, change) => {
    expect(personSearchAnswerSchema.safeParse(searchWith(change)).success).toBe(false);
  });
});
