import { describe, expect, it } from 'vitest';
import { toEducationTeam } from './to-education-team.js';
import { fixturePupil } from './test-fixtures/fixtures.js';

describe('toEducationTeam', () => {
  it('names the SENCO, designated teacher and virtual school head with how to reach them', () => {
    expect(toEducationTeam([fixturePupil('P-100')])).toEqual([
      {
        agency: 'EDUCATION',
        name: 'Sol Senco',
        role: 'SENCO',
        organisation: 'Elm High',
        email: 'senco@elm.example',
        phone: '01000 100001',
        since: null,
      },
      expect.objectContaining({ name: 'Dee Teacher', role: 'DESIGNATED_TEACHER' }),
      expect.objectContaining({
        name: 'Val Head',
        role: 'VIRTUAL_SCHOOL_HEAD',
        organisation: 'Fixture Council',
        phone: null,
      }),
    ]);
  });

  it('lists a professional named on two duplicate records once', () => {
    const team = toEducationTeam([fixturePupil('P-100'), fixturePupil('P-101')]);
    expect(team.filter((member) => member.role === 'SENCO')).toHaveLength(1);
  });

  it('is empty when no contacts are recorded', () => {
    expect(toEducationTeam([fixturePupil('P-200')])).toEqual([]);
  });
});
