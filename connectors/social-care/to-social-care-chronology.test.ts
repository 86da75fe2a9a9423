import { describe, expect, it } from 'vitest';
import { fixtureRecords } from './test-fixtures/child-records.js';
import { toSocialCareChronology } from './to-social-care-chronology.js';

describe('the social care chronology', () => {
  it('gives every dated event a kind and category, oldest first, across duplicate records', async () => {
    const events = toSocialCareChronology(await fixtureRecords('P-100', 'P-101'));
    expect(events.map((event) => [event.at.slice(0, 10), event.kind, event.category])).toEqual([
      ['2023-01-10', 'REFERRAL', 'SOCIAL_CARE'],
      ['2023-01-11', 'STRATEGY_DISCUSSION', 'CHILD_PROTECTION'],
      ['2023-01-12', 'ASSESSMENT_STARTED', 'SOCIAL_CARE'],
      ['2023-01-30', 'CP_PLAN_STARTED', 'CHILD_PROTECTION'],
      ['2023-01-30', 'ICPC', 'CHILD_PROTECTION'],
      ['2023-02-20', 'ASSESSMENT_AUTHORISED', 'SOCIAL_CARE'],
      ['2023-06-01', 'CP_PLAN_ENDED', 'CHILD_PROTECTION'],
      ['2023-06-01', 'BECAME_LOOKED_AFTER', 'LOOKED_AFTER'],
      ['2023-06-01', 'PLACEMENT_STARTED', 'PLACEMENT'],
      ['2023-06-05', 'VISIT', 'SOCIAL_CARE'],
      ['2023-06-20', 'HEALTH_ASSESSMENT', 'HEALTH'],
      ['2023-06-28', 'LAC_REVIEW', 'LOOKED_AFTER'],
      ['2024-01-05', 'PLACEMENT_REFERRAL', 'PLACEMENT'],
      ['2024-01-15', 'PLACEMENT_ENDED', 'PLACEMENT'],
      ['2024-01-15', 'PLACEMENT_STARTED', 'PLACEMENT'],
      ['2024-01-17', 'MEETING', 'SOCIAL_CARE'],
      ['2024-02-10', 'MISSING_EPISODE', 'EXPLOITATION_RISK'],
      ['2024-02-13', 'RETURN_INTERVIEW', 'EXPLOITATION_RISK'],
    ]);
    expect(events.every((event) => event.agency === 'SOCIAL_CARE' && event.recordId !== null)).toBe(true);
  });

  it('summarises with codes only', async () => {
    const events = toSocialCareChronology(await fixtureRecords('P-100'));
    expect(events.find((event) => event.kind === 'BECAME_LOOKED_AFTER')?.summary).toBe(
      'Became looked after (V2)',
    );
    expect(events.find((event) => event.kind === 'ICPC')?.summary).toBe(
      'Initial child protection conference: plan made',
    );
    expect(events.find((event) => event.kind === 'MEETING')?.summary).toBe('Meeting (type not recorded)');
    expect(JSON.stringify(events)).not.toMatch(/Robin|Example|LS2|stable home/);
  });

  it('marks a period of care ceased only when its last episode ends', async () => {
    const [record] = await fixtureRecords('P-100');
    if (!record) throw new Error('fixture');
    const ended = {
      ...record,
      claEpisodes: record.claEpisodes.map((episode) =>
        episode.clae_cla_episode_id === 'EP-2'
          ? {
              ...episode,
              clae_cla_episode_ceased_date: '2025-01-01T00:00:00.000Z',
              clae_cla_episode_ceased_reason: 'E11',
            }
          : episode,
      ),
    };
    const ceased = toSocialCareChronology([ended]).filter((event) => event.kind === 'CEASED_LOOKED_AFTER');
    expect(ceased).toEqual([
      {
        at: '2025-01-01T00:00:00.000Z',
        agency: 'SOCIAL_CARE',
        kind: 'CEASED_LOOKED_AFTER',
        summary: 'Ceased to be looked after (E11)',
        recordId: 'EP-2',
        category: 'LOOKED_AFTER',
      },
    ]);
  });
});
