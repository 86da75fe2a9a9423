import { describe, expect, it } from 'vitest';
import { AdultStore } from './adult-store.js';
import { adultFixturePopulation, fixtureNhsNumbers } from './fixture-population.js';

const subject = {
  nhsNumber: fixtureNhsNumbers.erin,
  adultPersonId: null,
  givenName: 'Erin',
  familyName: 'Evans',
  dateOfBirth: '2008-01-01',
  sex: 'F' as const,
};

describe('AdultStore', () => {
  it('files a handoff on a copy, leaving the population it was built from unchanged', () => {
    const population = adultFixturePopulation();
    const store = new AdultStore(population.adult);
    expect(store.receiveHandoff(subject, 'ASC-1', '2025-03-03')).toBe('ASC-1001');
    expect(store.receiveHandoff(subject, 'ASC-2', '2025-03-04')).toBe('ASC-1001');
    expect(store.get('ASC-1001')?.transitionReferrals.map((r) => r.id)).toEqual([
      'TR-1',
      'TR-ASC-1',
      'TR-ASC-2',
    ]);
    expect(population.adult[0]?.transitionReferrals).toHaveLength(1);
    expect(population.adult[0]?.events).toHaveLength(2);
  });

  it('prefers the adult person id the sender names over the NHS number', () => {
    const store = new AdultStore(adultFixturePopulation().adult);
    expect(store.receiveHandoff({ ...subject, adultPersonId: 'ASC-1004' }, 'ASC-1', '2025-03-03')).toBe(
      'ASC-1004',
    );
  });

  it('opens a findable record for someone unknown', () => {
    const store = new AdultStore(adultFixturePopulation().adult);
    const personId = store.receiveHandoff(
      { ...subject, nhsNumber: fixtureNhsNumbers.gail },
      'ASC-1',
      '2025-03-03',
    );
    expect(personId).toMatch(/^ASC-P-\d{6}$/);
    expect(store.findByNhsNumbers([fixtureNhsNumbers.gail]).map((r) => r.personId)).toEqual([personId]);
  });
});
