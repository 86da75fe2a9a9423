/**
 * Every reconciliation rule, in the order statutory-rules.md lists them. Adding a rule: one file and one line
 * here (README.md).
 */
import type { Rule } from './rule.js';

export const rules: readonly Rule[] = [];
