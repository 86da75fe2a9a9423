/**
 * The transports the configuration allows: e-mail when an SMTP server is set, webhooks when a signing secret is.
 * A channel left out keeps its rows in the outbox (deliver.ts retries them with backoff) until it is configured.
 */
import type { NotifyConfig } from './notify-config.js';
import { createSmtpTransport } from './smtp-transport.js';
import type { Transports } from './transport.js';
import { createWebhookTransport } from './webhook-transport.js';

export function createNotificationTransports(
  config: NotifyConfig,
  now: () => Date = () => new Date(),
): Transports {
  return {
    ...(config.smtp ? { EMAIL: createSmtpTransport(config.smtp) } : {}),
    ...(config.webhookSecret
      ? { WEBHOOK: createWebhookTransport({ secret: config.webhookSecret, now }) }
      : {}),
  };
}
