/**
 * Reconciles a batch of children: reads their joined records through the connectors (one read per agency per
 * batch), audits those reads as the hub's own system identity with purpose RECONCILIATION, runs every rule, and
 * stores what they found (jobs/findings/findings-store.ts). Running it again over unchanged data changes no
 * finding, so at-least-once delivery is safe.
 */
import type { Connector } from '../../connectors/connector.js';
import type { Logger } from '../../platform/logger.js';
import type { AuditSink } from '../../store/audit/audit-writer.js';
import type { Db } from '../../store/db.js';
import { applyRuleResultsBatch, type ApplyInput, type ApplyReport } from '../findings/findings-store.js';
import { readJoinedRecords } from '../reconcile/read-joined-records.js';
import type { JoinedChildRecord } from '../rules/joined-record.js';
import type { Rule } from '../rules/rule.js';
import type { RulesConfig } from '../rules/rules-config.js';
import { englandDayOf } from '../rules/time/calendar-day.js';
import type { WorkingDayCalendar } from '../rules/time/working-days.js';
import { evaluateRules } from './evaluate-rules.js';
import { ownerPeopleOf } from './owner-people.js';

export interface ReconcileDeps {
  db: Db;
  connectors: readonly Connector[];
  now: () => Date;
  logger: Logger;
  audit: AuditSink;
  rules: readonly Rule[];
  calendar: WorkingDayCalendar;
  config: RulesConfig;
}

export interface ReconcileReport extends ApplyReport {
  children: number;
  /** Ids no longer in the identity index (split or removed since they were listed). */
  missing: number;
  ruleErrors: number;
  /** Per agency part: children whose part could not be read. */
  unreadable: Record<string, number>;
}

/** The hub itself, as the audit records its reconciliation reads. */
export const reconciliationActor = {
  userId: 'system:reconciliation',
  role: 'SYSTEM',
  organisation: 'child-view-hub',
};

export async function reconcileChildren(
  deps: ReconcileDeps,
  childIds: readonly string[],
  requestId: string,
): Promise<ReconcileReport> {
  const records = await readJoinedRecords(deps, childIds);
  const read = records.filter((record): record is JoinedChildRecord => record !== null);
  await deps.audit.record(
    read.map((record) => ({
      requestId,
      ...reconciliationActor,
      purpose: 'RECONCILIATION',
      childId: record.child.id,
      categories: [],
      fields: readParts(record),
      outcome: 'ALLOWED' as const,
      reason: null,
      grant: 'SYSTEM' as const,
    })),
  );
  const owners = await ownerPeopleOf(
    deps.db,
    read.map((record) => record.child.id),
  );
  const now = deps.now();
  const context = { now, today: englandDayOf(now), calendar: deps.calendar, config: deps.config };
  const report: ReconcileReport = {
    children: read.length,
    missing: records.length - read.length,
    opened: 0,
    updated: 0,
    autoResolved: 0,
    unchanged: 0,
    notAssessed: 0,
    ruleErrors: 0,
    unreadable: {},
  };
  const inputs: ApplyInput[] = [];
  for (const record of read) {
    for (const part of ['socialCare', 'health', 'education', 'adultServices'] as const) {
      const state = record[part].state;
      if (state === 'UNAVAILABLE' || state === 'TIMED_OUT')
        report.unreadable[part] = (report.unreadable[part] ?? 0) + 1;
    }
    const results = evaluateRules(record, deps.rules, context, (ruleId, error) => {
      report.ruleErrors += 1;
      deps.logger.error(
        { ruleId, err: error instanceof Error ? { name: error.name } : undefined },
        'rule failed',
      );
    });
    inputs.push({
      childId: record.child.id,
      results,
      at: now,
      ownerPeople: owners.get(record.child.id) ?? {},
    });
  }
  // One transaction for the batch (each child still serialised by its own lock): far fewer round trips.
  for (const applied of await applyRuleResultsBatch(deps.db, inputs)) {
    report.opened += applied.opened;
    report.updated += applied.updated;
    report.autoResolved += applied.autoResolved;
    report.unchanged += applied.unchanged;
    report.notAssessed += applied.notAssessed;
  }
  return report;
}

/** What the reconciliation read of the child, for the audit: each agency part that was read. */
function readParts(record: JoinedChildRecord): string[] {
  return (['socialCare', 'health', 'education', 'adultServices'] as const)
    .filter((part) => record[part].state === 'OK')
    .map((part) => `reconciliation.${part}`);
}
