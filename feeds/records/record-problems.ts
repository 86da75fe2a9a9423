/**
 * Turns the problems found in one record into one rejection: the most fundamental reason wins (a missing field
 * before a bad code before a future date), and the detail lists the fields of that reason, then the others, so
 * an integrator fixes everything in one pass. Problems come from zod issues whose message is a reason code.
 */
import type { z } from 'zod';
import { isDeadLetterReason, reject, type DeadLetterReason, type Rejection } from './dead-letter-reasons.js';

export interface RecordProblem {
  reason: DeadLetterReason;
  field: string;
}

const precedence: readonly DeadLetterReason[] = [
  'MISSING_FIELD',
  'SCHEMA',
  'UNKNOWN_CODE',
  'UPN_CHECK_LETTER',
  'NHS_NUMBER_CHECKSUM',
  'UNRESOLVED_REFERENCE',
  'FUTURE_DATE',
];

const rank = (reason: DeadLetterReason) => {
  const index = precedence.indexOf(reason);
  return index === -1 ? precedence.length : index;
};

/** The field an issue is about, as a dotted path (`class.code`, `identifier.0.value`), or `(record)`. */
export function fieldOf(path: readonly PropertyKey[], prefix = ''): string {
  const joined = path.map(String).join('.');
  return prefix === '' ? joined || '(record)' : joined === '' ? prefix : `${prefix}.${joined}`;
}

/** zod issues whose message is a reason code keep it; any other issue is a SCHEMA problem. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): RecordProblem[] {
  return issues.flatMap((issue) => {
    // A union reports its branches' issues nested; the branch closest to matching explains best.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return problemsFromIssues(
        best.map((nested) => ({ ...nested, path: [...issue.path, ...nested.path] })),
        prefix,
      );
    }
    return [
      {
        reason: isDeadLetterReason(issue.message) ? issue.message : 'SCHEMA',
        field: fieldOf(issue.path, prefix),
      },
    ];
  });
}

export function rejectionFrom(problems: readonly RecordProblem[]): Rejection {
  const byReason = new Map<DeadLetterReason, string[]>();
  for (const problem of problems) {
    const fields = byReason.get(problem.reason) ?? [];
    if (!fields.includes(problem.field)) fields.push(problem.field);
    byReason.set(problem.reason, fields);
  }
  const ordered = [...byReason.entries()].sort(([a], [b]) => rank(a) - rank(b));
  const [first, ...others] = ordered;
  if (!first) return reject('INTERNAL_ERROR', '(record)');
  const detail = [
    first[1].join(', '),
    ...others.map(([reason, fields]) => `also ${reason}: ${fields.join(', ')}`),
  ].join('; ');
  return reject(first[0], detail);
}
