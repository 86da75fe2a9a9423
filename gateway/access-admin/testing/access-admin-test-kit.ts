/**
 * Test support for the access-admin schema: callers built from the shipped policy (as a verified token would
 * give them), one way to execute an operation with the gateway's context, and children in the identity index.
 * Only tests import this.
 */
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { isHubError } from '../../../platform/errors.js';
import type { Queryable } from '../../../store/db.js';
import { resolveCaller, type Caller } from '../../auth/policy.js';
import { shippedPolicy } from '../../auth/testing.js';
import type { Role } from '../../auth/vocabulary.js';
import type { AccessAdminContext } from '../access-admin-context.js';

const policy = shippedPolicy();

const purposeOf: Partial<Record<Role, string>> = {
  PANEL_MEMBER: 'PANEL',
  PRIVACY_OFFICER: 'AUDIT',
  ADMIN: 'ADMINISTRATION',
  FEED_CLIENT: 'DATA_FEED',
  IRO: 'CARE_PLANNING',
  TRANSITION_WORKER: 'TRANSITION',
};

/** A caller of `role` (made-up ids, no real person); `activities` narrows the role's as a token claim would. */
export function testCaller(
  role: Role,
  options: { userId?: string; email?: string; activities?: string[] } = {},
): Caller {
  const userId = options.userId ?? `user-${role.toLowerCase()}`;
  return resolveCaller(
    {
      sub: userId,
      name: 'Test User',
      email: options.email ?? `${userId}@council.example`,
      org: '873',
      role,
      purpose: (purposeOf[role] ?? 'DIRECT_CARE') as Caller['purpose'],
      ...(options.activities === undefined ? {} : { activities: options.activities }),
    },
    policy,
  );
}

let requests = 0;

/** Executes an operation as `caller`, with the context the gateway gives every resolver. */
export async function run(
  schema: GraphQLSchema,
  caller: Caller,
  source: string,
  variableValues: Record<string, unknown> = {},
): Promise<ExecutionResult> {
  requests += 1;
  const contextValue: AccessAdminContext = {
    caller,
    request: { requestId: `req-admin-${requests}`, traceId: `trace-admin-${requests}` },
  };
  return execute({ schema, document: parse(source), variableValues, contextValue });
}

/** The HubError code of the first error, or undefined when the operation succeeded. */
export function errorCode(result: ExecutionResult): string | undefined {
  const error = result.errors?.[0];
  if (error === undefined) return undefined;
  return isHubError(error.originalError) ? error.originalError.code : `NOT_A_HUB_ERROR: ${error.message}`;
}

/** The data of a successful operation; fails the test with the errors otherwise. */
export function dataOf<T = Record<string, unknown>>(result: ExecutionResult): T {
  if (result.errors !== undefined) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export async function addChildren(db: Queryable, ...ids: string[]): Promise<void> {
  await db.query('INSERT INTO children (id) SELECT unnest($1::text[])', [ids]);
}

export async function countRows(db: Queryable, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}
