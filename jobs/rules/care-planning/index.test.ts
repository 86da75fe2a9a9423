import { describe, expect, it } from 'vitest';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { CARE_PLANNING_RULES } from './index.js';

describe('the care-planning rules', () => {
  it('are listed once each, in the order statutory-rules.md gives them', () => {
    expect(CARE_PLANNING_RULES.map((rule) => rule.id)).toEqual([
      'ASSESSMENT_OVERDUE',
      'ASSESSMENT_STALE',
      'ICPC_LATE',
      'CARE_PLAN_MISSING',
      'PLACEMENT_PLAN_LATE',
      'PLACEMENT_MEETING_MISSED',
      'PLACEMENT_NOT_NOTIFIED',
      'LAC_REVIEW_LATE',
      'SW_VISIT_LATE',
      'CHILD_VOICE_MISSING',
      'MEETING_STATUS_UNCLEAR',
    ]);
  });

  it.each(CARE_PLANNING_RULES.map((rule) => [rule.id, rule] as const))(
    '%s: says which agency it could not read, and finds nothing in an empty record',
    (_id, rule) => {
      for (const part of rule.needs) {
        const outcome = rule.evaluate(joinedRecord({ [part]: 'UNAVAILABLE' }), ruleContext());
        expect(outcome).toMatchObject({
          kind: 'NOT_ASSESSED',
          reason: 'AGENCY_UNAVAILABLE',
          agencies: [part],
        });
      }
      expect(rule.evaluate(joinedRecord(), ruleContext())).toEqual({ kind: 'DECIDED', findings: [] });
    },
  );
});
