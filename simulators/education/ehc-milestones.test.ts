import { describe, expect, it } from 'vitest';
import type { EhcTimeline } from '../population/model.js';
import { applyEhcMilestone } from './ehc-milestones.js';

let counter = 0;
const newId = () => `NEW-${++counter}`;

function expectOk(result: ReturnType<typeof applyEhcMilestone>): EhcTimeline {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}`);
  return result.timeline;
}

describe('applyEhcMilestone', () => {
  it('walks request → decision → final plan → review', () => {
    const requested = expectOk(applyEhcMilestone(null, { milestone: 'REQUEST', date: '2025-01-06' }, newId));
    expect(requested).toMatchObject({
      requestDate: '2025-01-06',
      status: 'REQUESTED',
      decisionOutcome: null,
    });
    const decided = expectOk(
      applyEhcMilestone(requested, { milestone: 'DECISION', date: '2025-02-10', outcome: 'Y' }, newId),
    );
    expect(decided).toMatchObject({ decisionDate: '2025-02-10', decisionOutcome: 'Y', status: 'ASSESSING' });
    const issued = expectOk(
      applyEhcMilestone(decided, { milestone: 'FINAL_PLAN', date: '2025-05-20' }, newId),
    );
    expect(issued).toMatchObject({ finalPlanDate: '2025-05-20', status: 'ISSUED' });
    const reviewed = expectOk(
      applyEhcMilestone(issued, { milestone: 'ANNUAL_REVIEW', date: '2026-05-01', pfaOutcomes: true }, newId),
    );
    expect(reviewed.annualReviews).toEqual([
      { id: expect.any(String), date: '2026-05-01', pfaOutcomes: true },
    ]);
    expect(issued.annualReviews).toEqual([]);
  });

  it('maps SEN2 decision outcomes to statuses', () => {
    const requested = expectOk(applyEhcMilestone(null, { milestone: 'REQUEST', date: '2025-01-06' }, newId));
    const statusFor = (outcome: 'Y' | 'N' | 'W' | 'H') =>
      expectOk(applyEhcMilestone(requested, { milestone: 'DECISION', date: '2025-01-07', outcome }, newId))
        .status;
    expect(statusFor('Y')).toBe('ASSESSING');
    expect(statusFor('H')).toBe('ASSESSING');
    expect(statusFor('N')).toBe('REFUSED');
    expect(statusFor('W')).toBe('CEASED');
  });

  it('refuses steps out of order with 409', () => {
    const requested = expectOk(applyEhcMilestone(null, { milestone: 'REQUEST', date: '2025-01-06' }, newId));
    for (const [current, step] of [
      [null, { milestone: 'DECISION', date: '2025-02-01', outcome: 'Y' }],
      [requested, { milestone: 'REQUEST', date: '2025-02-01' }],
      [requested, { milestone: 'FINAL_PLAN', date: '2025-02-01' }],
      [requested, { milestone: 'ANNUAL_REVIEW', date: '2025-02-01', pfaOutcomes: false }],
    ] as const) {
      expect(applyEhcMilestone(current, step, newId)).toMatchObject({ ok: false, status: 409 });
    }
  });

  it('allows a new request after a refusal', () => {
    const requested = expectOk(applyEhcMilestone(null, { milestone: 'REQUEST', date: '2024-01-06' }, newId));
    const refused = expectOk(
      applyEhcMilestone(requested, { milestone: 'DECISION', date: '2024-02-01', outcome: 'N' }, newId),
    );
    const again = expectOk(applyEhcMilestone(refused, { milestone: 'REQUEST', date: '2025-01-06' }, newId));
    expect(again).toMatchObject({ requestDate: '2025-01-06', status: 'REQUESTED' });
    expect(again.id).not.toBe(requested.id);
  });

  it('refuses a date before the previous milestone with 422', () => {
    const requested = expectOk(applyEhcMilestone(null, { milestone: 'REQUEST', date: '2025-01-06' }, newId));
    expect(
      applyEhcMilestone(requested, { milestone: 'DECISION', date: '2025-01-05', outcome: 'Y' }, newId),
    ).toMatchObject({ ok: false, status: 422, code: 'DATE_BEFORE_PREVIOUS_MILESTONE' });
  });
});
