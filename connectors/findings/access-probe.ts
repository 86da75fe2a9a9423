/**
 * What the findings subschema asks of the gateway's request context before it reads across children or changes a
 * finding: whether the caller may see a child, and a category of its data. The gateway's access session answers
 * these (gateway/access/access-session.ts); a context without one (a remote call, a test) gets nothing — the
 * subschema fails closed rather than guess.
 */
import { HubError } from '../../platform/errors.js';

export interface ChildAccessProbe {
  admit(childId: string, via: string): Promise<{ allowed: boolean }>;
  /** Null when the caller may see this category of this child's data; a reason code otherwise. */
  withholding(childId: string, category: string): string | null;
  /** The children the caller may reach, for listings. */
  reachableChildIds(limit: number): Promise<string[]>;
}

export function accessProbeOf(context: unknown): ChildAccessProbe {
  const access = (context as { access?: Partial<ChildAccessProbe> } | null)?.access;
  if (
    typeof access?.admit !== 'function' ||
    typeof access.withholding !== 'function' ||
    typeof access.reachableChildIds !== 'function'
  )
    throw new HubError('FORBIDDEN', { safeMessage: 'Findings are answered only through the hub gateway.' });
  return access as ChildAccessProbe;
}

/** Whether the caller may see a finding: the child, and the category the finding reveals. */
export async function maySee(
  probe: ChildAccessProbe,
  childId: string,
  category: string,
  via: string,
): Promise<boolean> {
  const { allowed } = await probe.admit(childId, via);
  return allowed && probe.withholding(childId, category) === null;
}
