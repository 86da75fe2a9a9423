/** Landing GP feed resources in feed_gp_resources: one row per (sender, type, id), the latest lastUpdated. */
import type { GpResource } from '../records/gp-resource.js';
import { canonicalJson } from './canonical-json.js';
import type { HeldVersion } from './decide-versions.js';
import type { Landing } from './land-versioned.js';

interface GpFacts {
  emergency: boolean;
}

const keyOf = (type: string, id: string) => `${type}/${id}`;

export function gpLanding(options: {
  sender: string;
  feedId: string;
  now: Date;
}): Landing<GpResource, GpFacts> {
  const { sender, feedId, now } = options;
  return {
    identifierColumn: 'nhs_number',
    keyFields: 'resourceType, id, meta.lastUpdated',
    identifierOf: (record) => record.nhsNumber,
    keyOf: (record) => keyOf(record.resourceType, record.id),
    heldOf: (record, heldFeedId) => ({
      version: Date.parse(record.lastUpdated),
      content: canonicalJson(record.resource),
      feedId: heldFeedId,
      facts: { emergency: record.emergency },
    }),
    async loadLanded(tx, records) {
      const { rows } = await tx.query<{
        resource_type: string;
        resource_id: string;
        last_updated: Date;
        resource: unknown;
        feed_id: string;
      }>(
        `SELECT resource_type, resource_id, last_updated, resource, feed_id
           FROM feed_gp_resources
          WHERE sender = $1
            AND (resource_type, resource_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
          ORDER BY resource_type, resource_id
          FOR UPDATE`,
        [sender, records.map((record) => record.resourceType), records.map((record) => record.id)],
      );
      return new Map(
        rows.map((row): [string, HeldVersion<GpFacts>] => [
          keyOf(row.resource_type, row.resource_id),
          {
            version: new Date(row.last_updated).getTime(),
            content: canonicalJson(row.resource),
            feedId: row.feed_id,
            facts: { emergency: isEmergency(row.resource) },
          },
        ]),
      );
    },
    async write(tx, rows) {
      if (rows.length === 0) return new Set();
      const { rows: written } = await tx.query<{ resource_type: string; resource_id: string }>(
        `INSERT INTO feed_gp_resources AS held
           (sender, resource_type, resource_id, child_id, last_updated, occurred_at, resource, feed_id, position,
            landed_at)
         SELECT $1, r.resource_type, r.resource_id, r.child_id, r.last_updated, r.occurred_at, r.resource, $2,
                r.position, $3
           FROM jsonb_to_recordset($4::jsonb) AS r(resource_type text, resource_id text, child_id text,
                last_updated timestamptz, occurred_at timestamptz, resource jsonb, position integer)
         ON CONFLICT (sender, resource_type, resource_id) DO UPDATE
            SET child_id = excluded.child_id, last_updated = excluded.last_updated,
                occurred_at = excluded.occurred_at, resource = excluded.resource, feed_id = excluded.feed_id,
                position = excluded.position, landed_at = excluded.landed_at
          WHERE held.last_updated < excluded.last_updated
         RETURNING resource_type, resource_id`,
        [
          sender,
          feedId,
          now.toISOString(),
          JSON.stringify(
            // In key order, like the locks above: two feeds landing the same keys never deadlock.
            [...rows].sort(byKey).map(({ position, record, childId }) => ({
              resource_type: record.resourceType,
              resource_id: record.id,
              child_id: childId,
              last_updated: record.lastUpdated,
              occurred_at: record.occurredAt,
              resource: record.resource,
              position,
            })),
          ),
        ],
      );
      return new Set(written.map((row) => keyOf(row.resource_type, row.resource_id)));
    },
    alertsOf(record, childId, previous) {
      if (!record.emergency || previous?.facts.emergency) return [];
      return [
        {
          kind: 'UNSCHEDULED_CARE',
          childId,
          eventKey: `${eventKeySender(sender)}/Encounter/${record.id}`,
          occurredAt: record.occurredAt ?? record.lastUpdated,
        },
      ];
    },
  };
}

function isEmergency(resource: unknown): boolean {
  const value = resource as { resourceType?: unknown; class?: { code?: unknown } } | null;
  return value?.resourceType === 'Encounter' && value.class?.code === 'EMER';
}

/** Event keys are plain (letters, digits, `_ . -`); an ODS code already is, a service account id may not be. */
const eventKeySender = (sender: string) => sender.replace(/[^\w.-]/g, '_').slice(0, 64);

const byKey = (a: { record: GpResource }, b: { record: GpResource }) =>
  a.record.resourceType === b.record.resourceType
    ? compare(a.record.id, b.record.id)
    : compare(a.record.resourceType, b.record.resourceType);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
