import { describe, expect, it } from 'vitest';
import { Directory } from './directory.js';

const directory = new Directory({
  organisations: [
    { id: 'O1', kind: 'SCHOOL', name: 'School One', code: '100001', postcode: 'AA1 1AA' },
    { id: 'O2', kind: 'GP_PRACTICE', name: 'Practice', code: 'A12345', postcode: 'AA1 1AB' },
  ],
  professionals: [
    {
      id: 'P1',
      agency: 'education',
      name: 'A Senco',
      role: 'SENCO',
      organisationId: 'O1',
      email: 'a@x',
      phone: '1',
    },
    {
      id: 'P2',
      agency: 'adult',
      name: 'Orphan',
      role: 'TRANSITION_WORKER',
      organisationId: 'NONE',
      email: 'b@x',
      phone: '2',
    },
  ],
});

describe('Directory', () => {
  it('builds contacts with their organisation', () => {
    expect(directory.contact('P1')).toEqual({
      id: 'P1',
      name: 'A Senco',
      role: 'SENCO',
      email: 'a@x',
      phone: '1',
      organisation: { id: 'O1', kind: 'SCHOOL', name: 'School One', code: '100001' },
    });
    expect(directory.contact('P2')?.organisation).toBeNull();
    expect(directory.contact('P9')).toBeNull();
    expect(directory.contact(null)).toBeNull();
  });

  it('indexes organisations of one kind by code', () => {
    expect([...directory.organisationsByCode('SCHOOL').keys()]).toEqual(['100001']);
  });
});
