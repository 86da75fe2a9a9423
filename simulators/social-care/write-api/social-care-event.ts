import { randomUUID } from 'node:crypto';
import type { SimEvent } from '../../kit/webhooks.js';

export type SocialCareEventType =
  | 'placement.started'
  | 'placement.ended'
  | 'assessment.completed'
  | 'meeting.held'
  | 'missing.started'
  | 'missing.ended';

/** An event about one child, named by social care's own person id (never by name). */
export function socialCareEvent(
  type: SocialCareEventType,
  personId: string,
  occurredAt: string,
  data: Record<string, unknown>,
): SimEvent {
  return {
    id: randomUUID(),
    type,
    agency: 'social-care',
    occurredAt: new Date(occurredAt).toISOString(),
    subject: { system: 'social-care-person-id', value: personId },
    data,
  };
}
