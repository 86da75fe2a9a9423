/**
 * What every gateway resolver receives as its context: the request's ids, the verified caller, and the request's
 * access session (decisions about children, and what was released, for the audit). Gateway-owned subschemas
 * (access grants, privacy officer queries) read the caller from here; agency subschemas get only what the stitched
 * context passes on (in remote mode, the signed hub context).
 */
import type { RequestContext } from '../../platform/request-context.js';
import type { Caller } from '../auth/policy.js';
import type { AccessSession } from './access-session.js';

export interface GatewayContext {
  request: RequestContext;
  /** The verified caller. Every /graphql request has one: a request without a valid token is refused before. */
  caller: Caller;
  access: AccessSession;
}
