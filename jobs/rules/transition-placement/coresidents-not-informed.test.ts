import { describe, expect, it } from 'vitest';
import type { CoresidentNotificationValue } from '../../../connectors/social-care/social-care-section.js';
import type { CoResidentNoticesValue, CoResidentValue } from '../joined-record.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { coresidentsNotInformed as rule } from './coresidents-not-informed.js';
import { at } from './testing/at.js';
import {
  coResident,
  coresidentNotice,
  homePlacement,
  practitioner,
  residentialContext,
} from './testing/records.js';

// Friday 6 March 2026, evening: notices due by Monday 9 March.
const friday = homePlacement('U1', { id: 'PL1', startDate: '2026-03-06T18:00:00.000Z' });

const told = (about: string, role: string, extra: Partial<CoresidentNotificationValue> = {}) =>
  coresidentNotice({
    id: `N-${about}-${role}`,
    placementId: 'PL1',
    aboutPersonId: about,
    notified: practitioner(role),
    date: '2026-03-07',
    ...extra,
  });

function child(
  notices: CoresidentNotificationValue[],
  residents: CoResidentValue[] = [coResident({ personId: 'P-A', start: '2025-11-01' })],
  admission = friday,
  hubNotices: CoResidentNoticesValue[] = [],
) {
  return joinedRecord({
    socialCare: { placements: [admission], coresidentNotifications: notices },
    residential: residentialContext('U1', residents),
    hub: { coResidentNotices: hubNotices },
  });
}

const findings = (outcome: ReturnType<typeof rule.evaluate>) => {
  if (outcome.kind !== 'DECIDED') throw new Error(`not decided: ${outcome.detail}`);
  return outcome.findings;
};

describe('CORESIDENTS_NOT_INFORMED', () => {
  it('falls due at the end of the next working day, across a weekend', () => {
    expect(findings(rule.evaluate(child([]), at('2026-03-09')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child([]), at('2026-03-10')));
    expect(finding?.subject).toEqual({ kind: 'PLACEMENT', id: 'PL1' });
    expect(finding?.dueDate).toBe('2026-03-09');
    expect(finding?.evidence.map((e) => e.fact)).toContain(
      'existing resident (social care record P-A): no notice to their social worker or IRO recorded',
    );
  });

  it('falls due across the Easter bank holidays', () => {
    // Thursday 2 April 2026: Good Friday and Easter Monday follow, so the next working day is Tuesday 7 April.
    const easter = homePlacement('U1', { id: 'PL1', startDate: '2026-04-02T15:00:00.000Z' });
    expect(findings(rule.evaluate(child([], undefined, easter), at('2026-04-07')))).toEqual([]);
    expect(findings(rule.evaluate(child([], undefined, easter), at('2026-04-08')))[0]?.dueDate).toBe(
      '2026-04-07',
    );
  });

  it('is answered by notices about each resident to a social worker and an IRO, whenever sent', () => {
    expect(
      findings(rule.evaluate(child([told('P-A', 'SOCIAL_WORKER'), told('P-A', 'IRO')]), at('2026-04-01'))),
    ).toEqual([]);
    const late = [
      told('P-A', 'SOCIAL_WORKER', { date: '2026-03-20' }),
      told('P-A', 'IRO', { date: '2026-03-20' }),
    ];
    expect(findings(rule.evaluate(child(late), at('2026-04-01')))).toEqual([]);
    const [finding] = findings(rule.evaluate(child([told('P-A', 'SOCIAL_WORKER')]), at('2026-04-01')));
    expect(finding?.evidence.at(-1)?.fact).toBe(
      'existing resident (social care record P-A): no notice to their IRO recorded',
    );
  });

  it('is answered by the hub’s own notices on this admission once every one of them was delivered', () => {
    const sent = {
      placementKey: 'PL1',
      recipients: 2,
      sent: 2,
      uncovered: 0,
      allSentAt: '2026-03-10T09:00:05.000Z',
    };
    expect(findings(rule.evaluate(child([], undefined, friday, [sent]), at('2026-04-01')))).toEqual([]);
    const pending = { ...sent, sent: 1, allSentAt: null };
    expect(findings(rule.evaluate(child([], undefined, friday, [pending]), at('2026-04-01')))).toHaveLength(
      1,
    );
    // A resident nobody could tell (no known social worker or IRO): the notices that went do not answer it.
    const someoneUntold = { ...sent, uncovered: 1, allSentAt: null };
    expect(
      findings(rule.evaluate(child([], undefined, friday, [someoneUntold]), at('2026-04-01'))),
    ).toHaveLength(1);
    const otherAdmission = { ...sent, placementKey: 'PL-OLD' };
    expect(
      findings(rule.evaluate(child([], undefined, friday, [otherAdmission]), at('2026-04-01'))),
    ).toHaveLength(1);
  });

  it('needs notices about the resident, on this admission, to those roles', () => {
    const wrong = [
      told('P-B', 'SOCIAL_WORKER'),
      told('P-A', 'IRO', { placementId: 'PL-OLD' }),
      told('P-A', 'TEAM_MANAGER'),
      told('P-A', 'SOCIAL_WORKER', { placementId: null, residentialUnitId: 'U1' }),
    ];
    const [finding] = findings(rule.evaluate(child(wrong), at('2026-04-01')));
    expect(finding?.evidence.at(-1)?.fact).toBe(
      'existing resident (social care record P-A): no notice to their IRO recorded',
    );
  });

  it('counts only the residents already living there when the child arrived', () => {
    const residents = [
      coResident({ personId: 'P-LEFT', start: '2025-01-01', end: '2026-03-01' }),
      coResident({ personId: 'P-LATER', start: '2026-03-20' }),
      coResident({ personId: 'P-SAME', start: '2026-03-06T18:00:00.000Z' }),
    ];
    expect(findings(rule.evaluate(child([], residents), at('2026-04-01')))).toEqual([]);
  });

  it('cannot decide who was told when a notice names no one, or where the residents are not given', () => {
    expect(
      rule.evaluate(child([told('P-A', 'SOCIAL_WORKER', { notified: null })]), at('2026-04-01')),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    const noContext = joinedRecord({ socialCare: { placements: [friday] } });
    expect(rule.evaluate(noContext, at('2026-04-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(findings(rule.evaluate(joinedRecord({}), at('2026-04-01')))).toEqual([]);
  });

  it('cannot count working days outside the bank holiday calendar', () => {
    const future = homePlacement('U1', { id: 'PL1', startDate: '2030-03-06T18:00:00.000Z' });
    expect(rule.evaluate(child([], undefined, future), at('2030-04-01'))).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'OUTSIDE_CALENDAR',
    });
  });
});
