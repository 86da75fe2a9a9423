/**
 * One request's access state: the decisions about each child it touched (batched: one database statement per
 * tick however many children a page holds), which data categories and fields were released or withheld for each,
 * and from that the request's audit events — one per child.
 */
import DataLoader from 'dataloader';
import type { AuditEvent, AuditOutcome } from '../../store/audit/audit-event.js';
import type { Caller } from '../auth/policy.js';
import type { DataCategory } from '../auth/vocabulary.js';
import type { AccessDecider, ChildAccess } from './child-access.js';

/** What a sealed record (adoption, a restricted address) hides unless the caller may override the seal. */
export const SEALED_CATEGORIES: ReadonlySet<DataCategory> = new Set(['ADDRESS', 'PLACEMENT', 'GP_DETAILS']);

export type WithheldReason = 'CATEGORY_NOT_PERMITTED' | 'SEALED';

interface ChildTrail {
  access: ChildAccess;
  released: Set<string>;
  fields: Set<string>;
  withheld: Set<WithheldReason>;
  /** The field that reached the child, for a denied child (nothing of it was released). */
  reachedVia: Set<string>;
}

export interface AccessSessionDeps {
  caller: Caller;
  requestId: string;
  decider: AccessDecider;
}

export class AccessSession {
  readonly caller: Caller;
  readonly requestId: string;
  private readonly loader: DataLoader<string, ChildAccess>;
  private readonly decider: AccessDecider;
  private readonly trails = new Map<string, ChildTrail>();
  /** Response path of a child object → its id, so fields deep inside a child know whose data they are. */
  private readonly childPaths = new WeakMap<object, string>();
  private readonly refusals: string[] = [];
  private readonly rejections: string[] = [];

  constructor(deps: AccessSessionDeps) {
    this.caller = deps.caller;
    this.requestId = deps.requestId;
    this.decider = deps.decider;
    this.loader = new DataLoader(async (ids) => {
      const decisions = await deps.decider.decide(deps.caller, ids);
      return ids.map((id) => decisions.get(id) ?? denied(id));
    });
  }

  /** Decides whether the caller may see this child; every child reached is audited, allowed or not. */
  async admit(childId: string, via: string): Promise<ChildAccess> {
    const decided = await this.loader.load(childId);
    // Whatever the decider says, a role that sees no child data sees no child.
    const access = this.caller.categories.size > 0 ? decided : denied(childId);
    let trail = this.trails.get(childId);
    if (!trail) {
      trail = { access, released: new Set(), fields: new Set(), withheld: new Set(), reachedVia: new Set() };
      this.trails.set(childId, trail);
    }
    trail.reachedVia.add(via);
    return access;
  }

  /** The children the caller may reach (for listings); none for a role that sees no child data. */
  reachableChildIds(limit: number): Promise<string[]> {
    if (this.caller.categories.size === 0) return Promise.resolve([]);
    return this.decider.reachableChildIds(this.caller, limit);
  }

  /** The decision made by `admit`, if the child was admitted in this request. */
  decisionOf(childId: string): ChildAccess | undefined {
    return this.trails.get(childId)?.access;
  }

  bindChildPath(path: object, childId: string): void {
    this.childPaths.set(path, childId);
  }

  childAtPath(path: object): string | undefined {
    return this.childPaths.get(path);
  }

  /** Why the caller may not see this category of this child's data, or null when they may. */
  withholding(childId: string, category: DataCategory): WithheldReason | null {
    const access = this.decisionOf(childId);
    if (!access?.allowed || !this.caller.categories.has(category)) return 'CATEGORY_NOT_PERMITTED';
    if (
      access.sealedReason !== null &&
      SEALED_CATEGORIES.has(category) &&
      !this.caller.activities.has('SEAL_OVERRIDE')
    )
      return 'SEALED';
    return null;
  }

  noteReleased(childId: string, category: DataCategory, field: string): void {
    const trail = this.trails.get(childId);
    if (!trail) return;
    trail.released.add(category);
    trail.fields.add(field);
  }

  noteWithheld(childId: string, reason: WithheldReason): void {
    this.trails.get(childId)?.withheld.add(reason);
  }

  /** A request refused before it reached any child (a missing activity, a limit): audited with no child. */
  noteRefused(reason: string): void {
    this.refusals.push(reason);
  }

  /** A request that failed before execution (parse, validation, a limit): audited as REJECTED. */
  noteRejected(code: string): void {
    this.rejections.push(code);
  }

  get touchedChildren(): number {
    return this.trails.size;
  }

  auditEvents(occurredAt: Date): AuditEvent[] {
    const base = {
      occurredAt,
      requestId: this.requestId,
      userId: this.caller.userId,
      role: this.caller.role,
      organisation: this.caller.organisation,
      purpose: this.caller.purpose,
    };
    const events: AuditEvent[] = [...this.trails.entries()].map(([childId, trail]) => {
      const outcome: AuditOutcome = !trail.access.allowed
        ? 'DENIED'
        : trail.withheld.size > 0
          ? 'PARTIAL'
          : 'ALLOWED';
      return {
        ...base,
        childId,
        categories: [...trail.released].sort(),
        fields: [...(trail.access.allowed ? trail.fields : trail.reachedVia)].sort(),
        outcome,
        reason:
          outcome === 'DENIED'
            ? 'NO_RELATIONSHIP'
            : outcome === 'PARTIAL'
              ? [...trail.withheld].sort().join(',')
              : null,
        grant: trail.access.allowed ? trail.access.basis : 'NONE',
        grantId: trail.access.grantId,
      };
    });
    if (events.length > 0) return events;
    const [outcome, reasons] =
      this.rejections.length > 0
        ? (['REJECTED', this.rejections] as const)
        : (['DENIED', this.refusals] as const);
    if (reasons.length === 0) return [];
    return [
      {
        ...base,
        childId: null,
        categories: [],
        fields: [],
        outcome,
        reason: [...new Set(reasons)].sort().join(','),
        grant: 'NONE',
      },
    ];
  }
}

function denied(childId: string): ChildAccess {
  return { childId, allowed: false, basis: 'NONE', grantId: null, sealedReason: null };
}
