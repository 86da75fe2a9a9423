/**
 * Decides, for one caller and a set of children, whether the caller may see each child and on what basis: a
 * relationship the agencies' own data records (allocated worker, IRO, GP practice, school...), a place on a
 * tracking panel's list, or a live self-claimed or break-glass grant. It also reads whether each child's record is
 * sealed. One statement per batch of children, whatever the batch size.
 *
 * An unknown child id and a child the caller has no relationship with get the same answer, so the decision is no
 * oracle for which ids exist.
 */
import type { Queryable } from '../../store/db.js';
import type { Caller } from '../auth/policy.js';

export type AccessBasis = 'RELATIONSHIP' | 'SELF_CLAIMED' | 'BREAK_GLASS' | 'NONE';

export interface ChildAccess {
  childId: string;
  allowed: boolean;
  basis: AccessBasis;
  /** The access_grants row, for SELF_CLAIMED and BREAK_GLASS. */
  grantId: string | null;
  /** Why the record is sealed (ADOPTION, RESTRICTED_ADDRESS...), or null when it is not. */
  sealedReason: string | null;
}

/** The hub's tracking panel lists, by the member's work e-mail. */
export interface PanelLists {
  /** Which of these children are on a list of a panel the member sits on. */
  childrenOnPanels(email: string, childIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Every child on the lists of the panels the member sits on, at most `limit`. */
  panelChildIds(email: string, limit: number): Promise<string[]>;
}

export interface AccessDeciderDeps {
  db: Queryable;
  now: () => Date;
  panels?: PanelLists;
}

export interface AccessDecider {
  decide(caller: Caller, childIds: readonly string[]): Promise<Map<string, ChildAccess>>;
  /** Every child the caller has a standing relationship or live grant with (for listings), at most `limit`. */
  reachableChildIds(caller: Caller, limit: number): Promise<string[]>;
}

interface DecisionRow {
  child_id: string;
  known: boolean;
  related: boolean;
  grant_id: string | null;
  grant_kind: 'SELF_CLAIMED' | 'BREAK_GLASS' | null;
  sealed_reason: string | null;
}

// The caller's agency relationships with each wanted child, their best live grant (break-glass first), and the seal.
const decisionSql = `
  WITH wanted AS (SELECT DISTINCT unnest($1::text[]) AS child_id)
  SELECT w.child_id,
    EXISTS (SELECT 1 FROM children c WHERE c.id = w.child_id) AS known,
    EXISTS (
      SELECT 1 FROM agency_records ar
      JOIN child_relationships cr ON cr.agency = ar.agency AND cr.local_id = ar.local_id
      WHERE ar.child_id = w.child_id AND cr.kind = ANY($2::text[])
        AND (lower(cr.subject_person) = $3 OR upper(cr.subject_organisation) = $4)
    ) AS related,
    g.id AS grant_id, g.kind AS grant_kind,
    (SELECT min(ar.sealed_reason) FROM agency_records ar WHERE ar.child_id = w.child_id) AS sealed_reason
  FROM wanted w
  LEFT JOIN LATERAL (
    SELECT id::text AS id, kind FROM access_grants
    WHERE user_id = $5 AND child_id = w.child_id AND ended_at IS NULL AND starts_at <= $6 AND ends_at > $6
    ORDER BY kind = 'BREAK_GLASS' DESC, ends_at DESC
    LIMIT 1
  ) g ON true`;

const reachableSql = `
  SELECT child_id FROM (
    SELECT ar.child_id FROM child_relationships cr
    JOIN agency_records ar ON ar.agency = cr.agency AND ar.local_id = cr.local_id
    WHERE ar.child_id IS NOT NULL AND cr.kind = ANY($1::text[])
      AND (lower(cr.subject_person) = $2 OR upper(cr.subject_organisation) = $3)
    UNION
    SELECT child_id FROM access_grants
    WHERE user_id = $4 AND ended_at IS NULL AND starts_at <= $5 AND ends_at > $5
  ) reachable
  ORDER BY child_id
  LIMIT $6`;

export function createAccessDecider(deps: AccessDeciderDeps): AccessDecider {
  const agencyKinds = (caller: Caller) => caller.relationshipKinds.filter((kind) => kind !== 'PANEL_LIST');
  const seesChildData = (caller: Caller) => caller.categories.size > 0;
  const panelsOf = (caller: Caller) =>
    caller.relationshipKinds.includes('PANEL_LIST') ? deps.panels : undefined;

  return {
    async decide(caller, childIds) {
      const decisions = new Map<string, ChildAccess>();
      if (childIds.length === 0) return decisions;
      const { rows } = await deps.db.query<DecisionRow>(decisionSql, [
        [...new Set(childIds)],
        agencyKinds(caller),
        caller.email,
        caller.organisation,
        caller.userId,
        deps.now(),
      ]);
      const onPanel = (await panelsOf(caller)?.childrenOnPanels(caller.email, childIds)) ?? new Set();
      for (const row of rows) {
        const basis: AccessBasis = !row.known
          ? 'NONE'
          : row.related || onPanel.has(row.child_id)
            ? 'RELATIONSHIP'
            : (row.grant_kind ?? 'NONE');
        const allowed = seesChildData(caller) && basis !== 'NONE';
        decisions.set(row.child_id, {
          childId: row.child_id,
          allowed,
          basis: allowed ? basis : 'NONE',
          grantId: allowed && basis !== 'RELATIONSHIP' ? row.grant_id : null,
          sealedReason: row.known ? row.sealed_reason : null,
        });
      }
      return decisions;
    },

    async reachableChildIds(caller, limit) {
      if (!seesChildData(caller)) return [];
      const { rows } = await deps.db.query<{ child_id: string }>(reachableSql, [
        agencyKinds(caller),
        caller.email,
        caller.organisation,
        caller.userId,
        deps.now(),
        limit,
      ]);
      const ids = rows.map((row) => row.child_id);
      const panels = panelsOf(caller);
      if (!panels) return ids;
      const all = new Set([...ids, ...(await panels.panelChildIds(caller.email, limit))]);
      return [...all].sort().slice(0, limit);
    },
  };
}
