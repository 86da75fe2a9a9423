/**
 * Notifications by webhook: a signed JSON POST. Signed like agency webhooks to the hub
 * (`x-hub-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`); the receiver de-duplicates on the
 * `id` in the body, since a crash can make the hub POST a row twice (see deliver.ts).
 */
import { createHmac } from 'node:crypto';
import type { NotificationTransport, SendOutcome } from './transport.js';

export function createWebhookTransport(options: {
  secret: string;
  now: () => Date;
  timeoutMs?: number;
  /** Plain http is for tests against a local server only. */
  allowHttp?: boolean;
}): NotificationTransport {
  return {
    async send(notification): Promise<SendOutcome> {
      const url = new URL(notification.recipient);
      if (url.protocol !== 'https:' && !(options.allowHttp && url.protocol === 'http:')) {
        return { ok: false, code: 'WEBHOOK_NOT_HTTPS', permanent: true };
      }
      const body = JSON.stringify({
        id: notification.id,
        kind: notification.kind,
        subject: notification.subject,
        body: notification.body,
      });
      const t = Math.floor(options.now().getTime() / 1000);
      const mac = createHmac('sha256', options.secret).update(`${t}.${body}`).digest('hex');
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature': `t=${t},v1=${mac}` },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (response.ok) return { ok: true };
        const s = response.status;
        return { ok: false, code: `HTTP_${s}`, permanent: s >= 400 && s < 500 && s !== 408 && s !== 429 };
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        return { ok: false, code: name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK', permanent: false };
      }
    },
  };
}
