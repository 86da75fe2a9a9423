/** A rule context at midday (UTC) on a date, so the date is the same in England all year. Only tests import this. */
import type { RulesConfig } from '../../rules-config.js';
import type { RuleContext } from '../../rule.js';
import { ruleContext } from '../../testing/joined-record-builder.js';

export function at(date: string, config: Partial<RulesConfig> = {}): RuleContext {
  return ruleContext(`${date}T12:00:00.000Z`, config);
}
