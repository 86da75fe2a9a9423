/**
 * Writing to the notifications outbox. The caller passes its own transaction, so a notification exists exactly
 * when the change that calls for it committed; the dedupe key makes enqueueing again (a redelivered job, a
 * replayed webhook) a no-op.
 */
import { z } from 'zod';
import type { Queryable } from '../../store/db.js';
import type { NotificationContent } from './content.js';

export const notificationKinds = [
  'CORESIDENT_ADMISSION',
  'UNSCHEDULED_CARE',
  'MISSING_EPISODE',
  'SCHOOL_EXCLUSION',
] as const;

const recipientSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('EMAIL'), address: z.email() }),
  z.object({ channel: z.literal('WEBHOOK'), url: z.url({ protocol: /^https?$/ }) }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

const enqueueSchema = z.object({
  recipient: recipientSchema,
  dedupeKey: z.string().min(1).max(300),
  event: z.object({ childId: z.string().min(1).max(100), key: z.string().min(1).max(200) }).optional(),
  content: z.object({
    kind: z.enum(notificationKinds),
    subject: z.string().min(1).max(200),
    body: z.string().min(1).max(10_000),
  }),
});

export interface EnqueueNotification {
  recipient: Recipient;
  /** One notification per key, e.g. `coresident:<placement id>:<recipient>`. */
  dedupeKey: string;
  /**
   * The event the notice answers, for reading back whether all its notices went: the child the event was about
   * (for a co-resident notice, the child admitted) and the event's key (the placement id).
   */
  event?: { childId: string; key: string };
  content: NotificationContent;
}

export interface Enqueued {
  id: string;
  /** False when a notification with this dedupe key was already in the outbox. */
  created: boolean;
}

export async function enqueueNotification(
  tx: Queryable,
  notification: EnqueueNotification,
  now: Date,
): Promise<Enqueued> {
  const { recipient, dedupeKey, event, content } = enqueueSchema.parse(notification);
  const channel = recipient.channel;
  const to = recipient.channel === 'EMAIL' ? recipient.address.toLowerCase() : recipient.url;
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO notifications (kind, channel, recipient, subject, body, dedupe_key, status, created_at,
       next_attempt_at, event_child_id, event_key)
     VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7, $7, $8, $9)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id::text AS id`,
    [
      content.kind,
      channel,
      to,
      content.subject,
      content.body,
      dedupeKey,
      now,
      event?.childId ?? null,
      event?.key ?? null,
    ],
  );
  const row = inserted.rows[0];
  if (row) return { id: row.id, created: true };
  const existing = await tx.query<{ id: string }>(
    'SELECT id::text AS id FROM notifications WHERE dedupe_key = $1',
    [dedupeKey],
  );
  return { id: existing.rows[0]?.id ?? '', created: false };
}

/** Whether every notification with these keys has been sent (e.g. all co-resident notices of one admission). */
export async function allSent(db: Queryable, dedupeKeys: readonly string[]): Promise<boolean> {
  if (dedupeKeys.length === 0) return true;
  const { rows } = await db.query<{ sent: number }>(
    `SELECT count(*)::int AS sent FROM notifications WHERE dedupe_key = ANY($1::text[]) AND status = 'SENT'`,
    [dedupeKeys],
  );
  return (rows[0]?.sent ?? 0) === new Set(dedupeKeys).size;
}

/** Whether every notice answering one event (e.g. the co-resident notices of one admission) has been sent. */
export async function eventNoticesAllSent(
  db: Queryable,
  kind: (typeof notificationKinds)[number],
  event: { childId: string; key: string },
): Promise<boolean> {
  const { rows } = await db.query<{ total: number; sent: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'SENT')::int AS sent
     FROM notifications WHERE event_child_id = $1 AND kind = $2 AND event_key = $3`,
    [event.childId, kind, event.key],
  );
  const row = rows[0];
  return row !== undefined && row.total > 0 && row.sent === row.total;
}
