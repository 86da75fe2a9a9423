import { describe, expect, it } from 'vitest';
import { fixtureRecords } from './test-fixtures/child-records.js';
import { toRelationships } from './to-relationships.js';
import { toSocialCareTeam } from './to-social-care-team.js';

describe('the social care team', () => {
  it('lists open involvements once each, social worker first, with since-dates', async () => {
    expect(toSocialCareTeam(await fixtureRecords('P-100', 'P-101'))).toEqual([
      {
        agency: 'SOCIAL_CARE',
        name: 'Sam Worker',
        role: 'SOCIAL_WORKER',
        organisation: 'Children Looked After Team 1',
        email: null,
        phone: null,
        since: '2023-06-01',
      },
      {
        agency: 'SOCIAL_CARE',
        name: 'Ira Reviewer',
        role: 'IRO',
        organisation: 'Independent Reviewing Service',
        email: null,
        phone: null,
        since: '2023-06-03',
      },
    ]);
  });
});

describe('social care relationships', () => {
  it('names each open involvement’s professional by email, lower case, and leaves out those without one', async () => {
    const [record] = await fixtureRecords('P-100');
    const emails = new Map([['PRO-SW', ' Sam.Worker@Council.example ']]);
    expect(toRelationships(record?.involvements ?? [], emails)).toEqual([
      {
        localId: 'P-100',
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: 'sam.worker@council.example' },
        since: '2023-06-01',
      },
    ]);
    const withIro = new Map([
      ...emails,
      ['PRO-IRO', 'ira@council.example'],
      ['PRO-OLD', 'old@council.example'],
    ]);
    expect(toRelationships(record?.involvements ?? [], withIro).map((r) => r.kind)).toEqual([
      'ALLOCATED_SOCIAL_WORKER',
      'IRO',
    ]);
  });
});
