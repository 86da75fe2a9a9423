/**
 * `children(...)` lists only the children the caller may see: the caller's reachable children (recorded
 * relationships, panel lists, live grants) are passed to the identity subschema as an `ids` filter, so paging and
 * totalCount describe the caller's own list. A client's own `ids` filter can only narrow it.
 */
import type { GatewayContext } from './gateway-context.js';

/** Most children one caller's listing can span (a large GP practice is well under this). */
export const maxListedChildren = 20_000;

interface ListingArgs {
  filter?: { ids?: readonly string[] | null } & Record<string, unknown>;
  [name: string]: unknown;
}

export async function scopeChildListing(args: ListingArgs, context: GatewayContext): Promise<ListingArgs> {
  const reachable = await context.access.reachableChildIds(maxListedChildren);
  const asked = args.filter?.ids;
  const reachableSet = new Set(reachable);
  const ids = asked ? asked.filter((id) => reachableSet.has(id)) : reachable;
  return { ...args, filter: { ...args.filter, ids } };
}
