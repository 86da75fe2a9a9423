/**
 * The privacy officer's questions (VIEW_AUDIT): who viewed this child, what did this user view, which alerts are
 * waiting, and the alert workflow. Answers carry ids and codes — user and child ids, roles, organisation codes,
 * categories, field paths — never child data, so they are not themselves access_audit events.
 */
import type { Db } from '../../store/db.js';
import type { AuditRecord } from '../../store/audit/audit-event.js';
import {
  whatUserViewed,
  whoViewedChild,
  type Page,
  type PrivacyAlertStatus,
} from '../audit/audit-queries.js';
import { requireActivity, type AccessAdminContext } from './access-admin-context.js';
import { toGraphQL as grantToGraphQL } from './grant-resolvers.js';
import { alertPage, changeAlertStatus, parseAlertNote, type AlertView } from './privacy-alerts.js';

export interface PrivacyOfficerResolverDeps {
  db: Db;
  now: () => Date;
}

interface LogArgs {
  first?: number | null;
  after?: string | null;
}

export function privacyOfficerResolvers(deps: PrivacyOfficerResolverDeps) {
  const { db } = deps;
  const allowed = (context: AccessAdminContext) => requireActivity(context, 'VIEW_AUDIT');
  const pageOptions = (args: LogArgs) => ({ limit: args.first ?? 50, cursor: args.after ?? null });

  return {
    Query: {
      childAccessLog: async (
        _: unknown,
        args: LogArgs & { childId: string },
        context: AccessAdminContext,
      ) => {
        allowed(context);
        return auditConnection(await whoViewedChild(db, args.childId, pageOptions(args)));
      },
      userAccessLog: async (_: unknown, args: LogArgs & { userId: string }, context: AccessAdminContext) => {
        allowed(context);
        return auditConnection(await whatUserViewed(db, args.userId, pageOptions(args)));
      },
      privacyAlerts: async (
        _: unknown,
        args: LogArgs & { status?: PrivacyAlertStatus | null },
        context: AccessAdminContext,
      ) => {
        allowed(context);
        const page = await alertPage(db, { status: args.status ?? 'OPEN', ...pageOptions(args) });
        return {
          nodes: page.items.map((alert) => alertToGraphQL(alert, deps.now())),
          pageInfo: pageInfo(page),
        };
      },
    },
    Mutation: {
      acknowledgePrivacyAlert: async (
        _: unknown,
        args: { id: string; note?: string | null },
        context: AccessAdminContext,
      ) => {
        allowed(context);
        const note = args.note === null || args.note === undefined ? null : parseAlertNote(args.note);
        const now = deps.now();
        const alert = await changeAlertStatus(db, {
          alertId: args.id,
          to: 'ACKNOWLEDGED',
          by: context.caller.userId,
          note,
          now,
        });
        return alertToGraphQL(alert, now);
      },
      closePrivacyAlert: async (
        _: unknown,
        args: { id: string; note: string },
        context: AccessAdminContext,
      ) => {
        allowed(context);
        const note = parseAlertNote(args.note);
        const now = deps.now();
        const alert = await changeAlertStatus(db, {
          alertId: args.id,
          to: 'CLOSED',
          by: context.caller.userId,
          note,
          now,
        });
        return alertToGraphQL(alert, now);
      },
    },
  };
}

function pageInfo(page: Page<unknown>) {
  return { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor };
}

function auditConnection(page: Page<AuditRecord>) {
  return {
    nodes: page.items.map((record) => ({
      id: record.id,
      occurredAt: record.occurredAt,
      requestId: record.requestId,
      userId: record.userId,
      role: record.role,
      organisation: record.organisation,
      purpose: record.purpose,
      childId: record.childId,
      categories: record.categories,
      fields: record.fields,
      outcome: record.outcome,
      reason: record.reason,
      basis: record.grant,
      grantId: record.grantId,
    })),
    pageInfo: pageInfo(page),
  };
}

const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
const iso = (value: Date | null) => value?.toISOString() ?? null;

function alertToGraphQL(alert: AlertView, now: Date) {
  return {
    id: alert.id,
    raisedAt: alert.raisedAt.toISOString(),
    kind: alert.kind,
    userId: alert.userId,
    childId: alert.childId,
    grant: alert.grant === null ? null : grantToGraphQL(alert.grant, now),
    windowStart: iso(alert.windowStart),
    windowEnd: iso(alert.windowEnd),
    distinctChildren: count(alert.detail['distinctChildren']),
    threshold: count(alert.detail['threshold']),
    status: alert.status,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: iso(alert.acknowledgedAt),
    closedBy: alert.closedBy,
    closedAt: iso(alert.closedAt),
    notes: alert.notes.map((note) => ({ ...note, writtenAt: note.writtenAt.toISOString() })),
  };
}
