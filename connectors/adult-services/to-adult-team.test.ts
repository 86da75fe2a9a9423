import { describe, expect, it } from 'vitest';
import { toAdultTeam } from './to-adult-team.js';
import { fixturePerson } from './test-fixtures/fixtures.js';

describe('toAdultTeam', () => {
  it('names the transition worker and the personal adviser, each once', () => {
    const team = toAdultTeam([fixturePerson('AP-1'), fixturePerson('AP-2')]);
    expect(team.map((member) => [member.role, member.name, member.since])).toEqual([
      ['TRANSITION_WORKER', 'Tam Worker', null],
      ['PERSONAL_ADVISER', 'Pip Adviser', '2024-08-15'],
    ]);
  });

  it('is empty when nobody is recorded', () => {
    expect(toAdultTeam([fixturePerson('AP-3')])).toEqual([]);
  });
});
