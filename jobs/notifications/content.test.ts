import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coresidentAdmissionNotice,
  missingEpisodeAlert,
  schoolExclusionAlert,
  unscheduledCareAlert,
} from './content.js';

// Extra facts a caller might carelessly pass: none may reach the message.
const personal = { givenName: 'Ellie', familyName: 'Marsh', nhsNumber: '9434765919', postcode: 'LS1 4AP' };
const leaks = (text: string) => Object.values(personal).filter((value) => text.includes(value));

describe('notification content', () => {
  it('tells a co-resident child’s worker the admission date and nothing about the child admitted', () => {
    const notice = coresidentAdmissionNotice({ childIds: ['c-17'], admittedOn: '2026-11-20', ...personal });
    expect(notice.kind).toBe('CORESIDENT_ADMISSION');
    expect(notice.body).toContain('where child c-17 lives');
    expect(notice.body).toContain('2026-11-20');
    expect(leaks(notice.subject + notice.body)).toEqual([]);
  });

  it('names each of the recipient’s children in the home once', () => {
    const notice = coresidentAdmissionNotice({ childIds: ['c-1', 'c-2', 'c-1'], admittedOn: '2026-11-20' });
    expect(notice.subject).toBe('New admission to the residential unit of children c-1, c-2');
    expect(notice.body).toContain('where children c-1, c-2 live');
  });

  it('alerts an A&E attendance with the child’s status, not a clinical reason', () => {
    const alert = unscheduledCareAlert({
      childId: 'c-1',
      attendedOn: '2026-11-21',
      setting: 'EMERGENCY_DEPARTMENT',
      because: 'CHILD_PROTECTION_PLAN',
      ...personal,
    });
    expect(alert.body).toMatch(/child protection plan/);
    expect(alert.body).toMatch(/A&E/);
    expect(leaks(alert.subject + alert.body)).toEqual([]);
  });

  it('puts the return interview due 72 hours after the return', () => {
    const alert = missingEpisodeAlert({ childId: 'c-2', returnedAt: '2026-11-21T23:30:00+00:00' });
    expect(alert.body).toContain('by 2026-11-24T23:30:00.000Z');
  });

  it('gives the virtual school and the social worker their own action for an exclusion', () => {
    const facts = { childId: 'c-3', type: 'SUSPENSION', startsOn: '2026-11-23', days: 3 } as const;
    const toVs = schoolExclusionAlert({ ...facts, recipientRole: 'VIRTUAL_SCHOOL' });
    const toSw = schoolExclusionAlert({ ...facts, recipientRole: 'SOCIAL_WORKER' });
    expect(toVs.body).toContain('suspended from school for 3 school days, from 2026-11-23');
    expect(toVs.body).toMatch(/virtual school head/);
    expect(toSw.body).not.toMatch(/virtual school head/);
    expect(
      schoolExclusionAlert({ ...facts, type: 'PERMANENT_EXCLUSION', recipientRole: 'SOCIAL_WORKER' }).body,
    ).toMatch(/permanently excluded/);
    const unknownType = schoolExclusionAlert({
      childId: 'c-3',
      startsOn: '2026-11-23',
      recipientRole: 'SOCIAL_WORKER',
    });
    expect(unknownType.body).toContain('Child c-3 was suspended or excluded from school, from 2026-11-23.');
  });

  it('refuses anything that is not a hub child id in place of one', () => {
    expect(() =>
      coresidentAdmissionNotice({ childIds: ['Ellie Marsh'], admittedOn: '2026-11-20' }),
    ).toThrow();
    expect(() => coresidentAdmissionNotice({ childIds: [], admittedOn: '2026-11-20' })).toThrow();
    expect(() => missingEpisodeAlert({ childId: 'c-2', returnedAt: 'yesterday' })).toThrow();
  });

  it('the body of every alert mentions the child only by the id it was given', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[\w-]{1,40}$/),
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 0, 1), noInvalidDate: true }),
        (id, at) => {
          const alert = missingEpisodeAlert({ childId: id, returnedAt: at.toISOString() });
          expect(alert.subject).toContain(`child ${id}`);
          const due = new Date(alert.body.match(/by (\S+)\.$/m)?.[1] ?? '');
          expect(due.getTime() - at.getTime()).toBe(72 * 3600_000);
        },
      ),
    );
  });
});
