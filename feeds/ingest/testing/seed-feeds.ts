/**
 * Feeds and children for tests, written straight into the tables intake and identity sync fill. Only tests
 * import this.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../store/db.js';

export interface SeedRecord {
  position: number;
  raw: Buffer;
  /** Defaults to raw's length; larger means the record was cut at the size limit. */
  rawSize?: number;
}

export function newTestFeedId(): string {
  return `feed_t${randomBytes(8).toString('hex')}`;
}

export async function insertFeed(
  db: Queryable,
  feed: {
    id?: string;
    kind: 'GP_FHIR' | 'SCHOOL_CSV';
    sender?: string;
    status?: 'RECEIVING' | 'RECEIVED' | 'PROCESSED';
    records: readonly SeedRecord[];
  },
): Promise<string> {
  const id = feed.id ?? newTestFeedId();
  await db.query(
    `INSERT INTO feeds (id, kind, submitted_by, sender, status, record_count, received_at, stored_at)
     VALUES ($1, $2, 'svc-feeds', $3, $4, $5, now(), now())`,
    [id, feed.kind, feed.sender ?? null, feed.status ?? 'RECEIVED', feed.records.length],
  );
  const pageSize = 1000;
  for (let i = 0; i < feed.records.length; i += pageSize) {
    const page = feed.records.slice(i, i + pageSize);
    await db.query(
      `INSERT INTO feed_records (feed_id, position, raw, raw_size)
       SELECT $1, r.position, r.raw, r.raw_size
         FROM unnest($2::integer[], $3::bytea[], $4::integer[]) AS r(position, raw, raw_size)`,
      [
        id,
        page.map((record) => record.position),
        page.map((record) => record.raw),
        page.map((record) => record.rawSize ?? record.raw.length),
      ],
    );
  }
  return id;
}

/** CSV lines as feed records: the header at position 1, rows from 2 (one line each). */
export function csvRecords(header: string, rows: readonly (string | Buffer)[]): SeedRecord[] {
  return [header, ...rows].map((line, index) => ({
    position: index + 1,
    raw: typeof line === 'string' ? Buffer.from(line) : line,
  }));
}

/** Bundle entries as feed records, positions from 0. */
export function bundleRecords(entries: readonly unknown[]): SeedRecord[] {
  return entries.map((entry, index) => ({
    position: index,
    raw: Buffer.isBuffer(entry)
      ? entry
      : Buffer.from(typeof entry === 'string' ? entry : JSON.stringify(entry)),
  }));
}

/** A child in the identity index with an education and/or GP record carrying its identifiers. */
export async function seedChild(
  db: Queryable,
  childId: string,
  identifiers: { nhsNumber?: string; upn?: string },
): Promise<void> {
  await db.query(`INSERT INTO children (id) VALUES ($1) ON CONFLICT DO NOTHING`, [childId]);
  const records = [
    ...(identifiers.nhsNumber ? [['gp', identifiers.nhsNumber, null]] : []),
    ...(identifiers.upn ? [['education', null, identifiers.upn]] : []),
  ];
  for (const [agency, nhsNumber, upn] of records)
    await db.query(
      `INSERT INTO agency_records (agency, local_id, child_id, nhs_number, upn, given_name, family_name,
                                   date_of_birth, sex)
       VALUES ($1, $2, $3, $4, $5, 'Test', 'Child', '2014-01-01', 'U')`,
      [agency, `${agency}-${childId}`, childId, nhsNumber, upn],
    );
}

/** Many children at once: child ids with the identifiers their education and GP records carry. */
export async function seedChildren(
  db: Queryable,
  children: ReadonlyArray<{ childId: string; nhsNumber?: string; upn?: string }>,
): Promise<void> {
  const ids = children.map((child) => child.childId);
  await db.query(`INSERT INTO children (id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [ids]);
  const records = children.flatMap((child) => [
    ...(child.nhsNumber
      ? [{ agency: 'gp', childId: child.childId, nhsNumber: child.nhsNumber, upn: null }]
      : []),
    ...(child.upn ? [{ agency: 'education', childId: child.childId, nhsNumber: null, upn: child.upn }] : []),
  ]);
  await db.query(
    `INSERT INTO agency_records (agency, local_id, child_id, nhs_number, upn, given_name, family_name,
                                 date_of_birth, sex)
     SELECT r.agency, r.agency || '-' || r.child_id, r.child_id, r.nhs_number, r.upn, 'Test', 'Child',
            '2014-01-01', 'U'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(agency, child_id, nhs_number, upn)`,
    [
      records.map((record) => record.agency),
      records.map((record) => record.childId),
      records.map((record) => record.nhsNumber),
      records.map((record) => record.upn),
    ],
  );
}
