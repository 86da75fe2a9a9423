import { z } from 'zod';
import { defineConfigSection, envBoolean, envInt } from '../../platform/config.js';

export interface NotifyConfig {
  /** Unset: e-mail notifications wait in the outbox (they are not dropped) until a server is configured. */
  smtp:
    | {
        host: string;
        port: number;
        /** true: TLS from the first byte (port 465); false: STARTTLS, required when requireTls. */
        secure: boolean;
        requireTls: boolean;
        user: string | undefined;
        password: string | undefined;
        from: string;
      }
    | undefined;
  /** Outbound webhooks are signed with it (HMAC-SHA256, as agencies sign theirs); unset disables them. */
  webhookSecret: string | undefined;
  /** After this many failed attempts a notification is FAILED and left for a person to look at. */
  maxAttempts: number;
}

export const notifyConfigSection = defineConfigSection(
  'notify',
  {
    NOTIFY_SMTP_HOST: z.string().min(1).optional(),
    NOTIFY_SMTP_PORT: envInt(587, { min: 1, max: 65535 }),
    NOTIFY_SMTP_SECURE: envBoolean(false),
    NOTIFY_SMTP_REQUIRE_TLS: envBoolean(true),
    NOTIFY_SMTP_USER: z.string().optional(),
    NOTIFY_SMTP_PASSWORD: z.string().optional(),
    NOTIFY_FROM: z.email().default('child-view-hub@localhost'),
    NOTIFY_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
    NOTIFY_MAX_ATTEMPTS: envInt(8, { min: 1, max: 50 }),
  },
  (env): NotifyConfig => ({
    smtp:
      env.NOTIFY_SMTP_HOST === undefined
        ? undefined
        : {
            host: env.NOTIFY_SMTP_HOST,
            port: env.NOTIFY_SMTP_PORT,
            secure: env.NOTIFY_SMTP_SECURE,
            requireTls: env.NOTIFY_SMTP_REQUIRE_TLS,
            user: env.NOTIFY_SMTP_USER,
            password: env.NOTIFY_SMTP_PASSWORD,
            from: env.NOTIFY_FROM,
          },
    webhookSecret: env.NOTIFY_WEBHOOK_SECRET,
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
  }),
);
