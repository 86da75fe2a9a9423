/**
 * E-mail by SMTP (nodemailer). The Message-ID is derived from the outbox row, so if a crash makes the hub send a
 * row twice (see deliver.ts), the copies share one Message-ID and mail clients and servers that de-duplicate on
 * it show one message.
 */
import nodemailer from 'nodemailer';
import type { NotifyConfig } from './notify-config.js';
import type { NotificationTransport, SendOutcome } from './transport.js';

type SmtpConfig = NonNullable<NotifyConfig['smtp']>;

export function createSmtpTransport(
  config: SmtpConfig,
  options: { timeoutMs?: number; tls?: { rejectUnauthorized: boolean } } = {},
): NotificationTransport & { close(): void } {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls,
    ignoreTLS: !config.secure && !config.requireTls,
    auth: config.user === undefined ? undefined : { user: config.user, pass: config.password ?? '' },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const domain = config.from.split('@')[1] ?? 'localhost';
  return {
    async send(notification): Promise<SendOutcome> {
      try {
        await transporter.sendMail({
          from: config.from,
          to: notification.recipient,
          subject: notification.subject,
          text: notification.body,
          messageId: `<notification-${notification.id}@${domain}>`,
          headers: { 'X-Hub-Notification-Kind': notification.kind },
        });
        return { ok: true };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}

/** A code, never the server's text (which can quote the recipient's address). 5xx replies are permanent. */
export function smtpFailure(error: unknown): SendOutcome & { ok: false } {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') {
    return { ok: false, code: `SMTP_${responseCode}`, permanent: responseCode >= 500 && responseCode < 600 };
  }
  const safeCode = typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'SMTP_ERROR';
  return { ok: false, code: safeCode, permanent: false };
}
