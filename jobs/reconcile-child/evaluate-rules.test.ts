import { describe, expect, it } from 'vitest';
import { decided, defineRule, type Rule } from '../rules/rule.js';
import { joinedRecord, ruleContext } from '../rules/testing/joined-record-builder.js';
import { OutsideCalendarError } from '../rules/time/working-days.js';
import { evaluateRules } from './evaluate-rules.js';

const rule = (id: string, evaluate: Rule['evaluate'], needs: Rule['needs'] = ['socialCare']): Rule =>
  defineRule({
    id,
    title: id,
    source: { kind: 'LOCAL_POLICY', citation: 'test' },
    severity: 'low',
    owner: 'SOCIAL_WORKER',
    category: 'SOCIAL_CARE',
    needs,
    evaluate,
  });

const finds = rule('FINDS', () =>
  decided([{ subject: { kind: 'CHILD', id: 'child-1' }, summary: 's', evidence: [], dueDate: null }]),
);

describe('evaluating the rules for one child', () => {
  it('runs each rule and keeps its outcome', () => {
    const results = evaluateRules(joinedRecord(), [finds, rule('NONE', () => decided([]))], ruleContext());
    expect(results.map((result) => [result.rule.id, result.outcome.kind])).toEqual([
      ['FINDS', 'DECIDED'],
      ['NONE', 'DECIDED'],
    ]);
  });

  it('never lets a rule pass on an agency part it could not read', () => {
    let called = false;
    const watching = rule('WATCHING', () => ((called = true), decided([])), ['socialCare', 'health']);
    const [result] = evaluateRules(joinedRecord({ health: 'TIMED_OUT' }), [watching], ruleContext());
    expect(called).toBe(false);
    expect(result?.outcome).toEqual({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['health'],
      detail: 'health TIMED_OUT',
    });
  });

  it('lets a rule decide when an agency simply has no record of the child', () => {
    const [result] = evaluateRules(joinedRecord({ socialCare: 'NOT_LINKED' }), [finds], ruleContext());
    expect(result?.outcome.kind).toBe('DECIDED');
  });

  it('turns a rule that throws into not assessed, and the others still run', () => {
    const errors: string[] = [];
    const results = evaluateRules(
      joinedRecord(),
      [
        rule('BROKEN', () => {
          throw new TypeError('bug');
        }),
        rule('CALENDAR', () => {
          throw new OutsideCalendarError(2031);
        }),
        finds,
      ],
      ruleContext(),
      (ruleId) => errors.push(ruleId),
    );
    expect(
      results.map((result) => (result.outcome.kind === 'NOT_ASSESSED' ? result.outcome.reason : 'DECIDED')),
    ).toEqual(['RULE_ERROR', 'OUTSIDE_CALENDAR', 'DECIDED']);
    expect(errors).toEqual(['BROKEN']);
  });
});
