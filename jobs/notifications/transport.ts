/** How a notification leaves the hub: one transport per channel, each reporting an outcome as a code only. */
export interface OutgoingNotification {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
}

export type SendOutcome =
  | { ok: true }
  /** `permanent`: retrying cannot help (a 5xx SMTP reply, a 4xx webhook answer); the row fails at once. */
  | { ok: false; code: string; permanent: boolean };

export interface NotificationTransport {
  send(notification: OutgoingNotification): Promise<SendOutcome>;
}

export interface Transports {
  EMAIL?: NotificationTransport;
  WEBHOOK?: NotificationTransport;
}
