/**
 * Writes feeds, their records, dead letters and landed rows straight into the feed tables, for tests of what the
 * gateway reads from them. Synthetic values only.
 */
import type { Queryable } from '../../../store/db.js';
import type { GpFeedResource } from '../feed-operations.js';

export interface SeedFeed {
  id: string;
  kind: 'GP_FHIR' | 'SCHOOL_CSV';
  submittedBy: string;
  sender: string | null;
  status: 'RECEIVING' | 'RECEIVED' | 'PROCESSED' | 'ABANDONED';
  receivedAt: string;
  processedAt?: string | null;
  /**
   * Each record's state, by position from 0 unless given (a CSV's header is line 1, its data rows from 2); a child
   * id for ACCEPTED and DUPLICATE records.
   */
  records?: Array<{
    state: 'PENDING' | 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';
    childId?: string;
    position?: number;
  }>;
}

export async function seedFeed(db: Queryable, feed: SeedFeed): Promise<void> {
  const records = feed.records ?? [];
  await db.query(
    `INSERT INTO feeds (id, kind, submitted_by, sender, status, record_count, received_at, stored_at, processed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
    [
      feed.id,
      feed.kind,
      feed.submittedBy,
      feed.sender,
      feed.status,
      records.length,
      feed.receivedAt,
      feed.processedAt ?? null,
    ],
  );
  for (const [index, record] of records.entries()) {
    const position = record.position ?? index;
    const raw = Buffer.from(`record ${position}`, 'utf8');
    await db.query(
      `INSERT INTO feed_records (feed_id, position, raw, raw_size, state, child_id, processed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        feed.id,
        position,
        raw,
        raw.length,
        record.state,
        record.childId ?? null,
        record.state === 'PENDING' ? null : (feed.processedAt ?? feed.receivedAt),
      ],
    );
  }
}

/** A dead letter for a record already seeded; its id. */
export async function seedDeadLetter(
  db: Queryable,
  letter: { feedId: string; position: number; reason: string; detail: string; createdAt: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO feed_dead_letters (feed_id, position, reason, detail, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
    [letter.feedId, letter.position, letter.reason, letter.detail, letter.createdAt],
  );
  return rows[0]!.id;
}

export async function seedGpResource(db: Queryable, row: GpFeedResource): Promise<void> {
  await db.query(
    `INSERT INTO feed_gp_resources (sender, resource_type, resource_id, child_id, last_updated, occurred_at, resource,
                                    feed_id, position, landed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.provenance.sender,
      row.resourceType,
      row.resourceId,
      row.childId,
      row.lastUpdated,
      row.occurredAt,
      JSON.stringify(row.resource),
      row.provenance.feedId,
      row.provenance.position,
      row.provenance.landedAt,
    ],
  );
}

export async function seedSchoolReturn(
  db: Queryable,
  row: {
    upn: string;
    schoolUrn: string;
    censusDate: string;
    childId: string;
    asOf: string;
    feedId: string;
    position: number;
    landedAt: string;
    sessionsPossible?: number;
    sessionsAttended?: number;
    senProvision?: string;
    ehcp?: boolean;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO feed_school_returns (upn, school_urn, census_date, child_id, as_of, year_group, sessions_possible,
                                      sessions_attended, suspensions, permanent_exclusion, latest_exclusion_date,
                                      sen_provision, ehcp, feed_id, position, landed_at)
     VALUES ($1, $2, $3, $4, $5, 'Y9', $6, $7, 1, false, '2026-09-20', $8, $9, $10, $11, $12)`,
    [
      row.upn,
      row.schoolUrn,
      row.censusDate,
      row.childId,
      row.asOf,
      row.sessionsPossible ?? 120,
      row.sessionsAttended ?? 108,
      row.senProvision ?? 'K',
      row.ehcp ?? false,
      row.feedId,
      row.position,
      row.landedAt,
    ],
  );
}
