import { describe, expect, it } from 'vitest';
import { pupilIndexAnswerSchema, pupilSearchAnswerSchema } from './payload-schemas.js';
import { rawFixture } from './test-fixtures/fixtures.js';

type Json = Record<string, unknown>;
const searchWith = (change: (pupil: Json) => void): unknown => {
  const raw = rawFixture('pupil-search') as { pupils: Json[] };
  change(raw.pupils[0] as Json);
  return raw;
};

describe('education payload schemas', () => {
  it('accept what the education system sends, and drop what the hub does not use', () => {
    const parsed = pupilSearchAnswerSchema.parse(rawFixture('pupil-search'));
    expect(parsed.pupils.map((pupil) => pupil.pupilId)).toEqual(['P-100', 'P-101', 'P-200']);
    expect(parsed.pupils[0]).not.toHaveProperty('addressLine');
    expect(parsed.pupils[0]).not.toHaveProperty('givenName');
    expect(pupilIndexAnswerSchema.parse(rawFixture('pupil-index')).next).toBe('cDI');
  });

  it('reject the shapes a half-deployed upstream sends', () => {
    const malformed = {
      pupils: [{ pupilId: 12345, upn: true, enrolments: 'see legacy system', sen: null }],
      notFound: {},
    };
    expect(pupilSearchAnswerSchema.safeParse(malformed).success).toBe(false);
    expect(pupilIndexAnswerSchema.safeParse(malformed).success).toBe(false);
  });

  it.each([
    ['an unknown SEN provision', (p: Json) => (p['sen'] = { provision: 'X', needs: [] })],
    [
      'a date that is not ISO',
      (p: Json) => (p['exclusions'] = [{ ...fixtureExclusion, date: '14/10/2024' }]),
    ],
    ['a missing contacts block', (p: Json) => delete p['contacts']],
    ['negative sessions', (p: Json) => (p['attendance'] = [{ ...fixtureTerm, possibleSessions: -1 }])],
    ['an unknown EHC status', (p: Json) => ((p['ehcNeedsAssessment'] as Json)['status'] = 'LOST')],
  ])('reject %s', (_name, change) => {
    expect(pupilSearchAnswerSchema.safeParse(searchWith(change)).success).toBe(false);
  });
});

const fixtureExclusion = {
  id: 'X',
  date: '2024-10-14',
  kind: 'SUSPENSION',
  sessions: 1,
  reason: 'PA',
  schoolUrn: '1',
};
const fixtureTerm = { academicYear: '2024/25', term: 'AUTUMN', possibleSessions: 1, attendedSessions: 1 };
