/**
 * What the access-admin resolvers read from the gateway's context (gateway/access/gateway-context.ts): the request
 * ids and the verified caller. Not the access session: these operations release no child data.
 */
import { HubError } from '../../platform/errors.js';
import type { GatewayContext } from '../access/gateway-context.js';
import type { AuditActor } from '../audit/access-grants.js';
import type { Activity } from '../auth/vocabulary.js';

export type AccessAdminContext = Pick<GatewayContext, 'caller' | 'request'>;

/**
 * Refuses a caller who has none of `activities`. Every resolver calls this first, before reading its arguments or
 * the database, so a caller who may not use an operation learns nothing (not even whether a child or grant exists).
 */
export function requireActivity(context: AccessAdminContext, ...activities: Activity[]): void {
  const caller = context.caller as AccessAdminContext['caller'] | undefined;
  if (caller === undefined || !activities.some((activity) => caller.activities.has(activity)))
    throw new HubError('FORBIDDEN');
}

/** The caller as the audit records them: ids and codes, never a name. */
export function auditActorOf(context: AccessAdminContext): AuditActor {
  const { userId, role, organisation } = context.caller;
  return { userId, role, organisation };
}
