/**
 * Dedupe keys of the outbox: one notification per event and recipient, so a redelivered job or a replayed
 * webhook enqueues nothing new. The recipient is part of the key (lower-cased e-mail, or the webhook URL); keys
 * stay in the store and are never logged.
 */
import type { notificationKinds } from './outbox.js';

export type AlertKind = Exclude<(typeof notificationKinds)[number], 'CORESIDENT_ADMISSION'>;

/** `<kind>:<eventKey>:<recipient>`, e.g. `MISSING_EPISODE:MISS-9:sw@council.example`. */
export function alertDedupeKey(kind: AlertKind, eventKey: string, recipient: string): string {
  return `${kind}:${eventKey}:${recipient.toLowerCase()}`;
}

/** `CORESIDENT_ADMISSION:<admitted child>:<placement id>:<recipient>`: one notice per admission and recipient. */
export function coresidentDedupeKey(admittedChildId: string, placementId: string, recipient: string): string {
  return `CORESIDENT_ADMISSION:${admittedChildId}:${placementId}:${recipient.toLowerCase()}`;
}
