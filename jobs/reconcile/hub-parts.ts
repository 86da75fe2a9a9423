/**
 * The hub's own part of a batch of joined records, from its store in ONE statement: the co-resident notices it
 * sent per admission of each child (notifications, by the event they answer) and the transition handoffs it was
 * asked to deliver (transition_handoffs).
 */
import { z } from 'zod';
import type { Queryable } from '../../store/db.js';
import type { HubPartValue } from '../rules/joined-record.js';

const instant = z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString());

const rowSchema = z.object({
  child_id: z.string(),
  notices: z.array(
    z.object({
      placement_key: z.string(),
      recipients: z.number().int(),
      sent: z.number().int(),
      uncovered: z.number().int(),
      last_sent_at: instant.nullable(),
    }),
  ),
  handoffs: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['REQUESTED', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED']),
      requested_at: instant,
      adult_reference: z.string().nullable(),
    }),
  ),
});

export const emptyHubPart = (): HubPartValue => ({ coResidentNotices: [], handoffs: [] });

export async function readHubParts(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, HubPartValue>> {
  const parts = new Map<string, HubPartValue>(childIds.map((id) => [id, emptyHubPart()]));
  if (childIds.length === 0) return parts;
  const { rows } = await db.query(
    `WITH batch AS (SELECT DISTINCT unnest($1::text[]) AS child_id),
     sent AS (
       SELECT event_child_id AS child_id, event_key AS placement_key, count(*)::int AS recipients,
         count(*) FILTER (WHERE status = 'SENT')::int AS sent, max(sent_at) AS last_sent_at
       FROM notifications
       WHERE event_child_id = ANY($1::text[]) AND kind = 'CORESIDENT_ADMISSION'
       GROUP BY event_child_id, event_key),
     notices AS (
       SELECT COALESCE(s.child_id, p.admitted_child_id) AS child_id,
         COALESCE(s.placement_key, p.placement_key) AS placement_key,
         COALESCE(s.recipients, 0) AS recipients, COALESCE(s.sent, 0) AS sent,
         COALESCE(p.uncovered, 0) AS uncovered, s.last_sent_at
       FROM sent s
       FULL JOIN (SELECT * FROM coresident_notice_plans WHERE admitted_child_id = ANY($1::text[])) p
         ON p.admitted_child_id = s.child_id AND p.placement_key = s.placement_key)
     SELECT b.child_id,
       COALESCE((SELECT json_agg(json_build_object('placement_key', n.placement_key, 'recipients', n.recipients,
           'sent', n.sent, 'uncovered', n.uncovered, 'last_sent_at', n.last_sent_at) ORDER BY n.placement_key)
         FROM notices n WHERE n.child_id = b.child_id), '[]'::json) AS notices,
       COALESCE((SELECT json_agg(json_build_object('id', h.id, 'status', h.status, 'requested_at', h.requested_at,
           'adult_reference', h.adult_reference) ORDER BY h.requested_at, h.id)
         FROM transition_handoffs h WHERE h.child_id = b.child_id), '[]'::json) AS handoffs
     FROM batch b`,
    [childIds],
  );
  for (const raw of rows) {
    const row = rowSchema.parse(raw);
    parts.set(row.child_id, {
      coResidentNotices: row.notices.map((notice) => ({
        placementKey: notice.placement_key,
        recipients: notice.recipients,
        sent: notice.sent,
        uncovered: notice.uncovered,
        allSentAt: notice.sent === notice.recipients && notice.uncovered === 0 ? notice.last_sent_at : null,
      })),
      handoffs: row.handoffs.map((handoff) => ({
        id: handoff.id,
        status: handoff.status,
        requestedAt: handoff.requested_at,
        adultReference: handoff.adult_reference,
      })),
    });
  }
  return parts;
}
