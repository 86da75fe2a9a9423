import { z } from 'zod';
import { defineConfigSection, envInt } from '../../platform/config.js';

export interface WebhookConfig {
  /** Shared secret agencies sign their webhooks with (HMAC-SHA256); unset disables the webhook endpoint. */
  secret: string | undefined;
  /** How old a signed timestamp may be before the delivery is refused as a possible replay. */
  toleranceSeconds: number;
}

export const webhookConfigSection = defineConfigSection(
  'webhooks',
  {
    AGENCY_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
    AGENCY_WEBHOOK_TOLERANCE_SECONDS: envInt(300, { min: 10, max: 3600 }),
  },
  (env): WebhookConfig => ({
    secret: env.AGENCY_WEBHOOK_SECRET,
    toleranceSeconds: env.AGENCY_WEBHOOK_TOLERANCE_SECONDS,
  }),
);
