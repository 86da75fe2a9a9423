/**
 * Self-claimed and break-glass grants, from the holder's side: start one, end one's own early, list one's own.
 * Starting and ending are gateway/audit's (startAccessGrant / endAccessGrant): grant row, audit event and, on start,
 * the privacy alert commit together or not at all.
 */
import { HubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';
import {
  endAccessGrant,
  startAccessGrant,
  type AccessGrant,
  type AccessGrantKind,
} from '../audit/access-grants.js';
import type { Activity } from '../auth/vocabulary.js';
import { auditActorOf, requireActivity, type AccessAdminContext } from './access-admin-context.js';
import { grantMinutes, parseGrantReason, type GrantLimits } from './grant-input.js';
import { childExists, grantHolder, grantsOfUser } from './grant-reads.js';

export interface GrantResolverDeps {
  db: Db;
  now: () => Date;
  grantLimits: GrantLimits;
}

/** The most grants `myAccessGrants` returns (newest first): a professional's history, not an audit report. */
export const myGrantsLimit = 200;

const activityFor: Record<AccessGrantKind, Activity> = {
  SELF_CLAIMED: 'SELF_CLAIM_RELATIONSHIP',
  BREAK_GLASS: 'BREAK_GLASS',
};

interface StartArgs {
  childId: string;
  reason: string;
  minutes?: number | null;
}

export function grantResolvers(deps: GrantResolverDeps) {
  const { db } = deps;

  const start = async (kind: AccessGrantKind, args: StartArgs, context: AccessAdminContext) => {
    requireActivity(context, activityFor[kind]);
    const reason = parseGrantReason(args.reason);
    const limit = deps.grantLimits[kind];
    const durationMinutes = grantMinutes(args.minutes, limit);
    if (!(await childExists(db, args.childId))) throw new HubError('NOT_FOUND');
    const grant = await startAccessGrant(db, {
      actor: auditActorOf(context),
      childId: args.childId,
      kind,
      reason,
      purpose: context.caller.purpose,
      requestId: context.request.requestId,
      durationMinutes,
      maxDurationMinutes: limit.maxMinutes,
      now: deps.now(),
    });
    return toGraphQL(grant, deps.now());
  };

  return {
    Query: {
      myAccessGrants: async (
        _: unknown,
        args: { activeOnly?: boolean | null },
        context: AccessAdminContext,
      ) => {
        requireActivity(context, 'SELF_CLAIM_RELATIONSHIP', 'BREAK_GLASS');
        const now = deps.now();
        const grants = await grantsOfUser(db, {
          userId: context.caller.userId,
          activeOnly: args.activeOnly !== false,
          now,
          limit: myGrantsLimit,
        });
        return grants.map((grant) => toGraphQL(grant, now));
      },
    },
    Mutation: {
      claimRelationship: (_: unknown, args: StartArgs, context: AccessAdminContext) =>
        start('SELF_CLAIMED', args, context),
      breakGlass: (_: unknown, args: StartArgs, context: AccessAdminContext) =>
        start('BREAK_GLASS', args, context),
      endAccessGrant: async (_: unknown, args: { grantId: string }, context: AccessAdminContext) => {
        requireActivity(context, 'SELF_CLAIM_RELATIONSHIP', 'BREAK_GLASS');
        const holder = await grantHolder(db, args.grantId);
        if (holder === null) throw new HubError('NOT_FOUND');
        if (holder !== context.caller.userId)
          throw new HubError('FORBIDDEN', { safeMessage: 'You can only end your own access grants.' });
        const now = deps.now();
        const ended = await endAccessGrant(db, {
          grantId: args.grantId,
          actor: auditActorOf(context),
          requestId: context.request.requestId,
          now,
        });
        return ended === null ? null : toGraphQL(ended, now);
      },
    },
  };
}

/** A grant as the AccessGrant type shows it. */
export function toGraphQL(grant: AccessGrant, now: Date) {
  return {
    id: grant.id,
    userId: grant.userId,
    childId: grant.childId,
    kind: grant.kind,
    reason: grant.reason,
    startsAt: grant.startsAt.toISOString(),
    endsAt: grant.endsAt.toISOString(),
    endedAt: grant.endedAt?.toISOString() ?? null,
    endedBy: grant.endedBy,
    active:
      grant.endedAt === null &&
      grant.startsAt.getTime() <= now.getTime() &&
      grant.endsAt.getTime() > now.getTime(),
  };
}
