/**
 * What the feeds landed about children, for the child view: each row with its provenance (the sender, the feed and
 * position that brought this version, when it landed, and the version itself).
 */
import type { Queryable } from '../../store/db.js';

export interface FeedProvenance {
  sender: string;
  feedId: string;
  position: number;
  landedAt: string;
}

export interface GpFeedResource {
  childId: string;
  resourceType: string;
  resourceId: string;
  /** meta.lastUpdated: the version. */
  lastUpdated: string;
  occurredAt: string | null;
  resource: Record<string, unknown>;
  provenance: FeedProvenance;
}

export interface SchoolReturnRow {
  childId: string;
  upn: string;
  schoolUrn: string;
  censusDate: string;
  /** The extract time: the version. */
  asOf: string;
  yearGroup: string;
  sessionsPossible: number;
  sessionsAttended: number;
  suspensions: number;
  permanentExclusion: boolean;
  latestExclusionDate: string | null;
  senProvision: 'N' | 'K' | 'E';
  ehcp: boolean;
  /** The sender is the feed's declared sender, else the return's school URN. */
  provenance: FeedProvenance;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export async function gpFeedResourcesOf(
  db: Queryable,
  childIds: readonly string[],
): Promise<GpFeedResource[]> {
  if (childIds.length === 0) return [];
  const { rows } = await db.query<{
    child_id: string;
    resource_type: string;
    resource_id: string;
    last_updated: Date;
    occurred_at: Date | null;
    resource: Record<string, unknown>;
    sender: string;
    feed_id: string;
    position: number;
    landed_at: Date;
  }>(
    `SELECT child_id, resource_type, resource_id, last_updated, occurred_at, resource, sender, feed_id, position,
            landed_at
       FROM feed_gp_resources WHERE child_id = ANY($1::text[])
      ORDER BY child_id, occurred_at DESC NULLS LAST, resource_type, resource_id`,
    [childIds],
  );
  return rows.map((row) => ({
    childId: row.child_id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    lastUpdated: iso(row.last_updated),
    occurredAt: row.occurred_at === null ? null : iso(row.occurred_at),
    resource: row.resource,
    provenance: {
      sender: row.sender,
      feedId: row.feed_id,
      position: row.position,
      landedAt: iso(row.landed_at),
    },
  }));
}

export async function schoolReturnsOf(
  db: Queryable,
  childIds: readonly string[],
): Promise<SchoolReturnRow[]> {
  if (childIds.length === 0) return [];
  const { rows } = await db.query<{
    child_id: string;
    upn: string;
    school_urn: string;
    census_date: string;
    as_of: Date;
    year_group: string;
    sessions_possible: number;
    sessions_attended: number;
    suspensions: number;
    permanent_exclusion: boolean;
    latest_exclusion_date: string | null;
    sen_provision: 'N' | 'K' | 'E';
    ehcp: boolean;
    sender: string;
    feed_id: string;
    position: number;
    landed_at: Date;
  }>(
    `SELECT child_id, upn, school_urn, to_char(census_date, 'YYYY-MM-DD') AS census_date, as_of, year_group,
            sessions_possible, sessions_attended, suspensions, permanent_exclusion,
            to_char(latest_exclusion_date, 'YYYY-MM-DD') AS latest_exclusion_date, sen_provision, ehcp,
            coalesce(feed.sender, school_urn) AS sender, feed_id, position, landed_at
       FROM feed_school_returns LEFT JOIN feeds AS feed ON feed.id = feed_id
      WHERE child_id = ANY($1::text[])
      ORDER BY child_id, census_date DESC, school_urn`,
    [childIds],
  );
  return rows.map((row) => ({
    childId: row.child_id,
    upn: row.upn,
    schoolUrn: row.school_urn,
    censusDate: row.census_date,
    asOf: iso(row.as_of),
    yearGroup: row.year_group,
    sessionsPossible: row.sessions_possible,
    sessionsAttended: row.sessions_attended,
    suspensions: row.suspensions,
    permanentExclusion: row.permanent_exclusion,
    latestExclusionDate: row.latest_exclusion_date,
    senProvision: row.sen_provision,
    ehcp: row.ehcp,
    provenance: {
      sender: row.sender,
      feedId: row.feed_id,
      position: row.position,
      landedAt: iso(row.landed_at),
    },
  }));
}
