/** A plan's owner: the role that must act, and the practitioner where the agency records one on the plan. */
import type { OwnerRole } from '../../rules/rule.js';
import type { PlanOwner } from '../plan-item.js';

export function ownedBy(
  role: OwnerRole,
  practitioner?: { name: string; email: string | null } | null,
): PlanOwner {
  return { role, name: practitioner?.name ?? null, person: practitioner?.email?.toLowerCase() ?? null };
}
